import { fleetSizeProblem, planInputs, type PlanEvaluationOptions } from './evaluate'
import type { Plan } from '../plan/plan'
import { computeTransition, type TransitionResult } from './transition'

/**
 * The stay-or-move comparison of a plan's scenario (with extra overrides) at its fleet size or `vms`.
 * Throws RangeError naming the first invalid value or an out-of-range fleet size.
 */
export function planTransition(
  plan: Plan,
  options: PlanEvaluationOptions = {}
): TransitionResult & { scenario: string } {
  const { inputs, scenario } = planInputs(plan, options)
  const vms = options.vms ?? inputs.fleetVms
  const problem = fleetSizeProblem(vms)
  if (problem) throw new RangeError(problem)
  return { ...computeTransition(inputs, vms), scenario: scenario?.name ?? 'Baseline' }
}
