import { throwIfCancelled, type AnalysisControl } from './control'
import { analysisBase, type AnalysisOptions } from './analysis-inputs'
import { computeTransition } from '../cost/transition'
import type { Plan } from '../plan/plan'
import { MAX_MONTE_CARLO_SAMPLES, MAX_SEED } from '../plan/limits'
import { quantilesInPlace, sampleDrawer, sampledAssumptions } from './montecarlo'

export interface TransitionMonteCarloOptions extends AnalysisOptions, AnalysisControl {
  /** @default 500 */
  samples?: number
  /** @default 1 */
  seed?: number
}

/** P10, P50 and P90 of a sampled measure. */
export interface Quantiles {
  p10: number
  p50: number
  p90: number
}

export interface TransitionMonteCarloResult {
  samples: number
  seed: number
  vms: number
  currency: string
  months: number
  /** The keys sampled (the same set and distributions as the cost-curve Monte Carlo). */
  sampledKeys: string[]
  /** NPV of staying − NPV of moving, plan currency (positive: moving is cheaper). */
  npvGain: Quantiles
  /** Share of samples in which moving has the lower NPV. */
  probabilityMoveCheaperNpv: number
  /** Payback month index quantiles; null where that share of samples does not pay back inside the horizon. */
  paybackMonth: { p10: number | null; p50: number | null; p90: number | null }
  /** Share of samples in which moving pays back inside the horizon. */
  probabilityPaysBack: number
}

function check(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} ${value} is out of range (allowed: ${min} to ${max}, whole numbers)`)
}

/** A contiguous block of a stay-or-move run: samples firstSample … firstSample + samples − 1. */
export interface TransitionMonteCarloBatch {
  firstSample: number
  seed: number
  vms: number
  currency: string
  months: number
  sampledKeys: string[]
  /** NPV of staying − NPV of moving, per sample. */
  gains: Float64Array
  /** Payback month per sample; Infinity where the move does not pay back inside the horizon. */
  paybacks: Float64Array
}

export interface TransitionMonteCarloBatchOptions extends TransitionMonteCarloOptions {
  /** Index of the block's first sample in the whole run. @default 0 */
  firstSample?: number
}

/**
 * One block of the stay-or-move Monte Carlo. Sample s draws from stream (seed, s) whatever block holds it, so
 * any split of a run into blocks, combined in order, gives exactly the numbers of one block (a Web Worker
 * computes short blocks and looks at its messages between them, so a cancel takes effect at once).
 */
export function monteCarloTransitionBatch(
  plan: Plan,
  options: TransitionMonteCarloBatchOptions = {}
): TransitionMonteCarloBatch {
  const samples = options.samples ?? 500
  const seed = options.seed ?? 1
  const firstSample = options.firstSample ?? 0
  check('samples', samples, 1, MAX_MONTE_CARLO_SAMPLES)
  check('seed', seed, 0, MAX_SEED)
  check('firstSample', firstSample, 0, MAX_MONTE_CARLO_SAMPLES - samples)
  const { inputs, vms } = analysisBase(plan, options)
  const drawer = sampleDrawer(sampledAssumptions(plan, options), inputs, seed)
  const gains = new Float64Array(samples)
  const paybacks = new Float64Array(samples)
  let months = inputs.finance.horizonYears * 12
  const every = Math.max(1, Math.floor(samples / 100))
  for (let i = 0; i < samples; i++) {
    if (i % every === 0) {
      throwIfCancelled(options)
      if (i > 0) options.onProgress?.(i, samples)
    }
    drawer.draw(firstSample + i)
    const t = computeTransition(inputs, vms)
    months = t.months
    gains[i] = t.npv.stay - t.npv.move
    paybacks[i] = t.paybackMonth ?? Infinity
  }
  options.onProgress?.(samples, samples)
  return {
    firstSample,
    seed,
    vms,
    currency: inputs.finance.currency,
    months,
    sampledKeys: drawer.keys,
    gains,
    paybacks,
  }
}

/** The result of a stay-or-move run from its blocks (in any order; they must cover 0 … n − 1 once). */
export function combineTransitionBatches(
  batches: readonly TransitionMonteCarloBatch[]
): TransitionMonteCarloResult {
  const ordered = [...batches].sort((a, b) => a.firstSample - b.firstSample)
  const first = ordered[0]
  if (!first) throw new RangeError('a stay-or-move run needs at least one block')
  let samples = 0
  for (const b of ordered) {
    if (b.firstSample !== samples || b.seed !== first.seed)
      throw new RangeError(`block at sample ${b.firstSample} does not continue the run at sample ${samples}`)
    samples += b.gains.length
  }
  const gains = new Float64Array(samples)
  const paybacks = new Float64Array(samples)
  for (const b of ordered) {
    gains.set(b.gains, b.firstSample)
    paybacks.set(b.paybacks, b.firstSample)
  }
  let moveCheaper = 0
  let paysBack = 0
  for (let i = 0; i < samples; i++) {
    if ((gains[i] as number) > 0) moveCheaper++
    if (Number.isFinite(paybacks[i])) paysBack++
  }
  const [g10, g50, g90] = quantilesInPlace(gains, [0.1, 0.5, 0.9]) as [number, number, number]
  const [p10, p50, p90] = quantilesInPlace(paybacks, [0.1, 0.5, 0.9]).map((q) =>
    Number.isFinite(q) ? q : null
  ) as [number | null, number | null, number | null]
  return {
    samples,
    seed: first.seed,
    vms: first.vms,
    currency: first.currency,
    months: first.months,
    sampledKeys: first.sampledKeys,
    npvGain: { p10: g10, p50: g50, p90: g90 },
    probabilityMoveCheaperNpv: moveCheaper / samples,
    paybackMonth: { p10, p50, p90 },
    probabilityPaysBack: paysBack / samples,
  }
}

/**
 * Monte Carlo of the stay-or-move comparison at the plan's fleet size: the assumptions the cost-curve Monte
 * Carlo samples (sampledAssumptions: the plan's distributions, else PERT over each estimate's default range),
 * drawn with the same seeded streams (sample s uses stream (seed, s)), each sample run through
 * computeTransition. Reports P10/P50/P90 of the move's NPV gain and of the payback month (a sample that does
 * not pay back counts as never, so a quantile falling among those is null) and the probability of each win.
 * One block: monteCarloTransitionBatch, then combineTransitionBatches.
 */
export function monteCarloTransition(
  plan: Plan,
  options: TransitionMonteCarloOptions = {}
): TransitionMonteCarloResult {
  return combineTransitionBatches([monteCarloTransitionBatch(plan, { ...options, firstSample: 0 })])
}
