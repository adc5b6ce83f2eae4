import type { Distribution } from '../plan/plan'
import { betaVariate, inverseNormalCdf, type Sfc32 } from './random'

/** Φ⁻¹(0.95): a lognormal's P5 and P95 lie this many standard deviations of ln X either side of its median. */
export const Z_95 = 1.6448536269514722

/** The standard PERT weight of the most likely value (Malcolm et al. 1959; Vose, "Risk Analysis", 2008). */
export const PERT_LAMBDA = 4

/**
 * Shape parameters of a PERT distribution on [low, high] with mode `likely`: the Beta(α, β) scaled to the
 * range with α = 1 + λ·(likely − low)/(high − low) and β = 1 + λ·(high − likely)/(high − low), λ = 4 by
 * default, so the mean is (low + λ·likely + high)/(λ + 2). Both shapes lie in [1, 1 + λ].
 */
export function pertShape(
  low: number,
  likely: number,
  high: number,
  lambda = PERT_LAMBDA
): { alpha: number; beta: number } {
  const width = high - low
  if (!(width > 0)) return { alpha: 1, beta: 1 }
  return { alpha: 1 + (lambda * (likely - low)) / width, beta: 1 + (lambda * (high - likely)) / width }
}

/**
 * Parameters of the lognormal whose 90 % interval is [low, high] (low = P5, high = P95, both > 0):
 * μ = (ln low + ln high)/2 (the log of the median √(low·high)), σ = (ln high − ln low)/(2·Φ⁻¹(0.95)).
 */
export function lognormalParameters(low: number, high: number): { mu: number; sigma: number } {
  const lnLow = Math.log(low)
  const lnHigh = Math.log(high)
  return { mu: (lnLow + lnHigh) / 2, sigma: (lnHigh - lnLow) / (2 * Z_95) }
}

/** The most likely value of a distribution, clamped into [low, high]; the midpoint when none is given. */
export function distributionMode(d: Distribution): number {
  const likely = d.likely ?? (d.low + d.high) / 2
  return Math.min(d.high, Math.max(d.low, likely))
}

/**
 * The analytic mean of a distribution, in the assumption's unit: uniform (a + b)/2; triangular (a + m + b)/3;
 * PERT (a + 4m + b)/6; lognormal exp(μ + σ²/2) with μ, σ from the 90 % interval.
 */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'uniform':
      return (d.low + d.high) / 2
    case 'triangular':
      return (d.low + distributionMode(d) + d.high) / 3
    case 'pert':
      return (d.low + PERT_LAMBDA * distributionMode(d) + d.high) / (PERT_LAMBDA + 2)
    case 'lognormal': {
      if (!(d.high > d.low)) return d.low
      const { mu, sigma } = lognormalParameters(d.low, d.high)
      return Math.exp(mu + (sigma * sigma) / 2)
    }
  }
}

/** True when the distribution has no spread (low = high): every draw is `low`. */
export function isPointDistribution(d: Distribution): boolean {
  return !(d.high > d.low)
}

/**
 * A distribution with its parameters worked out once, for drawing many times without allocating:
 * `first`/`second` are the mode fraction (triangular), α/β (PERT) or μ/σ (lognormal).
 */
export interface PreparedDistribution {
  kind: Distribution['kind']
  low: number
  high: number
  first: number
  second: number
}

/** Works out a distribution's parameters once (see sampleDistribution for the formulas). */
export function prepareDistribution(d: Distribution): PreparedDistribution {
  const prepared: PreparedDistribution = { kind: d.kind, low: d.low, high: d.high, first: 0, second: 0 }
  if (isPointDistribution(d)) return prepared
  if (d.kind === 'triangular') prepared.first = (distributionMode(d) - d.low) / (d.high - d.low)
  if (d.kind === 'pert') {
    const { alpha, beta } = pertShape(d.low, distributionMode(d), d.high)
    prepared.first = alpha
    prepared.second = beta
  }
  if (d.kind === 'lognormal') {
    const { mu, sigma } = lognormalParameters(d.low, d.high)
    prepared.first = mu
    prepared.second = sigma
  }
  return prepared
}

/**
 * One draw from a prepared distribution, in the assumption's unit, using `rng`:
 * - uniform on [low, high]: low + u·(high − low);
 * - triangular (low, likely, high) by inversion, with c = (likely − low)/(high − low):
 *   low + (high − low)·√(u·c) when u < c, else high − (high − low)·√((1 − u)·(1 − c));
 * - PERT (low, likely, high), λ = 4: low + (high − low)·Beta(α, β), Beta from two Gamma variates
 *   (Marsaglia–Tsang) — see pertShape;
 * - lognormal from a 90 % interval: exp(μ + σ·Φ⁻¹(u)) — see lognormalParameters. Unbounded: 5 % of draws
 *   fall below low and 5 % above high (callers clamp to the catalog's allowed range).
 * A zero-width distribution returns `low` and consumes no random numbers.
 */
export function drawPrepared(p: PreparedDistribution, rng: Sfc32): number {
  const { low, high } = p
  if (!(high > low)) return low
  const width = high - low
  switch (p.kind) {
    case 'uniform':
      return low + rng.nextFraction() * width
    case 'triangular': {
      const u = rng.nextFraction()
      const c = p.first
      return u < c ? low + width * Math.sqrt(u * c) : high - width * Math.sqrt((1 - u) * (1 - c))
    }
    case 'pert':
      return low + width * betaVariate(p.first, p.second, rng)
    case 'lognormal':
      return Math.exp(p.first + p.second * inverseNormalCdf(rng.nextFraction()))
  }
}

/** One draw from a distribution (prepareDistribution then drawPrepared); see drawPrepared. */
export function sampleDistribution(d: Distribution, rng: Sfc32): number {
  return drawPrepared(prepareDistribution(d), rng)
}
