import { throwIfCancelled, type AnalysisControl } from './control'
import { analysisBase, type AnalysisOptions } from './analysis-inputs'
import { annualTotalAt } from '../cost/annual-total'
import { CATALOG, defaultUncertaintyRange, type NumberAssumption } from '../catalog/catalog'
import { logSpacedFleetSizes } from '../cost/curves'
import {
  drawPrepared,
  isPointDistribution,
  prepareDistribution,
  type PreparedDistribution,
} from './distributions'
import { clampToCatalog, numericInputSetter } from '../catalog/input-setters'
import type { ModelInputs } from '../catalog/inputs'
import type { Distribution, Plan } from '../plan/plan'
import {
  MAX_MONTE_CARLO_BYTES,
  MAX_MONTE_CARLO_SAMPLES,
  MAX_SEED,
  MONTE_CARLO_DEFAULTS,
} from '../plan/limits'
import { Sfc32 } from './random'
import type { Platform } from '../cost/types'

/**
 * Bytes a run of `samples` over `fleetSizes` fleet sizes holds at most: both platforms' annual cost at every
 * fleet size (2 × 8 bytes) and every sampled value (8 bytes per catalog key, plus the gap at the plan's
 * size) for every sample. The window and the command line refuse a run above MAX_MONTE_CARLO_BYTES.
 */
export function monteCarloBytes(samples: number, fleetSizes: number): number {
  return samples * (fleetSizes * 16 + (CATALOG.length + 1) * 8)
}

/** The most samples a run over `fleetSizes` fleet sizes may draw: the sample limit or the memory limit. */
export function maxMonteCarloSamples(fleetSizes: number): number {
  return Math.min(MAX_MONTE_CARLO_SAMPLES, Math.floor(MAX_MONTE_CARLO_BYTES / monteCarloBytes(1, fleetSizes)))
}

export interface MonteCarloOptions extends Omit<AnalysisOptions, 'vms'>, AnalysisControl {
  /** @default 2000 */
  samples?: number
  /** Whole number 0 – 4,294,967,295. @default 1 */
  seed?: number
  /** Curve range and points; the plan's view settings when omitted (as computeCurves). */
  fromVms?: number
  toVms?: number
  points?: number
}

export interface MonteCarloBatchOptions extends MonteCarloOptions {
  /** Index of the batch's first sample in the whole run. @default 0 */
  firstSample?: number
}

/** An assumption Monte Carlo samples, and from what. */
export interface SampledAssumption {
  key: string
  distribution: Distribution
  /** 'plan': the plan's range for the key; 'default': PERT over the catalog's default uncertainty range. */
  source: 'plan' | 'default'
}

/** Per-sample results of a contiguous block of samples; batches of one run combine into a result. */
export interface MonteCarloBatch {
  seed: number
  firstSample: number
  samples: number
  vms: number[]
  fleetVms: number
  currency: string
  sampledKeys: string[]
  /** Annual totals, plan currency per year, point-major: index point × samples + sample. */
  vmwareUsd: Float64Array
  openstackUsd: Float64Array
  /** VMware − OpenStack annual total at the plan's fleet size, per sample. */
  gapAtFleet: Float64Array
  /** The value each sampled key took, per sample (after clamping and rounding). */
  sampleValues: Record<string, Float64Array>
}

/** P10 / P50 / P90 of one platform's annual cost at every fleet size of the curve, plan currency per year. */
export interface CostBand {
  p10: number[]
  p50: number[]
  p90: number[]
}

export interface MonteCarloResult {
  samples: number
  seed: number
  vms: number[]
  currency: string
  platforms: Record<Platform, CostBand>
  /** Share of samples in which OpenStack's annual total is below VMware's, per fleet size (VMware wins ties). */
  probabilityOpenstackCheaper: number[]
  /** The plan's fleet size, VMs, where gapAtFleet is taken. */
  fleetVms: number
  /** VMware − OpenStack annual total at the plan's fleet size, per sample (for the histogram). */
  gapAtFleet: Float64Array
  sampledKeys: string[]
  /** The value each sampled key took, per sample (for the CSV audit trail). */
  sampleValues: Record<string, Float64Array>
}

