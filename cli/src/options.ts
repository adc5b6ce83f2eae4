import { parseArgs } from 'node:util'
import { FLEET_VMS_LIMITS, parseValueText, type AssumptionValue, type Plan } from '../../models/index'
import { UsageError } from './errors'
import { loadPlan } from './load-plan'

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options']

/** Option values as parseArgs returns them; each command reads its own with a narrowing cast. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

/** Parses a command's arguments strictly; an unknown option or a missing value is a UsageError. */
export function parseCommandArgs(
  args: string[],
  options: OptionSpec,
  maxPositionals = 1
): { values: OptionValues; positionals: string[] } {
  let parsed
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments')
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals]}"`)
  }
  return parsed
}

/** Turns repeated `--set KEY=VALUE` options into validated assumption values. */
export function parseSetOptions(sets: readonly string[] | undefined): Record<string, AssumptionValue> {
  const values: Record<string, AssumptionValue> = {}
  for (const item of sets ?? []) {
    const eq = item.indexOf('=')
    if (eq <= 0) throw new UsageError(`--set needs KEY=VALUE, got "${item}"`)
    const key = item.slice(0, eq).trim()
    const result = parseValueText(key, item.slice(eq + 1))
    if (!result.ok) throw new UsageError(result.message)
    values[key] = result.value
  }
  return values
}

/** Parses a whole-number option within [min, max]; the message names the option and its range. */
export function parseIntegerOption(
  name: string,
  text: string | undefined,
  min: number,
  max: number
): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text.replace(/[_,]/g, ''))
  if (!/^\s*[\d_,]+\s*$/.test(text) || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} ${text} is out of range (allowed: ${min} to ${max.toLocaleString('en-US')}, whole numbers)`
    )
  }
  return value
}

/** The options of the commands that look at one plan at one fleet size: evaluate, sensitivity, breakeven. */
export const PLAN_AT_SIZE_OPTIONS = {
  vms: { type: 'string' },
  scenario: { type: 'string' },
  set: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const satisfies OptionSpec

export interface PlanAtSize {
  plan: Plan
  /** What the model's evaluatePlan, sensitivity and breakEven take as options. */
  at: { scenarioId: string | undefined; vms: number | undefined; overrides: Record<string, AssumptionValue> }
  isJson: boolean
}

/**
 * Reads PLAN_AT_SIZE_OPTIONS: `--set` values and `--vms` (1–1,000,000) are checked before the planning file
 * (the first positional, else the default plan) is read, so a typo is reported without touching the disk.
 */
export async function readPlanAtSize(values: OptionValues, positionals: string[]): Promise<PlanAtSize> {
  const overrides = parseSetOptions(values.set as string[] | undefined)
  const vms = parseIntegerOption(
    'vms',
    values.vms as string | undefined,
    FLEET_VMS_LIMITS.min,
    FLEET_VMS_LIMITS.max
  )
  const plan = await loadPlan(positionals[0])
  return {
    plan,
    at: { scenarioId: values.scenario as string | undefined, vms, overrides },
    isJson: values.json === true,
  }
}
