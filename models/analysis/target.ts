import { annualGapAt } from '../cost/annual-total'
import type { ModelInputs } from '../catalog/inputs'
import { computeTransition } from '../cost/transition'

/**
 * What an analysis measures at the plan's fleet size:
 * - `annualGap`: VMware − OpenStack annual run rate (positive: OpenStack cheaper), plan currency per year;
 * - `moveNpvGain`: NPV of staying − NPV of moving over the horizon (positive: moving is cheaper);
 * - `paybackMonth`: the month index from which moving stays cheaper in cumulative cash; a move that does not
 *   pay back inside the horizon counts as the horizon's length in months (one month past its end).
 */
export type AnalysisTarget = 'annualGap' | 'moveNpvGain' | 'paybackMonth'
export const ANALYSIS_TARGETS: readonly AnalysisTarget[] = ['annualGap', 'moveNpvGain', 'paybackMonth']

/** True when the text names an analysis target. */
export function isAnalysisTarget(text: string): text is AnalysisTarget {
  return (ANALYSIS_TARGETS as readonly string[]).includes(text)
}

/** The target's value for typed inputs at `vms` VMs (see AnalysisTarget for units and signs). */
export function targetValue(inputs: ModelInputs, vms: number, target: AnalysisTarget): number {
  if (target === 'annualGap') return annualGapAt(inputs, vms)
  const t = computeTransition(inputs, vms)
  if (target === 'moveNpvGain') return t.npv.stay - t.npv.move
  return t.paybackMonth ?? t.months
}

/**
 * Whether the challenger wins on the target: OpenStack cheaper a year (annualGap > 0), moving cheaper in NPV
 * (moveNpvGain > 0), or moving paying back inside the horizon (paybackMonth < horizon months).
 */
export function challengerWins(inputs: ModelInputs, vms: number, target: AnalysisTarget): boolean {
  const value = targetValue(inputs, vms, target)
  return target === 'paybackMonth' ? value < inputs.finance.horizonYears * 12 : value > 0
}
