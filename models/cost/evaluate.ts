import { findAssumption } from '../catalog/catalog'
import { vmsCarriedByHosts } from './capacity'
import { toModelInputs, type ModelInputs } from '../catalog/inputs'
import type { Plan, Scenario } from '../plan/plan'
import { scenarioLayers, scenarioOf } from '../plan/scenario-values'
import { planWarnings } from './plan-checks'
import { evaluatePlatform } from './tco'
import { oversizedVms, workloadShapes, type OversizedVms } from './workload-mix'
import type { Evaluation, Platform } from './types'
import { valuesProblems, type AssumptionValues, type ValueProblem } from '../catalog/values'

/** Options shared by plan-level evaluations. */
export interface PlanEvaluationOptions {
  /** Scenario id or name; the first scenario when omitted. */
  scenarioId?: string
  /** Fleet size to evaluate at; the resolved `fleet.vms` when omitted. */
  vms?: number
  /** Values applied on top of the scenario (CLI --set, sensitivity). */
  overrides?: AssumptionValues
}

/** Every problem in a plan's values: base assumptions and each scenario's overrides. */
export function planProblems(plan: Plan): ValueProblem[] {
  const problems = valuesProblems(plan.assumptions)
  for (const s of plan.scenarios) {
    for (const p of valuesProblems(s.overrides))
      problems.push({ ...p, message: `scenario "${s.name}": ${p.message}` })
  }
  return problems
}

/** The scenario an option names, or the first one; throws a clear error when the name matches none. */
export function resolveScenario(plan: Plan, scenarioId: string | undefined): Scenario | undefined {
  const found = scenarioOf(plan, scenarioId)
  if (!found && scenarioId !== undefined) {
    const names = plan.scenarios.map((s) => `"${s.name}"`).join(', ')
    throw new RangeError(`no scenario "${scenarioId}" in this plan (scenarios: ${names || 'none'})`)
  }
  return found
}

/** Typed inputs of a plan's scenario with extra overrides; throws RangeError naming the first bad value. */
export function planInputs(
  plan: Plan,
  options: PlanEvaluationOptions = {}
): { inputs: ModelInputs; scenario: Scenario | undefined } {
  const scenario = resolveScenario(plan, options.scenarioId)
  const layers = scenarioLayers(plan, scenario, options.overrides)
  for (const layer of layers) {
    const first = valuesProblems(layer)[0]
    if (first) throw new RangeError(first.message)
  }
  const inputs = toModelInputs(...layers)
  inputs.workload.mix = workloadShapes(plan.workloadMix)
  return { inputs, scenario }
}

/** Checks a fleet size given directly (not through the catalog): a whole number within fleet.vms's range. */
export function fleetSizeProblem(vms: number): string | null {
  const a = findAssumption('fleet.vms')
  if (a?.kind !== 'number') return null
  if (!Number.isInteger(vms) || vms < a.min || vms > a.max) {
    return `fleet size ${vms} is out of range (allowed: ${a.min} to ${a.max.toLocaleString('en-US')} VMs, whole numbers)`
  }
  return null
}

/** Evaluates both platforms from typed inputs at `vms` VMs. */
export function evaluateInputs(
  inputs: ModelInputs,
  vms: number,
  scenarioName: string,
  options: { wantWeek?: boolean } = {}
): Evaluation {
  const vmware = evaluatePlatform(inputs, 'vmware', vms, options)
  const openstack = evaluatePlatform(inputs, 'openstack', vms, options)
  const gapAnnual = vmware.annual.total - openstack.annual.total
  const dearer = Math.max(vmware.annual.total, openstack.annual.total)
  return {
    currency: inputs.finance.currency,
    vms,
    scenario: scenarioName,
    platforms: { vmware, openstack },
    cheaper: gapAnnual <= 0 ? 'vmware' : 'openstack',
    gapAnnual,
    gapFraction: dearer > 0 ? Math.abs(gapAnnual) / dearer : null,
    warnings: planWarnings(inputs, vmware, openstack),
  }
}

/**
 * Evaluates a plan: both platforms at the plan's fleet size (or `vms`) for one scenario.
 * Throws RangeError with a message naming the key and its range when a value is invalid.
 */
export function evaluatePlan(plan: Plan, options: PlanEvaluationOptions = {}): Evaluation {
  const { inputs, scenario } = planInputs(plan, options)
  const vms = options.vms ?? inputs.fleetVms
  const problem = fleetSizeProblem(vms)
  if (problem) throw new RangeError(problem)
  return evaluateInputs(inputs, vms, scenario?.name ?? 'Baseline')
}

/**
 * The plan's VMs that no host of its hardware can hold (see oversizedVms), at its fleet size or `vms`;
 * null when every VM fits.
 */
export function planOversizedVms(plan: Plan, options: PlanEvaluationOptions = {}): OversizedVms | null {
  const { inputs } = planInputs(plan, options)
  return oversizedVms(inputs, options.vms ?? inputs.fleetVms)
}

/** The VM workload `hosts` compute hosts carry for a plan's scenario (default platform VMware). */
export function vmsForHosts(
  plan: Plan,
  hosts: number,
  options: { scenarioId?: string; platform?: Platform } = {}
): number {
  const { inputs } = planInputs(plan, { scenarioId: options.scenarioId })
  return vmsCarriedByHosts(inputs, options.platform ?? 'vmware', hosts)
}
