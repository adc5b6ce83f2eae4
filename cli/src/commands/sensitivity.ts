import { findAssumption, sensitivity, type SensitivityResult } from '../../../models/index'
import { withUsageErrors } from '../errors'
import { formatTable, money, number, vmsText } from '../format'
import { PLAN_AT_SIZE_OPTIONS, parseCommandArgs, readPlanAtSize } from '../options'

/** Rows shown by the readable table; --json has them all. */
const TABLE_ROWS = 15

/** The public JSON shape of `stackplan sensitivity --json` (docs/CLI.md). */
export function sensitivityJson(s: SensitivityResult) {
  return {
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

function sensitivityTable(s: SensitivityResult): string {
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
  const { values, positionals } = parseCommandArgs(args, PLAN_AT_SIZE_OPTIONS)
  const { plan, at, isJson } = await readPlanAtSize(values, positionals)
  const result: SensitivityResult = withUsageErrors(() => sensitivity(plan, at))
  return isJson ? JSON.stringify(sensitivityJson(result), null, 2) : sensitivityTable(result)
}
