import { findAssumption, sensitivity, type SensitivityResult } from '../../../models/index'
import { withUsageErrors } from '../errors'
import { formatTable, money, number, vmsText } from '../format'
import { PLAN_AT_SIZE_OPTIONS, parseCommandArgs, parseTargetOption, readPlanAtSize } from '../options'

/** Rows shown by the readable table; --json has them all. */
const TABLE_ROWS = 15

/** The public JSON shape of `stackplan sensitivity --json` (docs/CLI.md). */
export function sensitivityJson(s: SensitivityResult) {
  return {
    target: s.target,
    vms: s.vms,
    gap: s.gap,
    rows: s.rows.map((r) => ({
      key: r.key,
      low: r.low,
      high: r.high,
      gapLow: r.gapLow,
      gapHigh: r.gapHigh,
      crossoverLow: r.crossoverLow,
      crossoverHigh: r.crossoverHigh,
    })),
  }
}

function valueText(key: string, value: number): string {
  const a = findAssumption(key)
  const decimals = a?.kind === 'number' && a.isInteger ? 0 : Math.abs(value) >= 100 ? 0 : 3
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals })
}

function crossoverText(vms: number | null): string {
  return vms === null ? 'none' : number(vms)
}

/** A target value as text: money, or a payback month counted from 1 ("none" past the horizon). */
function targetText(s: SensitivityResult, value: number): string {
  if (s.target !== 'paybackMonth') return money(value, s.currency)
  return value >= s.months ? 'none' : `month ${number(value + 1)}`
}

function transitionTable(s: SensitivityResult): string {
  const rows = [['key', 'low', 'high', 'at low', 'at high', 'swing']]
  for (const r of s.rows.slice(0, TABLE_ROWS)) {
    const swing = Math.abs(r.gapHigh - r.gapLow)
    rows.push([
      r.key,
      valueText(r.key, r.low),
      valueText(r.key, r.high),
      targetText(s, r.gapLow),
      targetText(s, r.gapHigh),
      s.target === 'paybackMonth' ? `${number(swing)} months` : money(swing, s.currency),
    ])
  }
  const what =
    s.target === 'paybackMonth'
      ? `payback of moving ${targetText(s, s.gap)} (months from 1; none = not inside the horizon)`
      : `NPV of staying − NPV of moving ${money(s.gap, s.currency)} (positive: moving is cheaper)`
  return [
    `Sensitivity at ${vmsText(s.vms)}: ${what}.`,
    'Each assumption alone at its low and high (the plan’s range, else ±20 % of its value).',
    '',
    formatTable(rows),
  ].join('\n')
}

function sensitivityTable(s: SensitivityResult): string {
  if (s.target !== 'annualGap') return transitionTable(s)
  const cur = s.currency
  const rows = [
    ['key', 'low', 'high', 'gap at low', 'gap at high', 'swing', 'crossover low', 'crossover high'],
  ]
  for (const r of s.rows.slice(0, TABLE_ROWS)) {
    rows.push([
      r.key,
      valueText(r.key, r.low),
      valueText(r.key, r.high),
      money(r.gapLow, cur),
      money(r.gapHigh, cur),
      money(Math.abs(r.gapHigh - r.gapLow), cur),
      crossoverText(r.crossoverLow),
      crossoverText(r.crossoverHigh),
    ])
  }
  const cheaper = s.gap > 0 ? 'OpenStack' : 'VMware'
  return [
    `Sensitivity at ${vmsText(s.vms)}: gap VMware − OpenStack ${money(s.gap, cur)} a year (${cheaper} cheaper), ` +
      `first crossover ${s.crossover === null ? `none in ${number(s.crossoverRange.fromVms)}–${vmsText(s.crossoverRange.toVms)}` : `at ${vmsText(s.crossover)}`}.`,
    'Each assumption alone at its low and high (the plan’s range, else ±20 % of its value); gap = annual run rate.',
    '',
    formatTable(rows),
    '',
    s.rows.length > TABLE_ROWS
      ? `Top ${TABLE_ROWS} of ${s.rows.length} assumptions by swing; --json lists them all.`
      : `${s.rows.length} assumptions.`,
  ].join('\n')
}

export async function runSensitivity(args: string[]): Promise<string> {
  const { values, positionals } = parseCommandArgs(args, {
    ...PLAN_AT_SIZE_OPTIONS,
    target: { type: 'string' },
  })
  const target = parseTargetOption(values.target as string | undefined)
  const { plan, at, isJson } = await readPlanAtSize(values, positionals)
  const result: SensitivityResult = withUsageErrors(() => sensitivity(plan, { ...at, target }))
  return isJson ? JSON.stringify(sensitivityJson(result), null, 2) : sensitivityTable(result)
}
