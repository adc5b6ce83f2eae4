import { throwIfCancelled, type AnalysisControl } from './control'
import { analysisBase, CROSSOVER_GRID, type AnalysisOptions } from './analysis-inputs'
import { annualTotalAt } from '../cost/annual-total'
import { CATALOG, type NumberAssumption } from '../catalog/catalog'
import { findCrossovers, logSpacedFleetSizes } from '../cost/curves'
import { clampToCatalog, numericInputSetter } from '../catalog/input-setters'
import type { ModelInputs } from '../catalog/inputs'
import type { Plan } from '../plan/plan'
import type { Platform } from '../cost/types'
import { targetValue, type AnalysisTarget } from './target'

/** Options of the tornado analysis. */
export interface SensitivityOptions extends AnalysisOptions, AnalysisControl {
  /**
   * How far an assumption without a range in the plan moves either way, as a fraction of its value.
   * @default 0.2
   */
  relativeStep?: number
  /**
   * What the swing is measured on (analysis/target.ts): the annual gap, the move's NPV gain or its payback month.
   * @default 'annualGap'
   */
  target?: AnalysisTarget
  /**
   * Whether each row also recomputes the first crossover of the annual curve (61 fleet sizes each); off for
   * a quick ranking (the report's summary), when every crossover field is null.
   * @default true
   */
  withCrossovers?: boolean
}

/** One bar of the tornado: an assumption at its low and its high, everything else unchanged. */
export interface SensitivityRow {
  key: string
  /** The assumption's value in the scenario, in its catalog unit. */
  value: number
  /** Low and high used, in the assumption's unit, inside the catalog range (whole numbers for integer keys). */
  low: number
  high: number
  /** Where low and high come from: the plan's range for the key, or ±relativeStep of its value. */
  source: 'range' | 'relative'
  /**
   * The target at the fleet size with the key at low / high: by default VMware − OpenStack annual run rate,
   * plan currency per year (see SensitivityResult.target).
   */
  gapLow: number
  gapHigh: number
  /** First crossover fleet size (VMs) on the 10–100,000 VM grid with the key at low / high; null when none. */
  crossoverLow: number | null
  crossoverHigh: number | null
}

export interface SensitivityResult {
  /** What `gap`, `gapLow` and `gapHigh` measure. */
  target: AnalysisTarget
  /** The horizon in months: a paybackMonth target of this value means no payback inside the horizon. */
  months: number
  /** Fleet size analysed, VMs. */
  vms: number
  currency: string
  /** VMware − OpenStack annual run rate at `vms` with every assumption at its value (positive: OpenStack cheaper). */
  gap: number
  /** First crossover with every assumption at its value, VMs; null when none. */
  crossover: number | null
  /**
   * The fleet sizes the crossovers were searched over, VMs: CROSSOVER_GRID's 10–100,000, widened to the
   * plan's fleet size when it lies outside (logSpacedFleetSizes), so "no crossover" can name its range.
   */
  crossoverRange: { fromVms: number; toVms: number }
  /** Sorted by the gap's swing |gapHigh − gapLow|, largest first; catalog order among equal swings. */
  rows: SensitivityRow[]
}

/**
 * Keys left out of the tornado: the fleet size is the question, not an assumption; the exchange rate only
 * converts the currency, scaling both platforms alike, so it can never change which one is cheaper.
 */
const NOT_VARIED = new Set(['fleet.vms', 'finance.usdToCurrency'])

/** First crossover of the annual curve on the default grid, or null (findCrossovers, bisection to 1 VM). */
function firstCrossover(inputs: ModelInputs, grid: readonly number[]): number | null {
  const cheaper: Platform[] = []
  for (const x of grid) {
    cheaper.push(
      annualTotalAt(inputs, 'vmware', x) <= annualTotalAt(inputs, 'openstack', x) ? 'vmware' : 'openstack'
    )
  }
  return findCrossovers(inputs, 'annual', grid, cheaper)[0]?.vms ?? null
}

