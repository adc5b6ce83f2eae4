import type {
  AnalysisTarget,
  BreakEvenResult,
  MonteCarloBatch,
  MonteCarloResult,
  Plan,
  SensitivityResult,
  TransitionMonteCarloResult,
} from '@models'

/** The gap VMware − OpenStack at the fleet size over all samples: quantiles, share and histogram. */
export interface GapSummary {
  p10: number
  p50: number
  p90: number
  /** Share of samples with a positive gap (OpenStack cheaper). */
  openstackCheaperShare: number
  /** Bin edges (counts.length + 1 of them, 0 among them when the gaps straddle it) and counts. */
  edges: number[]
  counts: number[]
}

/** What the samples CSV needs of a run (a MonteCarloResult without its bands). */
export type SamplesForCsv = Pick<
  MonteCarloResult,
  'samples' | 'seed' | 'fleetVms' | 'currency' | 'sampledKeys' | 'sampleValues' | 'gapAtFleet'
>

/** Page → worker. Every request carries an id; its replies carry the same id. */
export type AnalysisRequest =
  /** `target` defaults to the annual gap (models/analysis/target.ts). */
  | { type: 'sensitivity'; id: number; plan: Plan; scenarioId: string; target?: AnalysisTarget }
  | { type: 'breakEven'; id: number; plan: Plan; scenarioId: string; key: string; target?: AnalysisTarget }
  /** The stay-or-move Monte Carlo at the plan's fleet size (one worker: a sample is a whole transition). */
  | { type: 'monteCarloTransition'; id: number; plan: Plan; scenarioId: string; seed: number; samples: number }
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