/** Draws the sampled assumptions of one sample at a time into a run's ModelInputs. */
export interface SampleDrawer {
  /** The sampled keys, in the order they are drawn (catalog order). */
  keys: string[]
  /** The values of the sample drawn last, in `keys` order (reused: copy what must be kept). */
  values: Float64Array
  /** Draws sample `sample` of the run seeded `seed` from its own stream, Sfc32(seed, sample), into the inputs. */
  draw(sample: number): void
}

/**
 * The one sampling step of every Monte Carlo (cost curves and stay-or-move): each sampled assumption is
 * drawn from its prepared distribution, clamped to its catalog range (rounded for whole-number keys) and set
 * in `inputs` in place. Sample s always reads stream (seed, s), so blocks of a run give the numbers of one.
 */
export function sampleDrawer(
  sampled: readonly SampledAssumption[],
  inputs: ModelInputs,
  seed: number
): SampleDrawer {
  const assumptions = sampled.map((s) => CATALOG.find((a) => a.key === s.key) as NumberAssumption)
  const prepared = sampled.map((s) => prepareDistribution(s.distribution))
  const setters = sampled.map((s) => numericInputSetter(inputs, s.key))
  const values = new Float64Array(sampled.length)
  const rng = new Sfc32(seed, 0)
  return {
    keys: sampled.map((s) => s.key),
    values,
    draw(sample) {
      rng.reseed(seed, sample)
      for (let k = 0; k < prepared.length; k++) {
        const value = clampToCatalog(
          assumptions[k] as NumberAssumption,
          drawPrepared(prepared[k] as PreparedDistribution, rng)
        )
        ;(setters[k] as (v: number) => void)(value)
        values[k] = value
      }
    },
  }
}

/**
 * Which assumptions a Monte Carlo run samples, in catalog order (the order random numbers are drawn):
 * every key with a range in the plan, from that distribution; else every estimate (E), disputed value (D)
 * and list price with a default uncertainty range (defaultUncertaintyRange: the catalog's range or ±30 % of
 * the catalog default), as PERT(low, likely, high) with likely = the key's value in the scenario; a value the
 * user set outside that range gets ±30 % of itself instead (clamped to the allowed range). Zero-width ranges mark a value as certain and are not sampled (the key keeps its value).
 */
export function sampledAssumptions(
  plan: Plan,
  options: Omit<AnalysisOptions, 'vms'> = {}
): SampledAssumption[] {
  const { values } = analysisBase(plan, options)
  const sampled: SampledAssumption[] = []
  for (const a of CATALOG) {
    if (a.kind !== 'number' || a.key === 'fleet.vms') continue
    const own = plan.ranges[a.key]
    if (own) {
      if (!isPointDistribution(own)) sampled.push({ key: a.key, distribution: own, source: 'plan' })
      continue
    }
    if (a.flag !== 'E' && a.flag !== 'D' && !a.isListPrice) continue
    const range = defaultUncertaintyRange(a)
    if (!range || !(range[1] > range[0])) continue
    const value = values[a.key] as number
    let [low, high] = range
    if (value < low || value > high) {
      // The user entered their own number outside the default range: centre the uncertainty on it
      // (±30 %, clamped to the allowed range) instead of pulling every sample back towards the default.
      low = Math.max(a.min, value * 0.7)
      high = Math.min(a.max, value * 1.3)
      if (!(high > low)) continue
    }
    const likely = Math.min(high, Math.max(low, value))
    sampled.push({ key: a.key, distribution: { kind: 'pert', low, likely, high }, source: 'default' })
  }
  return sampled
}

function checkWholeNumber(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(
      `${name} ${value} is out of range (allowed: ${min} to ${max.toLocaleString('en-US')}, whole numbers)`
    )
}

