import { computed, shallowRef, type ComputedRef } from 'vue'
import type { MonteCarloResult, SensitivityResult } from '@models'

/** Analysis results the report and the workbook include when they exist (for the plan on screen). */
export interface ReportAnalysis {
  sensitivity: SensitivityResult | null
  monteCarlo: MonteCarloResult | null
}

const NONE: ReportAnalysis = { sensitivity: null, monteCarlo: null }
const source = shallowRef<() => ReportAnalysis>(() => NONE)
let prepare: () => Promise<void> = () => Promise.resolve()

/**
 * The hook the analysis UI calls once (e.g. from its store's setup) so exports show its results:
 * `provideReportAnalysis(() => ({ sensitivity: store.sensitivity, monteCarlo: store.monteCarlo }))`.
 * The getter is read inside a computed, so it may read reactive state; it should return null for a result
 * that no longer matches the plan. Without a provider the report leaves the tornado and bands out.
 */
export function provideReportAnalysis(
  getter: () => ReportAnalysis,
  prepareAnalysis?: () => Promise<void>
): void {
  source.value = getter
  if (prepareAnalysis) prepare = prepareAnalysis
}

/**
 * Computes what the report must always contain (the tornado) when it is missing for the plan on screen, so
 * the report never asks the reader to run an analysis first. Resolves when it is there or has failed.
 */
export function prepareReportAnalysis(): Promise<void> {
  return prepare()
}

/** The current analysis results, or nulls. */
export function useReportAnalysis(): ComputedRef<ReportAnalysis> {
  return computed(() => source.value())
}
