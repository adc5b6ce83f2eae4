import { throwIfCancelled, type AnalysisControl } from './control'
import { analysisBase, type AnalysisOptions } from './analysis-inputs'
import { CATALOG, type NumberAssumption } from '../catalog/catalog'
import { clampToCatalog, numericInputSetter } from '../catalog/input-setters'
import { computeTransition } from '../cost/transition'
import type { Plan } from '../plan/plan'
import { drawPrepared, prepareDistribution, type PreparedDistribution } from './distributions'
import { MAX_MONTE_CARLO_SAMPLES, MAX_SEED } from '../plan/limits'
import { quantilesInPlace, sampledAssumptions } from './montecarlo'
import { Sfc32 } from './random'

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

/**
 * Monte Carlo of the stay-or-move comparison at the plan's fleet size: the assumptions the cost-curve Monte
 * Carlo samples (sampledAssumptions: the plan's distributions, else PERT over each estimate's default range),
 * drawn with the same seeded streams (sample s uses stream (seed, s)), each sample run through
 * computeTransition. Reports P10/P50/P90 of the move's NPV gain and of the payback month (a sample that does
 * not pay back counts as never, so a quantile falling among those is null) and the probability of each win.
 */
export function monteCarloTransition(
  plan: Plan,
  options: TransitionMonteCarloOptions = {}
): TransitionMonteCarloResult {
  const samples = options.samples ?? 500
  const seed = options.seed ?? 1
  check('samples', samples, 1, MAX_MONTE_CARLO_SAMPLES)
  check('seed', seed, 0, MAX_SEED)
  const { inputs, vms } = analysisBase(plan, options)
  const sampled = sampledAssumptions(plan, options)
  const assumptions = sampled.map((s) => CATALOG.find((a) => a.key === s.key) as NumberAssumption)
  const prepared = sampled.map((s) => prepareDistribution(s.distribution))
  const setters = sampled.map((s) => numericInputSetter(inputs, s.key))
  const gains = new Float64Array(samples)
  const paybacks = new Float64Array(samples)
  const rng = new Sfc32(seed, 0)
  let months = inputs.finance.horizonYears * 12
  let paysBack = 0
  let moveCheaper = 0
  const every = Math.max(1, Math.floor(samples / 100))
  for (let s = 0; s < samples; s++) {
    if (s % every === 0) {
      throwIfCancelled(options)
      if (s > 0) options.onProgress?.(s, samples)
    }
    rng.reseed(seed, s)
    for (let k = 0; k < prepared.length; k++) {
      const value = clampToCatalog(
        assumptions[k] as NumberAssumption,
        drawPrepared(prepared[k] as PreparedDistribution, rng)
      )
      ;(setters[k] as (v: number) => void)(value)
    }
    const t = computeTransition(inputs, vms)
    months = t.months
    gains[s] = t.npv.stay - t.npv.move
    if (gains[s]! > 0) moveCheaper++
    paybacks[s] = t.paybackMonth ?? Infinity
    if (t.paybackMonth !== null) paysBack++
  }
  options.onProgress?.(samples, samples)
  const [g10, g50, g90] = quantilesInPlace(gains, [0.1, 0.5, 0.9]) as [number, number, number]
  const [p10, p50, p90] = quantilesInPlace(paybacks, [0.1, 0.5, 0.9]).map((q) =>
    Number.isFinite(q) ? q : null
  ) as [number | null, number | null, number | null]
  return {
    samples,
    seed,
    vms,
    currency: inputs.finance.currency,
    months,
    sampledKeys: sampled.map((s) => s.key),
    npvGain: { p10: g10, p50: g50, p90: g90 },
    probabilityMoveCheaperNpv: moveCheaper / samples,
    paybackMonth: { p10, p50, p90 },
    probabilityPaysBack: paysBack / samples,
  }
}
