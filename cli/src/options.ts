import { parseArgs } from 'node:util'
import {
  ANALYSIS_TARGETS,
  FLEET_VMS_LIMITS,
  isAnalysisTarget,
  parseValueText,
  type AnalysisTarget,
  type AssumptionValue,
  type Plan,
} from '../../models/index'
import { UsageError } from './errors'
import { loadPlan } from './load-plan'
import { quoted } from './terminal-text'

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options']

/** Option values as parseArgs returns them; each command reads its own with a narrowing cast. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

/**
 * `--samples -1` as `--samples=-1`: parseArgs takes a value starting with "-" for an option and calls it
 * ambiguous; the number's own check then says what the option accepts.
 */
function joinNegativeValues(args: readonly string[], options: OptionSpec): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    const next = args[i + 1]
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined
    const spec = name !== undefined && options && Object.hasOwn(options, name) ? options[name] : undefined
    if (spec?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`)
      i++
    } else {
      out.push(arg)
    }
  }
  return out
}

/** Parses a command's arguments strictly; an unknown option or a missing value is a UsageError. */
export function parseCommandArgs(
  args: string[],
  options: OptionSpec,
  maxPositionals = 1
): { values: OptionValues; positionals: string[] } {
  let parsed
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, options),
      allowPositionals: true,
      options,
      strict: true,
    })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments')
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument ${quoted(parsed.positionals[maxPositionals] ?? '')}`)
  }
  return parsed
}

/** Turns repeated `--set KEY=VALUE` options into validated assumption values. */
export function parseSetOptions(sets: readonly string[] | undefined): Record<string, AssumptionValue> {
  const values: Record<string, AssumptionValue> = {}
  for (const item of sets ?? []) {
    const eq = item.indexOf('=')
    if (eq <= 0) throw new UsageError(`--set needs KEY=VALUE, got ${quoted(item)}`)
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
  const allowed = `allowed: ${min} to ${max.toLocaleString('en-US')}, whole numbers`
  const trimmed = text.trim()
  // Digits, optionally grouped by three with "," or "_": "_", "," and "1,5" are not numbers.
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d+)$/.test(trimmed)) {
    // A number, just not a whole one in range ("-1", "2.5"), is out of range; "_", "," or "1,5" is no number.
    if (/^[-+]?\d+(?:\.\d+)?$/.test(trimmed))
      throw new UsageError(`--${name} ${trimmed} is out of range (${allowed})`)
    throw new UsageError(`--${name} ${quoted(text)} is not a whole number (${allowed})`)
  }
  const value = Number(trimmed.replace(/[_,]/g, ''))
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} ${text} is out of range (${allowed})`)
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

/** Reads `--target` (annualGap, moveNpvGain or paybackMonth); undefined when absent. */
export function parseTargetOption(text: string | undefined): AnalysisTarget | undefined {
  if (text === undefined) return undefined
  if (!isAnalysisTarget(text))
    throw new UsageError(`--target ${text} is not a target (one of ${ANALYSIS_TARGETS.join(', ')})`)
  return text
}
