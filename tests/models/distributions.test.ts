import { describe, expect, it } from 'vitest'
import {
  betaVariate,
  distributionMean,
  gammaVariate,
  inverseNormalCdf,
  lognormalParameters,
  pertShape,
  prepareDistribution,
  drawPrepared,
  quantilesInPlace,
  sampleDistribution,
  Sfc32,
  splitmix32,
  type Distribution,
} from '../../models/index'

/** Draws per distribution: enough that 5 standard errors are a tight check and the file runs in a second. */
const N = 100_000
/** Tolerances are this many standard errors: a correct sampler fails about once in 1.7 million runs. */
const K = 5

function draw(d: Distribution, seed = 7, n = N): Float64Array {
  const rng = new Sfc32(seed)
  const p = prepareDistribution(d)
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) out[i] = drawPrepared(p, rng)
  return out
}

function mean(xs: Float64Array): number {
  let s = 0
  for (const x of xs) s += x
  return s / xs.length
}

function fractionAtOrBelow(xs: Float64Array, x: number): number {
  let count = 0
  for (const v of xs) if (v <= x) count++
  return count / xs.length
}

/** Sample mean within K standard errors of the analytic mean μ, given the analytic variance. */
function expectMean(xs: Float64Array, mu: number, variance: number): void {
  const se = Math.sqrt(variance / xs.length)
  expect(Math.abs(mean(xs) - mu)).toBeLessThan(K * se)
}

/** Empirical CDF at x within K binomial standard errors √(p(1 − p)/n) of the analytic CDF p. */
function expectCdf(xs: Float64Array, x: number, p: number): void {
  const se = Math.sqrt((p * (1 - p)) / xs.length)
  expect(Math.abs(fractionAtOrBelow(xs, x) - p)).toBeLessThan(K * se + 1e-12)
}

function binomial(n: number, k: number): number {
  let c = 1
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i
  return c
}

/** Regularized incomplete beta I_x(a, b) for whole a, b: Σ_{j=a}^{a+b−1} C(a+b−1, j) x^j (1 − x)^(a+b−1−j). */
function betaCdfWhole(x: number, a: number, b: number): number {
  const n = a + b - 1
  let sum = 0
  for (let j = a; j <= n; j++) sum += binomial(n, j) * x ** j * (1 - x) ** (n - j)
  return sum
}

describe('splitmix32 and sfc32', () => {
  // Reference outputs from a C implementation with uint32_t arithmetic (same seeding: a = splitmix32(seed),
  // b = splitmix32(stream ^ 0x5bd1e995), c = splitmix32(a ^ b), d = 1, 12 outputs discarded).
  it.each([
    [1, 0, [3439240849, 3488714974, 4271793861, 1314280609, 1393164541]],
    [1, 1, [3388322510, 2808685733, 2152246108, 730505238, 87371903]],
    [0, 0, [1594000225, 1524332016, 660483130, 1826368269, 3938243020]],
    [4294967295, 12345, [3971871287, 3935363128, 791032603, 3165690071, 2105262099]],
  ])('seed %i, stream %i gives the reference sequence', (seed, stream, expected) => {
    const rng = new Sfc32(seed, stream)
    expect(Array.from({ length: 5 }, () => rng.nextUint32())).toEqual(expected)
  })

  it('splitmix32 matches the C reference', () => {
    expect(splitmix32(0)).toBe(1684164658)
    expect(splitmix32(1)).toBe(1580013426)
  })

  it('reseeding in place restarts the same sequence', () => {
    const rng = new Sfc32(42, 3)
    const first = [rng.nextUint32(), rng.nextUint32()]
    rng.reseed(42, 3)
    expect([rng.nextUint32(), rng.nextUint32()]).toEqual(first)
  })

  it('fractions lie strictly inside (0, 1) and fill 64 bins evenly (chi-square)', () => {
    const rng = new Sfc32(2024)
    const bins = new Array<number>(64).fill(0)
    const n = 640_000
    let smallest = 1
    let largest = 0
    for (let i = 0; i < n; i++) {
      const u = rng.nextFraction()
      smallest = Math.min(smallest, u)
      largest = Math.max(largest, u)
      bins[Math.floor(u * 64)]!++
    }
    expect(smallest).toBeGreaterThan(0)
    expect(largest).toBeLessThan(1)
    const expected = n / 64
    const chi2 = bins.reduce((s, b) => s + (b - expected) ** 2 / expected, 0)
    // 63 degrees of freedom: mean 63, standard deviation √126 ≈ 11.2; 5 SD above the mean is 119.
    expect(chi2).toBeLessThan(119)
  })
})