/**
 * A block of Monte Carlo samples (DESIGN.md "The model" step 11): for samples firstSample … firstSample +
 * samples − 1, every sampled assumption (sampledAssumptions) is drawn, clamped to its catalog range and
 * rounded for integer keys, and both platforms' annual run rates (annualTotalAt, plan currency per year) are
 * computed at every fleet size of the curve (logSpacedFleetSizes with the plan's view settings, the plan's
 * fleet size included). Sample i draws from its own stream, Sfc32(seed, i), so a run split into batches —
 * on several workers — gives exactly the numbers of one batch.
 *
 * Allocation-light: results go straight into typed arrays; one ModelInputs object is changed in place.
 * isCancelled and onProgress are consulted about every 1 % of the batch.
 */
export function monteCarloBatch(plan: Plan, options: MonteCarloBatchOptions = {}): MonteCarloBatch {
  const samples = options.samples ?? MONTE_CARLO_DEFAULTS.samples
  const seed = options.seed ?? MONTE_CARLO_DEFAULTS.seed
  const firstSample = options.firstSample ?? 0
  checkWholeNumber('samples', samples, 1, MAX_MONTE_CARLO_SAMPLES)
  checkWholeNumber('seed', seed, 0, MAX_SEED)
  checkWholeNumber('first sample', firstSample, 0, MAX_SEED)
  const { inputs } = analysisBase(plan, options)
  const from = options.fromVms ?? plan.view.curveFromVms
  const to = options.toVms ?? plan.view.curveToVms
  const vms = logSpacedFleetSizes(from, to, options.points ?? plan.view.curvePoints, inputs.fleetVms)
  const fleetVms = inputs.fleetVms
  const fleetIndex = vms.indexOf(fleetVms)
  const drawer = sampleDrawer(sampledAssumptions(plan, options), inputs, seed)
  const keys = drawer.keys
  const sampleValues: Record<string, Float64Array> = {}
  const columns = keys.map((key) => (sampleValues[key] = new Float64Array(samples)))
  const points = vms.length
  const vmwareUsd = new Float64Array(points * samples)
  const openstackUsd = new Float64Array(points * samples)
  const gapAtFleet = new Float64Array(samples)
  const every = Math.max(1, Math.floor(samples / 100))
  for (let s = 0; s < samples; s++) {
    if (s % every === 0) {
      throwIfCancelled(options)
      if (s > 0) options.onProgress?.(s, samples)
    }
    drawer.draw(firstSample + s)
    for (let k = 0; k < columns.length; k++) (columns[k] as Float64Array)[s] = drawer.values[k] as number
    for (let i = 0; i < points; i++) {
      const x = vms[i] as number
      vmwareUsd[i * samples + s] = annualTotalAt(inputs, 'vmware', x)
      openstackUsd[i * samples + s] = annualTotalAt(inputs, 'openstack', x)
    }
    gapAtFleet[s] =
      fleetIndex >= 0
        ? (vmwareUsd[fleetIndex * samples + s] as number) - (openstackUsd[fleetIndex * samples + s] as number)
        : annualTotalAt(inputs, 'vmware', fleetVms) - annualTotalAt(inputs, 'openstack', fleetVms)
  }
  options.onProgress?.(samples, samples)
  return {
    seed,
    firstSample,
    samples,
    vms,
    fleetVms,
    currency: inputs.finance.currency,
    sampledKeys: keys,
    vmwareUsd,
    openstackUsd,
    gapAtFleet,
    sampleValues,
  }
}

/**
 * Moves the k-th smallest of a[lo..hi] to index k, smaller-or-equal values before it and larger-or-equal
 * after (Hoare's selection with a median-of-three pivot; expected linear time).
 */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1
    // Order a[lo], a[mid], a[hi] so the pivot is their median.
    if ((a[mid] as number) < (a[lo] as number)) swap(a, mid, lo)
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo)
    if ((a[hi] as number) < (a[mid] as number)) swap(a, hi, mid)
    const pivot = a[mid] as number
    let i = lo
    let j = hi
    while (i <= j) {
      while ((a[i] as number) < pivot) i++
      while ((a[j] as number) > pivot) j--
      if (i <= j) {
        swap(a, i, j)
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number
  a[i] = a[j] as number
  a[j] = t
}

/**
 * Quantiles of `values` for increasing probabilities `ps`, by linear interpolation between order
 * statistics (Hyndman and Fan type 7, as R's default and numpy's "linear": h = (n − 1)·p,
 * q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋)). Reorders `values` in place (selection, not a full sort).
 */
export function quantilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length
  const out: number[] = []
  let from = 0
  for (const p of ps) {
    const h = (n - 1) * p
    const k = Math.floor(h)
    selectInPlace(values, k, from, n - 1)
    const xk = values[k] as number
    let q = xk
    if (h > k) {
      let next = Infinity
      for (let j = k + 1; j < n; j++) if ((values[j] as number) < next) next = values[j] as number
      q = xk + (h - k) * (next - xk)
    }
    out.push(q)
    from = k
  }
  return out
}