/**
 * The low and high an assumption is moved to: the plan's range (its low and high) when it has one, else
 * value × (1 ∓ relativeStep); both clamped to the catalog range and rounded for integer keys. Null when
 * the assumption has no range and its value is 0 (a relative step would not move it).
 */
export function sensitivityBounds(
  a: NumberAssumption,
  value: number,
  range: { low: number; high: number } | undefined,
  relativeStep = 0.2
): { low: number; high: number; source: 'range' | 'relative' } | null {
  if (range)
    return { low: clampToCatalog(a, range.low), high: clampToCatalog(a, range.high), source: 'range' }
  if (value === 0) return null
  const one = value * (1 - relativeStep)
  const other = value * (1 + relativeStep)
  return {
    low: clampToCatalog(a, Math.min(one, other)),
    high: clampToCatalog(a, Math.max(one, other)),
    source: 'relative',
  }
}

/**
 * Tornado sensitivity (DESIGN.md "The model" step 11) at one fleet size: every numeric assumption (except
 * the fleet size and the exchange rate) is moved alone to its low and its high (sensitivityBounds: the
 * plan's range, else ±20 % of its value, clamped to the catalog range), and the annual cost gap
 * VMware − OpenStack at the fleet size (plan currency per year, the year-1 run rate of evaluatePlatform) and
 * the first crossover fleet size on the 10–100,000 VM, 61-point log grid (findCrossovers: bisection to
 * 1 VM) are recomputed. Rows are sorted by the gap's swing. With `target` the swing is measured on the
 * move's NPV gain or payback month instead (analysis/target.ts), which the horizon keys do move. Assumptions that act only on the horizon (NPV)
 * — discount rate, escalation, growth — show no swing here: the gap is the annual run rate.
 *
 * Pure and synchronous; onProgress is called after each row, isCancelled before each row.
 */
export function sensitivity(plan: Plan, options: SensitivityOptions = {}): SensitivityResult {
  const { inputs, values, vms } = analysisBase(plan, options)
  const relativeStep = options.relativeStep ?? 0.2
  const target = options.target ?? 'annualGap'
  const crossoverOf = (i: ModelInputs): number | null =>
    options.withCrossovers === false ? null : firstCrossover(i, grid)
  const grid = logSpacedFleetSizes(
    CROSSOVER_GRID.fromVms,
    CROSSOVER_GRID.toVms,
    CROSSOVER_GRID.points,
    inputs.fleetVms
  )
  const candidates: {
    a: NumberAssumption
    value: number
    low: number
    high: number
    source: SensitivityRow['source']
  }[] = []
  for (const a of CATALOG) {
    if (a.kind !== 'number' || NOT_VARIED.has(a.key)) continue
    const value = values[a.key] as number
    const bounds = sensitivityBounds(a, value, plan.ranges[a.key], relativeStep)
    if (bounds) candidates.push({ a, value, ...bounds })
  }
  const rows: SensitivityRow[] = []
  const total = candidates.length
  candidates.forEach(({ a, value, low, high, source }, i) => {
    throwIfCancelled(options)
    const set = numericInputSetter(inputs, a.key)
    set(low)
    const gapLow = targetValue(inputs, vms, target)
    const crossoverLow = crossoverOf(inputs)
    set(high)
    const gapHigh = targetValue(inputs, vms, target)
    const crossoverHigh = crossoverOf(inputs)
    set(value)
    rows.push({ key: a.key, value, low, high, source, gapLow, gapHigh, crossoverLow, crossoverHigh })
    options.onProgress?.(i + 1, total)
  })
  rows.sort((x, y) => Math.abs(y.gapHigh - y.gapLow) - Math.abs(x.gapHigh - x.gapLow))
  return {
    target,
    months: inputs.finance.horizonYears * 12,
    vms,
    currency: inputs.finance.currency,
    gap: targetValue(inputs, vms, target),
    crossover: crossoverOf(inputs),
    crossoverRange: {
      fromVms: grid[0] ?? CROSSOVER_GRID.fromVms,
      toVms: grid.at(-1) ?? CROSSOVER_GRID.toVms,
    },
    rows,
  }
}