describe('inverse normal CDF (Acklam)', () => {
  it.each([
    // p, Φ⁻¹(p) from Python's statistics.NormalDist().inv_cdf (Wichura's AS 241, about 1e-16)
    [0.5, 0],
    [0.975, 1.9599639845400536],
    [0.95, 1.6448536269514715],
    [0.9, 1.2815515655446008],
    [0.01, -2.3263478740408408],
    [0.001, -3.090232306167813],
    [1e-9, -5.9978070150076865],
    [0.02425, -1.9729610513118845], // the seam between the central region and the tail
  ])('Φ⁻¹(%d) = %d within 1.15e-9 relative', (p, z) => {
    const got = inverseNormalCdf(p)
    expect(Math.abs(got - z)).toBeLessThanOrEqual(1.2e-9 * Math.max(1, Math.abs(z)))
    expect(Math.abs(inverseNormalCdf(1 - p) + z)).toBeLessThanOrEqual(1.2e-9 * Math.max(1, Math.abs(z)))
  })

  it('is infinite at the ends', () => {
    expect(inverseNormalCdf(0)).toBe(-Infinity)
    expect(inverseNormalCdf(1)).toBe(Infinity)
  })
})

describe('samplers against analytic means and CDFs', () => {
  it('uniform(10, 30): mean 20, CDF (x − 10)/20', () => {
    const xs = draw({ kind: 'uniform', low: 10, high: 30 })
    expectMean(xs, 20, 400 / 12)
    for (const x of [12, 20, 27]) expectCdf(xs, x, (x - 10) / 20)
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10)
    expect(Math.max(...xs)).toBeLessThanOrEqual(30)
  })

  it('triangular(0, 3, 10): mean 13/3, CDF piecewise quadratic', () => {
    const [a, c, b] = [0, 3, 10]
    const xs = draw({ kind: 'triangular', low: a, likely: c, high: b })
    // variance (a² + b² + c² − ab − ac − bc)/18 = (0 + 100 + 9 − 0 − 0 − 30)/18
    expectMean(xs, 13 / 3, 79 / 18)
    const cdf = (x: number): number =>
      x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c))
    for (const x of [1, 3, 5, 8]) expectCdf(xs, x, cdf(x))
  })

  it('PERT(0, 0.25, 1) is Beta(2, 4): mean 1/3, CDF I_x(2, 4)', () => {
    expect(pertShape(0, 0.25, 1)).toEqual({ alpha: 2, beta: 4 })
    const xs = draw({ kind: 'pert', low: 0, likely: 0.25, high: 1 })
    // Beta variance αβ / ((α + β)² (α + β + 1)) = 8 / (36 · 7)
    expectMean(xs, 1 / 3, 8 / 252)
    for (const x of [0.1, 0.25, 0.5, 0.8]) expectCdf(xs, x, betaCdfWhole(x, 2, 4))
  })

  it('PERT(100, 250, 400) is 100 + 300·Beta(3, 3): mean 250, CDF I_((x−100)/300)(3, 3)', () => {
    const xs = draw({ kind: 'pert', low: 100, likely: 250, high: 400 })
    expectMean(xs, 250, 300 ** 2 * (9 / (36 * 7)))
    for (const x of [150, 250, 330]) expectCdf(xs, x, betaCdfWhole((x - 100) / 300, 3, 3))
  })

  it('PERT(185, 350, 395), the VCF price range: mean (185 + 4·350 + 395)/6 = 330', () => {
    const d: Distribution = { kind: 'pert', low: 185, likely: 350, high: 395 }
    expect(distributionMean(d)).toBeCloseTo(330, 12)
    const { alpha, beta } = pertShape(185, 350, 395)
    const variance = (210 ** 2 * alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1))
    expectMean(draw(d), 330, variance)
  })

  it('lognormal from the 90 % interval [100, 400]: P5 = 100, median 200, P95 = 400', () => {
    const xs = draw({ kind: 'lognormal', low: 100, high: 400 })
    const { mu, sigma } = lognormalParameters(100, 400)
    expect(Math.exp(mu)).toBeCloseTo(200, 10)
    expectCdf(xs, 100, 0.05)
    expectCdf(xs, 200, 0.5)
    expectCdf(xs, 400, 0.95)
    const variance = (Math.exp(sigma ** 2) - 1) * Math.exp(2 * mu + sigma ** 2)
    expectMean(xs, Math.exp(mu + sigma ** 2 / 2), variance)
    expect(distributionMean({ kind: 'lognormal', low: 100, high: 400 })).toBeCloseTo(
      Math.exp(mu + sigma ** 2 / 2),
      10
    )
  })

  it('Gamma(shape) has mean and variance = shape; Beta(α, β) mean α/(α + β)', () => {
    for (const shape of [1, 2.5, 5]) {
      const rng = new Sfc32(11)
      const xs = new Float64Array(N)
      for (let i = 0; i < N; i++) xs[i] = gammaVariate(shape, rng)
      expectMean(xs, shape, shape)
    }
    const rng = new Sfc32(12)
    const xs = new Float64Array(N)
    for (let i = 0; i < N; i++) xs[i] = betaVariate(1.5, 3.5, rng)
    expectMean(xs, 0.3, (1.5 * 3.5) / (25 * 6))
  })

  it('zero-width distributions return low and use no random numbers', () => {
    const rng = new Sfc32(5)
    const reference = new Sfc32(5)
    for (const kind of ['uniform', 'triangular', 'pert', 'lognormal'] as const) {
      expect(sampleDistribution({ kind, low: 3, likely: 3, high: 3 }, rng)).toBe(3)
    }
    expect(rng.nextUint32()).toBe(reference.nextUint32())
  })

  it('the same seed gives the same draws; another seed different ones', () => {
    const d: Distribution = { kind: 'pert', low: 1, likely: 2, high: 5 }
    expect(draw(d, 99, 1000)).toEqual(draw(d, 99, 1000))
    expect(draw(d, 99, 1000)).not.toEqual(draw(d, 100, 1000))
  })
})

