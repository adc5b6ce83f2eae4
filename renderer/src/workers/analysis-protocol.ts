import type {
  AnalysisTarget,
  BreakEvenResult,
  Category,
  GapSummary,
  MonteCarloBatch,
  MonteCarloResult,
  Plan,
  Platform,
  SamplesForCsv,
  SensitivityResult,
  TransitionMonteCarloResult,
} from '@models'

/** Page → worker. Every request carries an id; its replies carry the same id. */
export type AnalysisRequest =
  /** `target` defaults to the annual gap (models/analysis/target.ts). */
  | { type: 'sensitivity'; id: number; plan: Plan; scenarioId: string; target?: AnalysisTarget }
  | { type: 'breakEven'; id: number; plan: Plan; scenarioId: string; key: string; target?: AnalysisTarget }
  /** The stay-or-move Monte Carlo at the plan's fleet size (one worker: a sample is a whole transition). */
  | { type: 'monteCarloTransition'; id: number; plan: Plan; scenarioId: string; seed: number; samples: number }
  /** What drives one cost (models driversAt): a platform and/or a category, at `vms` (null: the plan's size). */
  | {
      type: 'drivers'
      id: number
      plan: Plan
      scenarioId: string
      vms: number | null
      platform: Platform | null
      category: Category | null
    }
  | {
      type: 'monteCarlo'
      id: number
      plan: Plan
      scenarioId: string
      seed: number
      /** Index of this part's first sample in the whole run, and its sample count. */
      firstSample: number
      samples: number
    }
  | { type: 'combine'; id: number; batches: MonteCarloBatch[] }
  | { type: 'samplesCsv'; id: number; run: SamplesForCsv }
  /** Stops the request `id` at its next check (between Monte Carlo chunks, before an analysis starts). */
  | { type: 'cancel'; id: number }

/** Worker → page: progress any number of times, then exactly one final reply. */
export type AnalysisReply = { type: 'progress'; id: number; done: number; total: number } | AnalysisFinalReply

export type AnalysisFinalReply =
  | { type: 'sensitivity'; id: number; result: SensitivityResult }
  | { type: 'breakEven'; id: number; result: BreakEvenResult }
  /** The assumption keys that drive the asked cost, in catalog order. */
  | { type: 'drivers'; id: number; keys: string[] }
  | { type: 'batches'; id: number; batches: MonteCarloBatch[] }
  | { type: 'monteCarlo'; id: number; result: MonteCarloResult; gap: GapSummary }
  | { type: 'monteCarloTransition'; id: number; result: TransitionMonteCarloResult }
  | { type: 'csv'; id: number; bytes: Uint8Array }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }

/** The buffers of a batch, to transfer rather than copy. */
export function batchBuffers(batch: MonteCarloBatch): ArrayBuffer[] {
  return [
    batch.vmwareUsd.buffer,
    batch.openstackUsd.buffer,
    batch.gapAtFleet.buffer,
    ...Object.values(batch.sampleValues).map((column) => column.buffer),
  ] as ArrayBuffer[]
}