function concatColumns(parts: readonly Float64Array[], total: number): Float64Array {
  const out = new Float64Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/**
 * Combines batches of one run (same seed, plan and curve), in sample order, into P10/P50/P90 bands per
 * platform and fleet size, the probability OpenStack is cheaper per fleet size, and the per-sample gap and
 * values. Quantiles: quantilesInPlace (type 7) on a scratch copy, so the batches are left unchanged.
 */
export function combineMonteCarloBatches(batches: readonly MonteCarloBatch[]): MonteCarloResult {
  const first = batches[0]
  if (!first) throw new RangeError('no Monte Carlo batches to combine')
  const ordered = [...batches].sort((x, y) => x.firstSample - y.firstSample)
  for (const b of ordered) {
    if (
      b.seed !== first.seed ||
      b.vms.length !== first.vms.length ||
      b.sampledKeys.join() !== first.sampledKeys.join()
    )
      throw new RangeError('Monte Carlo batches from different runs cannot be combined')
  }
  const total = ordered.reduce((sum, b) => sum + b.samples, 0)
  const points = first.vms.length
  const scratchVmware = new Float64Array(total)
  const scratchOpenstack = new Float64Array(total)
  const platforms: Record<Platform, CostBand> = {
    vmware: { p10: [], p50: [], p90: [] },
    openstack: { p10: [], p50: [], p90: [] },
  }
  const probabilityOpenstackCheaper: number[] = []
  for (let i = 0; i < points; i++) {
    let offset = 0
    for (const b of ordered) {
      scratchVmware.set(b.vmwareUsd.subarray(i * b.samples, (i + 1) * b.samples), offset)
      scratchOpenstack.set(b.openstackUsd.subarray(i * b.samples, (i + 1) * b.samples), offset)
      offset += b.samples
    }
    let openstackCheaper = 0
    for (let s = 0; s < total; s++)
      if ((scratchOpenstack[s] as number) < (scratchVmware[s] as number)) openstackCheaper++
    probabilityOpenstackCheaper.push(openstackCheaper / total)
    for (const [platform, scratch] of [
      ['vmware', scratchVmware],
      ['openstack', scratchOpenstack],
    ] as const) {
      const [p10, p50, p90] = quantilesInPlace(scratch, [0.1, 0.5, 0.9]) as [number, number, number]
      platforms[platform].p10.push(p10)
      platforms[platform].p50.push(p50)
      platforms[platform].p90.push(p90)
    }
  }
  const sampleValues: Record<string, Float64Array> = {}
  for (const key of first.sampledKeys) {
    sampleValues[key] = concatColumns(
      ordered.map((b) => b.sampleValues[key] as Float64Array),
      total
    )
  }
  return {
    samples: total,
    seed: first.seed,
    vms: first.vms,
    currency: first.currency,
    platforms,
    probabilityOpenstackCheaper,
    fleetVms: first.fleetVms,
    gapAtFleet: concatColumns(
      ordered.map((b) => b.gapAtFleet),
      total
    ),
    sampledKeys: first.sampledKeys,
    sampleValues,
  }
}

/**
 * Monte Carlo uncertainty of both platforms' annual cost over the curve: monteCarloBatch for all samples,
 * then combineMonteCarloBatches. Reproducible: the same plan, seed and sample count give the same numbers
 * on every machine (integer PRNG; V8's Math.log/exp/sqrt are the same portable code everywhere).
 */
export function monteCarlo(plan: Plan, options: MonteCarloOptions = {}): MonteCarloResult {
  return combineMonteCarloBatches([monteCarloBatch(plan, options)])
}
