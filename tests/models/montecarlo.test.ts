import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AnalysisCancelledError,
  annualTotalAt,
  CATALOG,
  CURVE_LIMITS,
  MAX_MONTE_CARLO_BYTES,
  MAX_MONTE_CARLO_SAMPLES,
  maxMonteCarloSamples,
  monteCarloBytes,
  combineMonteCarloBatches,
  computeCurves,
  createDefaultPlan,
  defaultUncertaintyRange,
  evaluatePlan,
  evaluatePlatform,
  findAssumption,
  inputFieldPath,
  logSpacedFleetSizes,
  monteCarlo,
  monteCarloBatch,
  numericInputSetter,
  PLATFORMS,
  sampledAssumptions,
  toModelInputs,
  type Distribution,
  type Plan,
} from '../../models/index'
import { arbValues } from '../support/arb-values'

const plan = createDefaultPlan()
const SAMPLES = 400
const run = monteCarlo(plan, { samples: SAMPLES, seed: 1 })

/** The plan with every default-range assumption pinned by a zero-width range at its value. */
function pinnedPlan(base: Plan): Plan {
  const ranges: Record<string, Distribution> = {}
  for (const a of CATALOG) {
    if (a.kind !== 'number') continue
    ranges[a.key] = { kind: 'uniform', low: a.default, high: a.default }
  }
  return { ...base, ranges }
}

describe('annualTotalAt, the lean evaluation path', () => {
  it('equals evaluatePlatform’s annual total bit for bit on the default curve', () => {
    const inputs = toModelInputs()
    for (const vms of logSpacedFleetSizes(10, 100_000, 61, 1000)) {
      for (const p of PLATFORMS)
        expect(annualTotalAt(inputs, p, vms)).toBe(
          evaluatePlatform(inputs, p, vms, { wantWeek: false }).annual.total
        )
    }
  })

  it('equals evaluatePlatform’s annual total on random valid plans', () => {
    fc.assert(
      fc.property(arbValues(), fc.integer({ min: 1, max: 200_000 }), (values, vms) => {
        const inputs = toModelInputs(values)
        for (const p of PLATFORMS) {
          expect(annualTotalAt(inputs, p, vms)).toBe(
            evaluatePlatform(inputs, p, vms, { wantWeek: false }).annual.total
          )
        }
      }),
      { numRuns: 200 }
    )
  })
})

describe('numericInputSetter', () => {
  it('finds exactly one ModelInputs field for every numeric catalog key', () => {
    for (const a of CATALOG) {
      if (a.kind !== 'number') continue
      expect(inputFieldPath(a.key), a.key).toBeInstanceOf(Array)
    }
  })

  it('writing a value equals rebuilding the inputs with it', () => {
    for (const a of CATALOG) {
      if (a.kind !== 'number') continue
      const inputs = toModelInputs()
      const value = a.isInteger ? Math.floor((a.min + a.max) / 2) : (a.min + a.max) / 2
      numericInputSetter(inputs, a.key)(value)
      expect(inputs, a.key).toEqual(toModelInputs({ [a.key]: value }))
    }
  })
})

describe('which assumptions Monte Carlo samples', () => {
  it('at the default plan: every E, D and list-price key with a default range, as PERT around its value', () => {
    const sampled = sampledAssumptions(plan)
    const keys = sampled.map((s) => s.key)
    const expected = CATALOG.filter((a) => {
      if (a.kind !== 'number' || a.key === 'fleet.vms') return false
      if (a.flag !== 'E' && a.flag !== 'D' && !a.isListPrice) return false
      const r = defaultUncertaintyRange(a)
      return r !== null && r[1] > r[0]
    }).map((a) => a.key)
    expect(keys).toEqual(expected)
    expect(keys).not.toContain('host.idleWatts') // primary source, no default range
    expect(keys).not.toContain('openstack.haHostFailures') // its default range [1, 1] has no width
    expect(sampled.find((s) => s.key === 'vmware.usdPerCoreYear.vcf')).toEqual({
      key: 'vmware.usdPerCoreYear.vcf',
      distribution: { kind: 'pert', low: 185, likely: 350, high: 395 },
      source: 'default',
    })
  })

  it('the plan’s own ranges win; zero-width ones are not sampled; likely follows the scenario value', () => {
    const p: Plan = {
      ...plan,
      assumptions: { 'staff.salaryUsd': 100_000, 'host.capexUsd': 40_000 },
      ranges: {
        'staff.salaryUsd': { kind: 'lognormal', low: 80_000, high: 130_000 },
        'vmware.usdPerCoreYear.vcf': { kind: 'uniform', low: 300, high: 300 },
      },
    }
    const byKey = new Map(sampledAssumptions(p).map((s) => [s.key, s]))
    expect(byKey.get('staff.salaryUsd')?.source).toBe('plan') // a P key sampled because the plan says so
    expect(byKey.has('vmware.usdPerCoreYear.vcf')).toBe(false)
    // 40,000 lies above the default range 17,500–32,500: the range moves to 40,000 ± 30 % = 28,000–52,000.
    const capex = byKey.get('host.capexUsd')?.distribution
    expect(capex?.kind).toBe('pert')
    expect(capex?.low).toBeCloseTo(28_000, 9)
    expect(capex?.likely).toBe(40_000)
    expect(capex?.high).toBeCloseTo(52_000, 9)
  })
})

