import type { AssumptionValue } from '../catalog/catalog'
import { fleetSizeProblem, planInputs } from '../cost/evaluate'
import type { ModelInputs } from '../catalog/inputs'
import type { Plan, Scenario } from '../plan/plan'
import { scenarioValues } from '../plan/scenario-values'
import type { AssumptionValues } from '../catalog/values'
import { DEFAULT_CURVE } from '../plan/limits'

/** Options every analysis takes: which scenario, at which fleet size, with which extra values. */
export interface AnalysisOptions {
  /** Scenario id or name; the first scenario when omitted. */
  scenarioId?: string
  /** Fleet size the analysis looks at, VMs; the plan's fleet.vms when omitted. */
  vms?: number
  /** Values applied on top of the scenario (CLI --set). */
  overrides?: AssumptionValues
}

/** What an analysis starts from: typed inputs (a fresh object it may mutate), the values by key, the fleet size. */
export interface AnalysisBase {
  inputs: ModelInputs
  scenario: Scenario | undefined
  /** Every assumption's value in this scenario: catalog defaults, plan values, scenario overrides, extra values. */
  values: Record<string, AssumptionValue>
  /** The fleet size analysed, VMs. */
  vms: number
}

/**
 * Resolves a plan for an analysis. Throws RangeError naming the key and its range when a value is invalid,
 * the scenario does not exist or the fleet size is out of range (as evaluatePlan does).
 */
export function analysisBase(plan: Plan, options: AnalysisOptions = {}): AnalysisBase {
  const { inputs, scenario } = planInputs(plan, {
    scenarioId: options.scenarioId,
    overrides: options.overrides,
  })
  const values = scenarioValues(plan, scenario?.id, options.overrides)
  const vms = options.vms ?? inputs.fleetVms
  const problem = fleetSizeProblem(vms)
  if (problem) throw new RangeError(problem)
  return { inputs, scenario, values, vms }
}

/** The fleet-size grid analyses look for crossovers on (DESIGN.md step 10's default curve): 10 to 100,000 VMs. */
export const CROSSOVER_GRID = DEFAULT_CURVE
