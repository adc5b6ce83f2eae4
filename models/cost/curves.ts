import { evaluatePlanInputsAt } from './curve-point'
import type { ModelInputs } from '../catalog/inputs'
import type { CostMetric, Plan } from '../plan/plan'
import { planInputs } from './evaluate'
import type { AssumptionValues } from '../catalog/values'
import {
  CATEGORIES,
  PLATFORMS,
  type Crossover,
  type CurveCategory,
  type CurveSet,
  type Platform,
} from './types'

/**
 * `points` fleet sizes spaced evenly on a log scale from `fromVms` to `toVms`, rounded to whole VMs,
 * with `include` added exactly; sorted, without duplicates. The sweep always reaches `include` (the plan's
 * own fleet size): one below `fromVms` or above `toVms` widens the range to it, so the user's fleet is on
 * the curve rather than off the chart, and the points spread over the widened range.
 */
export function logSpacedFleetSizes(
  fromVms: number,
  toVms: number,
  points: number,
  include?: number
): number[] {
  const set = new Set<number>()
  const lo = Math.log(include === undefined ? fromVms : Math.min(fromVms, include))
  const hi = Math.log(include === undefined ? toVms : Math.max(toVms, include))
  for (let i = 0; i < points; i++) {
    set.add(Math.round(Math.exp(points === 1 ? lo : lo + ((hi - lo) * i) / (points - 1))))
  }
  if (include !== undefined) set.add(include)
  return [...set].sort((a, b) => a - b)
}

/** Which platform is cheaper at `vms` VMs by the metric (VMware wins ties). */
function cheaperAt(inputs: ModelInputs, metric: CostMetric, vms: number): Platform {
  const point = evaluatePlanInputsAt(inputs, vms, metric)
  return point.vmware.total <= point.openstack.total ? 'vmware' : 'openstack'
}

/**
 * Fleet sizes where the cheaper platform changes between consecutive grid points, each found by
 * bisection on whole VMs to the first fleet size on the new side (to within 1 VM, not read off the grid).
 * Cost curves are step functions (whole hosts, whole engineers), so a change that reverses between two
 * grid points is not seen; the grid is fine enough that such blips are a few VMs wide.
 */
export function findCrossovers(
  inputs: ModelInputs,
  metric: CostMetric,
  vms: readonly number[],
  cheaper: readonly Platform[]
): Crossover[] {
  const crossovers: Crossover[] = []
  for (let i = 1; i < vms.length; i++) {
    const below = cheaper[i - 1] as Platform
    const above = cheaper[i] as Platform
    if (below === above) continue
    let lo = vms[i - 1] as number
    let hi = vms[i] as number
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (cheaperAt(inputs, metric, mid) === below) lo = mid
      else hi = mid
    }
    crossovers.push({ vms: hi, cheaperBelow: below, cheaperAbove: above })
  }
  return crossovers
}

export interface CurveOptions {
  scenarioId?: string
  /** Values applied on top of the scenario (CLI --set, sensitivity). */
  overrides?: AssumptionValues
  metric?: CostMetric
  fromVms?: number
  toVms?: number
  points?: number
}

/**
 * Cost curves of one scenario (DESIGN.md step 10): total and every category for both platforms at
 * log-spaced fleet sizes (default 10 … 100,000 VMs, 61 points, plus the plan's own fleet size), in the
 * chosen metric, with the crossovers.
 */
export function computeCurves(plan: Plan, options: CurveOptions = {}): CurveSet {
  const { inputs, scenario } = planInputs(plan, {
    scenarioId: options.scenarioId,
    overrides: options.overrides,
  })
  const metric = options.metric ?? plan.view.metric
  const from = options.fromVms ?? plan.view.curveFromVms
  const to = options.toVms ?? plan.view.curveToVms
  const points = options.points ?? plan.view.curvePoints
  const vms = logSpacedFleetSizes(from, to, points, inputs.fleetVms)
  const platforms = {} as Record<Platform, Record<CurveCategory, number[]>>
  for (const p of PLATFORMS) {
    const series = { total: [] } as unknown as Record<CurveCategory, number[]>
    for (const c of CATEGORIES) series[c] = []
    platforms[p] = series
  }
  const cheaper: Platform[] = []
  for (const x of vms) {
    const point = evaluatePlanInputsAt(inputs, x, metric)
    for (const p of PLATFORMS) {
      const costs = point[p]
      const series = platforms[p]
      series.total.push(costs.total)
      for (const c of CATEGORIES) series[c].push(costs[c])
    }
    cheaper.push(point.vmware.total <= point.openstack.total ? 'vmware' : 'openstack')
  }
  return {
    currency: inputs.finance.currency,
    metric,
    scenarioId: scenario?.id ?? '',
    scenarioName: scenario?.name ?? 'Baseline',
    vms,
    platforms,
    crossovers: findCrossovers(inputs, metric, vms, cheaper),
  }
}

/** Curves of every scenario of a plan, in scenario order. */
export function computeAllCurves(plan: Plan, options: Omit<CurveOptions, 'scenarioId'> = {}): CurveSet[] {
  return plan.scenarios.map((s) => computeCurves(plan, { ...options, scenarioId: s.id }))
}
