import { evaluatePlan, type CurveSet, type Evaluation, type Plan } from '@models'
import type { ExportContent } from '../../../export/index'
import type { ReportAnalysis } from './analysis-source'

/**
 * What the exports show, from what the window already has: the active scenario's evaluation and curves
 * (in the metric on screen), every scenario's evaluation at its fleet size, and the analysis results.
 * Null when the plan has no answer (invalid values).
 */
export function windowExportContent(input: {
  plan: Plan
  scenarioId: string
  evaluation: Evaluation | null
  curves: readonly CurveSet[]
  analysis: ReportAnalysis
  appVersion: string
  now?: Date
}): ExportContent | null {
  const curves = input.curves.find((c) => c.scenarioId === input.scenarioId)
  if (!input.evaluation || !curves) return null
  let scenarioEvaluations: Evaluation[]
  try {
    scenarioEvaluations = input.plan.scenarios.map((s) =>
      s.id === input.scenarioId
        ? (input.evaluation as Evaluation)
        : evaluatePlan(input.plan, { scenarioId: s.id })
    )
  } catch {
    return null
  }
  return {
    plan: input.plan,
    scenarioId: input.scenarioId,
    overrides: {},
    evaluation: input.evaluation,
    curves,
    scenarioEvaluations,
    sensitivity: input.analysis.sensitivity,
    monteCarlo: input.analysis.monteCarlo,
    exportedAt: input.now ?? new Date(),
    appVersion: input.appVersion,
  }
}
