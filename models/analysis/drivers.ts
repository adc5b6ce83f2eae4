import { analysisBase, type AnalysisOptions } from './analysis-inputs'
import { CATALOG, type Assumption, type AssumptionValue } from '../catalog/catalog'
import { planInputs } from '../cost/evaluate'
import { evaluatePlanInputsAt } from '../cost/curve-point'
import type { Category, Platform } from '../cost/types'
import type { Plan } from '../plan/plan'

/** Keys that only choose how money is written (display currency and its rate), never what a thing costs. */
const DISPLAY_ONLY = new Set(['finance.currency', 'finance.usdToCurrency', 'fleet.vms'])

/** Relative change a number is tried at on each side (it is clamped to the allowed range). */
const RELATIVE_STEP = 0.5

/** A cost that moved by less than this share of its size (or 1e-9 absolute) did not move: float noise. */
const TOLERANCE = 1e-9

/**
 * The values an assumption is tried at: a number at ×0.5 and ×1.5 of its value (a tenth of its range away
 * when it is 0), clamped to its range and rounded for whole-number keys; a choice at each other option; a
 * switch flipped; a weekly profile flattened to 24 × 7 at its peak. The current value is never tried.
 */
export function perturbations(a: Assumption, value: AssumptionValue): AssumptionValue[] {
  switch (a.kind) {
    case 'number': {
      const v = value as number
      const span = a.max - a.min
      const raw =
        v === 0 ? [v - span / 10, v + span / 10] : [v * (1 - RELATIVE_STEP), v * (1 + RELATIVE_STEP)]
      const tried = raw.map((x) => {
        let c = Math.min(a.max, Math.max(a.min, x))
        if (a.isInteger) c = Math.min(Math.floor(a.max), Math.max(Math.ceil(a.min), Math.round(c)))
        if (a.minExclusive && c <= a.min) c = v
        return c
      })
      return [...new Set(tried)].filter((x) => x !== v)
    }
    case 'choice':
      return a.options.filter((o) => o !== value)
    case 'boolean':
      return [!value]
    case 'profile':
      return [new Array<number>(168).fill(1)]
    case 'currency':
      return []
  }
}

export interface DriverQuery extends AnalysisOptions {
  /** The platform whose cost is asked about; null for either platform. */
  platform: Platform | null
  /** The cost category asked about; null for the annual total. */
  category: Category | null
}

/**
 * The assumptions that drive a cost at a fleet size, found from the model rather than from a list: each
 * assumption is moved (see perturbations) with everything else as it is, the plan is evaluated at the fleet
 * size, and the key drives the cost when the platform's annual cost in the category (or its total) changes.
 * Sizing inputs (RAM per host, cores per socket, overcommit, vCPU per core…) are found wherever they move a
 * cost through the node count at that size, and only there. One-off and horizon-only keys (adoption, late
 * renewal penalty, escalation, discount rate) never move the annual run rate and are not listed. Keys that
 * only set the display currency are left out. Catalog order, each key once.
 *
 * Throws RangeError as evaluatePlan does for an invalid plan or fleet size.
 */
export function driversAt(plan: Plan, query: DriverQuery): string[] {
  const { values, vms } = analysisBase(plan, query)
  const base = evaluatePlanInputsAt(planInputs(plan, query).inputs, vms, 'annual')
  const platforms: Platform[] = query.platform ? [query.platform] : ['vmware', 'openstack']
  const category = query.category ?? 'total'
  const moved = (costs: ReturnType<typeof evaluatePlanInputsAt>): boolean =>
    platforms.some((p) => {
      const before = base[p][category]
      const after = costs[p][category]
      return Math.abs(after - before) > Math.max(TOLERANCE, Math.abs(before) * TOLERANCE)
    })
  return CATALOG.filter((a) => {
    if (DISPLAY_ONLY.has(a.key)) return false
    const value = values[a.key]
    if (value === undefined) return false
    return perturbations(a, value).some((trial) => {
      const { inputs } = planInputs(plan, { ...query, overrides: { ...query.overrides, [a.key]: trial } })
      return moved(evaluatePlanInputsAt(inputs, vms, 'annual'))
    })
  }).map((a) => a.key)
}
