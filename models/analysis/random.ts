/** 2^32, to turn a 32-bit integer into a fraction. */
const TWO_POW_32 = 4294967296

/** Weyl increment of splitmix32: 2^32 / golden ratio, odd. */
const GOLDEN_GAMMA = 0x9e3779b9

/**
 * One output of splitmix32 for the state `x` (Weyl step then a 32-bit finaliser; the variant with the
 * 0x21f0aaad / 0x735a2d97 multipliers by C. Wellons, "Prospecting for hash functions", 2018). A bijection of
 * 32-bit integers, used only to spread seeds over sfc32's state.
 */
export function splitmix32(x: number): number {
  let z = (x + GOLDEN_GAMMA) | 0
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
  return (z ^ (z >>> 15)) >>> 0
}

/** Outputs thrown away after seeding so that nearby seeds and streams share nothing visible. */
const WARM_UP_ROUNDS = 12

/**
 * sfc32, Chris Doty-Humphrey's "small fast chaotic" generator (PractRand 0.94): 128 bits of state, 32-bit
 * outputs, passes PractRand and TestU01 BigCrush. Integer arithmetic only (`| 0`, `>>>`, `Math.imul`), so
 * every JavaScript engine on every machine produces the same sequence.
 *
 * Seeding: a = splitmix32(seed), b = splitmix32(stream ⊕ 0x5bd1e995), c = splitmix32(a ⊕ b), counter d = 1,
 * then 12 outputs are discarded. `seed` and `stream` are 32-bit unsigned integers; different pairs start
 * from different states. Monte Carlo gives every sample its own stream (the sample index), so the numbers
 * of sample i do not depend on how the samples are split over workers.
 *
 * One instance is reseeded in place rather than allocated per sample (`reseed`).
 */
export class Sfc32 {
  private a = 0
  private b = 0
  private c = 0
  private d = 0

  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream)
  }

  /** Restarts the generator at (seed, stream), both taken modulo 2^32. */
  reseed(seed: number, stream = 0): void {
    this.a = splitmix32(seed >>> 0) | 0
    this.b = splitmix32((stream >>> 0) ^ 0x5bd1e995) | 0
    this.c = splitmix32((this.a ^ this.b) >>> 0) | 0
    this.d = 1
    for (let i = 0; i < WARM_UP_ROUNDS; i++) this.nextUint32()
  }

  /** The next output, an integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /**
   * A uniform fraction strictly inside (0, 1): (k + 0.5) / 2^32 for the next output k, so inverse-CDF
   * samplers never see 0 or 1. Resolution 2^-32, ample for cost inputs.
   */
  nextFraction(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32
  }
}

// Coefficients of P. J. Acklam's rational approximation of the inverse normal CDF (2003; relative error
// below 1.15e-9 over the whole open interval). Named one by one so the hot path reads no arrays.
const A1 = -3.969683028665376e1
const A2 = 2.209460984245205e2
const A3 = -2.759285104469687e2
const A4 = 1.38357751867269e2
const A5 = -3.066479806614716e1
const A6 = 2.506628277459239
const B1 = -5.447609879822406e1
const B2 = 1.615858368580409e2
const B3 = -1.556989798598866e2
const B4 = 6.680131188771972e1
const B5 = -1.328068155288572e1
const C1 = -7.784894002430293e-3
const C2 = -3.223964580411365e-1
const C3 = -2.400758277161838
const C4 = -2.549732539343734
const C5 = 4.374664141464968
const C6 = 2.938163982698783
const D1 = 7.784695709041462e-3
const D2 = 3.224671290700398e-1
const D3 = 2.445134137142996
const D4 = 3.754408661907416
/** Below this p (and above 1 − it) the tail formula applies. */
const P_LOW = 0.02425

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (central
 * region |p − 0.5| ≤ 0.47575 and two tails), relative error < 1.15e-9. Dimensionless; ±Infinity at 0 and 1.
 */
export function inverseNormalCdf(p: number): number {
  if (p <= 0) return -Infinity
  if (p >= 1) return Infinity
  if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)))
  if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)))
  const q = p - 0.5
  const r = q * q
  return (
    ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) /
    (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1)
  )
}

/** Lower tail of Acklam's approximation at q = √(−2 ln p). */
function tail(q: number): number {
  return (
    (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1)
  )
}

/** A standard normal variate by inversion: Φ⁻¹(u) for one uniform u from `rng` (one output per draw). */
export function standardNormal(rng: Sfc32): number {
  return inverseNormalCdf(rng.nextFraction())
}

/**
 * A Gamma(shape, 1) variate for shape ≥ 1 by Marsaglia and Tsang's squeeze-and-reject method ("A simple
 * method for generating gamma variables", ACM TOMS 26(3), 2000): d = shape − 1/3, c = 1/√(9d); accept
 * d·v with v = (1 + c·z)³ for a standard normal z when u < 1 − 0.0331·z⁴ or
 * ln u < z²/2 + d·(1 − v + ln v). Dimensionless.
 */
export function gammaVariate(shape: number, rng: Sfc32): number {
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    const z = standardNormal(rng)
    const t = 1 + c * z
    if (t <= 0) continue
    const v = t * t * t
    const u = rng.nextFraction()
    const z2 = z * z
    if (u < 1 - 0.0331 * z2 * z2) return d * v
    if (Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return d * v
  }
}

/** A Beta(α, β) variate for α, β ≥ 1 as X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β). In [0, 1]. */
export function betaVariate(alpha: number, beta: number, rng: Sfc32): number {
  const x = gammaVariate(alpha, rng)
  const y = gammaVariate(beta, rng)
  return x / (x + y)
}
