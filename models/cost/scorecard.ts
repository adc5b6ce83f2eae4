import type { Scorecard } from '../plan/plan'
import type { Evaluation, Platform } from './types'

export type ScoreRoundId = 'design' | 'features' | 'useCases' | 'value'

export interface ScoredRound {
  id: ScoreRoundId
  vmware: number
  openstack: number
  weight: number
}

export interface ScorecardResult {
  rounds: ScoredRound[]
  /** Weighted mean score out of 10. */
  totalVmware: number
  totalOpenstack: number
  winner: Platform | 'tie'
}

/**
 * Value round from the cost model: the cheaper platform scores 10, the other 10 × cheaper / dearer
 * (annual totals at the evaluated fleet size). Both score 10 when both cost nothing.
 */
export function valueScores(evaluation: Evaluation): { vmware: number; openstack: number } {
  const v = evaluation.platforms.vmware.annual.total
  const o = evaluation.platforms.openstack.annual.total
  const cheapest = Math.min(v, o)
  const score = (cost: number): number => (cost <= 0 ? 10 : (10 * cheapest) / cost)
  return { vmware: score(v), openstack: score(o) }
}

/**
 * The four-round VMware-vs-OpenStack scorecard: design, features and use cases as the user scores them,
 * value from the model; the overall score is the weight-averaged round score out of 10. Scores within
 * 0.05 of each other are a tie.
 */
export function scoreScorecard(scorecard: Scorecard, evaluation: Evaluation): ScorecardResult {
  const value = valueScores(evaluation)
  const rounds: ScoredRound[] = [
    { id: 'design', ...scorecard.design },
    { id: 'features', ...scorecard.features },
    { id: 'useCases', ...scorecard.useCases },
    { id: 'value', ...value, weight: scorecard.valueWeight },
  ]
  const weights = rounds.reduce((sum, r) => sum + r.weight, 0)
  const mean = (p: Platform): number =>
    weights > 0 ? rounds.reduce((sum, r) => sum + r[p] * r.weight, 0) / weights : 0
  const totalVmware = mean('vmware')
  const totalOpenstack = mean('openstack')
  const winner =
    Math.abs(totalVmware - totalOpenstack) < 0.05
      ? 'tie'
      : totalVmware > totalOpenstack
        ? 'vmware'
        : 'openstack'
  return { rounds, totalVmware, totalOpenstack, winner }
}