describe('monteCarlo', () => {
  it('returns the documented shape on the plan’s curve', () => {
    const vms = computeCurves(plan).vms
    expect(run.vms).toEqual(vms)
    expect(run.samples).toBe(SAMPLES)
    expect(run.seed).toBe(1)
    for (const p of PLATFORMS) {
      for (const q of ['p10', 'p50', 'p90'] as const) expect(run.platforms[p][q]).toHaveLength(vms.length)
      vms.forEach((_, i) => {
        const { p10, p50, p90 } = run.platforms[p]
        expect(p10[i]).toBeLessThanOrEqual(p50[i] as number)
        expect(p50[i]).toBeLessThanOrEqual(p90[i] as number)
      })
    }
    for (const pr of run.probabilityOpenstackCheaper) expect(pr >= 0 && pr <= 1).toBe(true)
    expect(run.gapAtFleet).toBeInstanceOf(Float64Array)
    expect(run.gapAtFleet).toHaveLength(SAMPLES)
    for (const key of run.sampledKeys) expect(run.sampleValues[key]).toHaveLength(SAMPLES)
  })

  it('is reproducible: the same seed gives identical arrays, another seed different ones', () => {
    const again = monteCarlo(plan, { samples: SAMPLES, seed: 1 })
    expect(again).toEqual(run)
    const other = monteCarlo(plan, { samples: SAMPLES, seed: 2 })
    expect(other.gapAtFleet).not.toEqual(run.gapAtFleet)
    expect(other.platforms.vmware.p50).not.toEqual(run.platforms.vmware.p50)
  })

  it('gives the same numbers however the samples are split into batches', () => {
    const first = monteCarloBatch(plan, { samples: 150, seed: 1 })
    const second = monteCarloBatch(plan, { samples: 250, seed: 1, firstSample: 150 })
    expect(combineMonteCarloBatches([second, first])).toEqual(run)
  })

  it('each sample is the model evaluated with that sample’s values', () => {
    const batch = monteCarloBatch(plan, { samples: 50, seed: 9 })
    const fleetIndex = batch.vms.indexOf(1000)
    const point = 45
    for (const s of [0, 17, 49]) {
      const overrides: Record<string, number> = {}
      for (const key of batch.sampledKeys) overrides[key] = batch.sampleValues[key]?.[s] as number
      const e = evaluatePlan(plan, { overrides })
      expect(batch.gapAtFleet[s]).toBe(e.gapAnnual)
      expect(batch.vmwareUsd[fleetIndex * 50 + s]).toBe(e.platforms.vmware.annual.total)
      const far = evaluatePlan(plan, { overrides, vms: batch.vms[point] })
      expect(batch.openstackUsd[point * 50 + s]).toBe(far.platforms.openstack.annual.total)
    }
  })

  it('widens the curve to a plan fleet size beyond its range and takes the gap there', () => {
    const big: Plan = { ...plan, assumptions: { 'fleet.vms': 500_000 } }
    const batch = monteCarloBatch(big, { samples: 3, seed: 2, points: 5 })
    // 5 log-spaced points from 10 to 500,000: 10 · 50,000^(i/4) → 10, 150, 2,236, 33,437, 500,000.
    expect(batch.vms).toEqual([10, 150, 2236, 33437, 500_000])
    for (let s = 0; s < 3; s++) {
      const overrides: Record<string, number> = {}
      for (const key of batch.sampledKeys) overrides[key] = batch.sampleValues[key]?.[s] as number
      expect(batch.gapAtFleet[s]).toBe(evaluatePlan(big, { overrides }).gapAnnual)
    }
  })

  it('keeps sampled values inside the catalog range and whole for integer keys', () => {
    for (const key of run.sampledKeys) {
      const a = findAssumption(key)
      if (a?.kind !== 'number') throw new Error(key)
      for (const v of run.sampleValues[key] as Float64Array) {
        expect(v >= a.min && v <= a.max, `${key} = ${v}`).toBe(true)
        if (a.isInteger) expect(Number.isInteger(v), `${key} = ${v}`).toBe(true)
      }
    }
  })

  it('samples the VCF price with the PERT mean (185 + 4·350 + 395)/6 = 330', () => {
    const big = monteCarlo(plan, { samples: 4000, seed: 3, points: 2 })
    const xs = big.sampleValues['vmware.usdPerCoreYear.vcf'] as Float64Array
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length
    // PERT(185, 350, 395) is 185 + 210·Beta(α, β), α = 1 + 4·165/210, β = 1 + 4·45/210.
    const alpha = 1 + (4 * 165) / 210
    const beta = 1 + (4 * 45) / 210
    const sd = 210 * Math.sqrt((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)))
    expect(Math.abs(mean - 330)).toBeLessThan((5 * sd) / Math.sqrt(xs.length))
  })

  it('with no sampled keys the bands collapse onto the deterministic curve', () => {
    const pinned = pinnedPlan(plan)
    const m = monteCarlo(pinned, { samples: 25, seed: 4 })
    expect(m.sampledKeys).toEqual([])
    const curves = computeCurves(pinned, { metric: 'annual' })
    expect(m.vms).toEqual(curves.vms)
    for (const p of PLATFORMS) {
      expect(m.platforms[p].p10).toEqual(curves.platforms[p].total)
      expect(m.platforms[p].p50).toEqual(curves.platforms[p].total)
      expect(m.platforms[p].p90).toEqual(curves.platforms[p].total)
    }
    const cheaper = curves.vms.map((_, i) =>
      (curves.platforms.openstack.total[i] as number) < (curves.platforms.vmware.total[i] as number) ? 1 : 0
    )
    expect(m.probabilityOpenstackCheaper).toEqual(cheaper)
  })

  it('follows the scenario: a VVF scenario no longer depends on the VCF price', () => {
    const p: Plan = {
      ...pinnedPlan(plan),
      scenarios: [...plan.scenarios, { id: 'vvf', name: 'VVF', overrides: { 'vmware.edition': 'vvf' } }],
    }
    p.ranges['vmware.usdPerCoreYear.vcf'] = { kind: 'uniform', low: 100, high: 400 }
    const m = monteCarlo(p, { samples: 30, seed: 5, scenarioId: 'vvf' })
    expect(m.sampledKeys).toEqual(['vmware.usdPerCoreYear.vcf'])
    expect(m.platforms.vmware.p10).toEqual(m.platforms.vmware.p90)
  })

  it('reports progress and stops when cancelled', () => {
    const seen: number[] = []
    monteCarlo(plan, { samples: 200, points: 3, onProgress: (done) => seen.push(done) })
    expect(seen.at(-1)).toBe(200)
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1] as number)
    let calls = 0
    expect(() => monteCarlo(plan, { samples: 200, points: 3, isCancelled: () => ++calls > 5 })).toThrow(
      AnalysisCancelledError
    )
  })

  it('checks its bounds', () => {
    expect(() => monteCarlo(plan, { samples: 0 })).toThrow(/samples 0 is out of range/)
    expect(() => monteCarlo(plan, { samples: 1.5 })).toThrow(RangeError)
    expect(() => monteCarlo(plan, { seed: -1 })).toThrow(/seed -1 is out of range/)
    expect(() => monteCarlo(plan, { seed: 2 ** 32 })).toThrow(RangeError)
    expect(() => combineMonteCarloBatches([])).toThrow(RangeError)
  })
})

describe('the memory bound of a run', () => {
  it('allows the most samples that fit in MAX_MONTE_CARLO_BYTES, never more than the sample limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: CURVE_LIMITS.maxPoints + 1 }), (fleetSizes) => {
        const max = maxMonteCarloSamples(fleetSizes)
        expect(max).toBeLessThanOrEqual(MAX_MONTE_CARLO_SAMPLES)
        expect(monteCarloBytes(max, fleetSizes)).toBeLessThanOrEqual(MAX_MONTE_CARLO_BYTES)
        // The most that fit: one more sample is either past the sample limit or past the memory limit.
        const isSampleBound = max === MAX_MONTE_CARLO_SAMPLES
        expect(isSampleBound || monteCarloBytes(max + 1, fleetSizes) > MAX_MONTE_CARLO_BYTES).toBe(true)
      })
    )
  })

  it('counts both platforms’ cost at every fleet size and every sampled value', () => {
    // 1 sample × (10 fleet sizes × 2 platforms × 8 B + (catalog keys + 1) × 8 B).
    expect(monteCarloBytes(1, 10)).toBe(160 + (CATALOG.length + 1) * 8)
    expect(monteCarloBytes(1000, 10)).toBe(1000 * monteCarloBytes(1, 10))
  })
})