describe('quantilesInPlace (type 7 by selection)', () => {
  /** Type 7 quantile on a sorted copy, the reference. */
  function sortedQuantile(values: readonly number[], p: number): number {
    const s = [...values].sort((x, y) => x - y)
    const h = (s.length - 1) * p
    const k = Math.floor(h)
    return s[k]! + (h - k) * ((s[Math.min(k + 1, s.length - 1)] ?? 0) - s[k]!)
  }

  it.each([1, 2, 3, 10, 11, 57, 1000])('matches sorting for %i values, ties included', (n) => {
    const rng = new Sfc32(n)
    for (let round = 0; round < 20; round++) {
      // Few distinct values so that ties are common.
      const values = Array.from({ length: n }, () => Math.floor(rng.nextFraction() * (round % 2 ? 5 : 1e6)))
      const got = quantilesInPlace(Float64Array.from(values), [0.1, 0.5, 0.9])
      expect(got).toEqual([0.1, 0.5, 0.9].map((p) => sortedQuantile(values, p)))
    }
  })

  it('hand-computed: 1..10 gives 1.9, 5.5, 9.1', () => {
    // h = 9p: 0.9 → 1 + 0.9·1; 4.5 → 5 + 0.5; 8.1 → 9 + 0.1
    const got = quantilesInPlace(Float64Array.from([10, 3, 7, 1, 9, 2, 8, 4, 6, 5]), [0.1, 0.5, 0.9])
    expect(got[0]).toBeCloseTo(1.9, 12)
    expect(got[1]).toBeCloseTo(5.5, 12)
    expect(got[2]).toBeCloseTo(9.1, 12)
  })
})
