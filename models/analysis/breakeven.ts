import { analysisBase, type AnalysisOptions } from './analysis-inputs'
import { annualGapAt } from '../cost/annual-total'
import { findAssumption, type NumberAssumption } from '../catalog/catalog'
import { clampToCatalog, numericInputSetter } from '../catalog/input-setters'
import type { Plan } from '../plan/plan'
import type { Platform } from '../cost/types'
import { challengerWins, type AnalysisTarget } from './target'

/** Options of the break-even solver. */
export interface BreakEvenOptions extends AnalysisOptions {
  /**
   * Points of each scan of the allowed range (one evenly spaced, one log-spaced when the range is positive).
   * @default 1000
   */
  gridPoints?: number
  /**
   * Bisection stops when the bracket is narrower than this fraction of the allowed range (max − min).
   * @default 1e-6
   */
  relativeTolerance?: number
  /**
   * What breaks even (analysis/target.ts): the annual run rates, the move's NPV against staying's, or the
   * move paying back inside the horizon. For the two transition targets `cheaperAtCurrent` names the
   * platform the answer favours: 'openstack' when moving wins. Their scans default to 100 points each.
   * @default 'annualGap'
   */
  target?: AnalysisTarget
}

export interface BreakEvenResult {
  target: AnalysisTarget
  key: string
  /** Fleet size analysed, VMs. */
  vms: number
  /**
   * The value, in the key's unit, at which the cheaper platform changes: the first value on the far side of
   * the break-even as seen from the current value, within the tolerance (integer keys: the first whole value
   * there). Both platforms' annual totals are equal there, or as near as whole hosts and engineers allow.
   * Null when the cheaper platform is the same across the whole allowed range.
   */
  value: number | null
  /** The key's value in the scenario. */
  current: number
  /** The platform that is cheaper at the current value (VMware wins ties). */
  cheaperAtCurrent: Platform
  /** Why there is no value, in a sentence for people; absent when there is one. */
  reason?: string
}

const PLATFORM_NAMES: Record<Platform, string> = { vmware: 'VMware', openstack: 'OpenStack' }

/** What holds across the whole range, in words, for the target. */
function outcomeText(target: AnalysisTarget, side: Platform): string {
  if (target === 'annualGap') return `${PLATFORM_NAMES[side]} stays cheaper`
  if (target === 'moveNpvGain')
    return side === 'openstack' ? 'moving stays cheaper in NPV' : 'staying stays cheaper in NPV'
  return side === 'openstack'
    ? 'moving always pays back inside the horizon'
    : 'moving never pays back inside the horizon'
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 })
}

/**
 * The scan grid over [lo, hi]: `points` evenly spaced values, plus `points` log-spaced ones when lo ≥ 0
 * (from max(lo, hi·1e-6), so small break-evens in a wide range such as 0–1e9 are not stepped over), plus
 * the current value; rounded for integer keys, sorted, without duplicates.
 */
function scanGrid(a: NumberAssumption, lo: number, hi: number, current: number, points: number): number[] {
  const values = new Set<number>([lo, hi, current])
  for (let i = 0; i < points; i++) values.add(lo + ((hi - lo) * i) / (points - 1))
  if (lo >= 0 && hi > 0) {
    const start = Math.max(lo, hi * 1e-6)
    if (start > 0 && start < hi) {
      const ratio = Math.log(hi / start)
      for (let i = 0; i < points; i++) values.add(start * Math.exp((ratio * i) / (points - 1)))
    }
  }
  const grid = [...values].map((v) => clampToCatalog(a, v))
  return [...new Set(grid)].sort((x, y) => x - y)
}

/**
 * Break-even solver (DESIGN.md "The model" step 11): the value of one numeric assumption at which VMware's
 * and OpenStack's annual run rates (evaluatePlatform's year-1 totals, plan currency per year) are equal at
 * the fleet size, everything else as in the scenario.
 *
 * Costs are step functions (whole hosts, whole engineers), so the solver brackets the change of the cheaper
 * platform rather than a zero of the gap: it scans the allowed catalog range (scanGrid: 1,000 evenly spaced
 * and 1,000 log-spaced points plus the current value), takes the change nearest the current value, and
 * bisects it to relativeTolerance × (max − min) (integer keys: to adjacent whole numbers). A change that
 * reverses between two scan points is not seen. For `fleet.vms` the answer is the nearest crossover fleet
 * size. Throws RangeError for an unknown or non-numeric key, naming it.
 */
export function breakEven(plan: Plan, key: string, options: BreakEvenOptions = {}): BreakEvenResult {
  const a = findAssumption(key)
  if (!a) throw new RangeError(`unknown assumption key "${key}" (run \`stackplan assumptions\` for the list)`)
  if (a.kind !== 'number')
    throw new RangeError(
      `${key} is not a numeric assumption (it is ${a.kind === 'profile' ? 'a profile' : `a ${a.kind}`}); a break-even needs a number`
    )
  const { inputs, values, vms } = analysisBase(plan, options)
  const current = values[key] as number
  const isFleetSize = key === 'fleet.vms'
  const set = numericInputSetter(inputs, key)
  const target = options.target ?? 'annualGap'
  const cheaperAt = (value: number): Platform => {
    set(value)
    const at = isFleetSize ? value : vms
    if (target === 'annualGap') return annualGapAt(inputs, at) <= 0 ? 'vmware' : 'openstack'
    return challengerWins(inputs, at, target) ? 'openstack' : 'vmware'
  }
  const startValue = isFleetSize ? vms : current
  const cheaperAtCurrent = cheaperAt(startValue)
  const lo = clampToCatalog(a, a.min)
  const hi = a.max
  const grid = scanGrid(a, lo, hi, startValue, options.gridPoints ?? (target === 'annualGap' ? 1000 : 100))
  const cheaper = grid.map(cheaperAt)
  const here = grid.indexOf(startValue)
  // The nearest change above the current value and the nearest below it.
  let up = -1
  for (let i = here; i + 1 < grid.length; i++) {
    if (cheaper[i + 1] !== cheaperAtCurrent) {
      up = i
      break
    }
  }
  let down = -1
  for (let i = here; i - 1 >= 0; i--) {
    if (cheaper[i - 1] !== cheaperAtCurrent) {
      down = i
      break
    }
  }
  const result = { target, key, vms, current, cheaperAtCurrent }
  if (up < 0 && down < 0) {
    return {
      ...result,
      value: null,
      reason: `no break-even inside the allowed range ${formatNumber(a.minExclusive ? a.min : lo)}–${formatNumber(hi)}: ${outcomeText(target, cheaperAtCurrent)}`,
    }
  }
  const upDistance = up < 0 ? Infinity : (grid[up] as number) - startValue
  const downDistance = down < 0 ? Infinity : startValue - (grid[down] as number)
  // near: cheaperAtCurrent holds there; far: the other platform is cheaper there.
  let near: number
  let far: number
  if (upDistance <= downDistance) {
    near = grid[up] as number
    far = grid[up + 1] as number
  } else {
    near = grid[down] as number
    far = grid[down - 1] as number
  }
  const tolerance = (options.relativeTolerance ?? 1e-6) * (hi - lo)
  while (Math.abs(far - near) > (a.isInteger ? 1 : tolerance)) {
    const mid = a.isInteger ? Math.trunc((near + far) / 2) : (near + far) / 2
    if (mid === near || mid === far) break
    if (cheaperAt(mid) === cheaperAtCurrent) near = mid
    else far = mid
  }
  set(current)
  return { ...result, value: far }
}
