import { findAssumption, isNumberAssumption, type NumberAssumption } from '../catalog/catalog'
import type { Distribution, Plan } from '../plan/plan'
import { sampledAssumptions } from './montecarlo'

/** Which end of a distribution a problem is about, and why (the editor words it with the catalog range). */
export interface RangeProblem {
  field: 'low' | 'likely' | 'high'
  reason: 'notNumber' | 'outOfRange' | 'lowAboveHigh' | 'likelyOutside' | 'lognormalLow'
}

/** True for the kinds that take a most likely value. */
export function hasLikely(kind: Distribution['kind']): boolean {
  return kind === 'triangular' || kind === 'pert'
}

function inCatalogRange(a: NumberAssumption, v: number): boolean {
  return (a.minExclusive ? v > a.min : v >= a.min) && v <= a.max
}

/**
 * The first reason a distribution cannot be saved for assumption `a`, or null. The same rules as the
 * planning file's (plan-file-validate.ts): every end inside the catalog's allowed range, low ≤ high, a
 * most likely value between them for triangular and PERT, and a lognormal's low above 0.
 */
export function distributionProblem(a: NumberAssumption, d: Distribution): RangeProblem | null {
  const fields = hasLikely(d.kind) ? (['low', 'likely', 'high'] as const) : (['low', 'high'] as const)
  for (const field of fields) {
    const v = d[field]
    if (typeof v !== 'number' || !Number.isFinite(v)) return { field, reason: 'notNumber' }
    if (!inCatalogRange(a, v)) return { field, reason: 'outOfRange' }
  }
  if (d.low > d.high) return { field: 'low', reason: 'lowAboveHigh' }
  if (hasLikely(d.kind) && ((d.likely as number) < d.low || (d.likely as number) > d.high))
    return { field: 'likely', reason: 'likelyOutside' }
  if (d.kind === 'lognormal' && d.low <= 0) return { field: 'low', reason: 'lognormalLow' }
  return null
}

/**
 * The range Monte Carlo uses for `key` when the plan gives it none, from the model (sampledAssumptions
 * with the plan's own range left out): PERT over the catalog's default range for estimates, disputed values
 * and list prices; null for plain inputs (not sampled without a range of their own).
 */
export function defaultDistribution(plan: Plan, scenarioId: string, key: string): Distribution | null {
  const others = { ...plan.ranges }
  delete others[key]
  try {
    const found = sampledAssumptions({ ...plan, ranges: others }, { scenarioId }).find((s) => s.key === key)
    return found?.source === 'default' ? found.distribution : null
  } catch {
    return null
  }
}

function sameDistribution(x: Distribution | undefined, y: Distribution | null): boolean {
  if (!x || !y) return !x && !y
  return x.kind === y.kind && x.low === y.low && x.high === y.high && x.likely === y.likely
}

/**
 * Sets (or with null removes) the plan's range for a numeric assumption, as a new plan. Throws naming the
 * problem when the distribution is invalid, so an invalid range never reaches a plan; returns the same
 * plan when nothing changes.
 */
export function withRange(plan: Plan, key: string, distribution: Distribution | null): Plan {
  const a = findAssumption(key)
  if (!isNumberAssumption(a)) throw new Error(`${key} is not a numeric assumption; only numbers take a range`)
  if (sameDistribution(plan.ranges[key], distribution)) return plan
  const next = structuredClone(plan)
  if (distribution === null) {
    delete next.ranges[key]
    return next
  }
  const problem = distributionProblem(a, distribution)
  if (problem) throw new Error(`${key}: ${problem.field} — ${problem.reason}`)
  const { kind, low, high } = distribution
  next.ranges[key] = hasLikely(kind)
    ? { kind, low, likely: distribution.likely as number, high }
    : { kind, low, high }
  return next
}
