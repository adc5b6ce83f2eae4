import { describe, expect, it } from 'vitest'
import {
  AnalysisCancelledError,
  CATALOG,
  computeCurves,
  createDefaultPlan,
  evaluatePlan,
  findAssumption,
  sensitivity,
  sensitivityBounds,
  type NumberAssumption,
  type Plan,
  type SensitivityResult,
} from '../../models/index'

function numberAssumption(key: string): NumberAssumption {
  const a = findAssumption(key)
  if (a?.kind !== 'number') throw new Error(`${key} is not numeric`)
  return a
}

function row(result: SensitivityResult, key: string) {
  const found = result.rows.find((r) => r.key === key)
  if (!found) throw new Error(`no row for ${key}`)
  return found
}

const plan = createDefaultPlan()
const atDefault = sensitivity(plan)
const atLargeFleet = sensitivity(plan, { vms: 20_000 })

describe('sensitivityBounds', () => {
  it.each([
    // key, value, range, low, high
    ['vmware.usdPerCoreYear.vcf', 350, undefined, 280, 420], // ±20 %
    ['host.coresPerSocket', 32, undefined, 26, 38], // 25.6 → 26, 38.4 → 38 (whole cores)
    ['host.sockets', 2, undefined, 2, 2], // 1.6 and 2.4 both round to 2
    ['workload.petShare', 0.9, undefined, 0.72, 1], // 1.08 clamped to the catalog maximum 1
    ['vmware.usdPerCoreYear.vcf', 350, { low: 185, high: 395 }, 185, 395], // the plan's range
    ['workload.growthPerYear', -0.1, undefined, -0.12, -0.08], // a negative value keeps low below high
  ] as const)('%s = %d, range %j → [%d, %d]', (key, value, range, low, high) => {
    const b = sensitivityBounds(numberAssumption(key), value, range)
    expect(b?.low).toBeCloseTo(low, 12)
    expect(b?.high).toBeCloseTo(high, 12)
    expect(b?.source).toBe(range ? 'range' : 'relative')
  })

  it('skips a zero value without a range, not with one', () => {
    const a = numberAssumption('vmware.lateRenewalPenalty')
    expect(sensitivityBounds(a, 0, undefined)).toBeNull()
    expect(sensitivityBounds(a, 0, { low: 0, high: 0.2 })).toEqual({ low: 0, high: 0.2, source: 'range' })
  })
})

describe('sensitivity at the default plan', () => {
  it('reports the gap of evaluatePlan at the plan’s fleet size and the curve’s first crossover', () => {
    const e = evaluatePlan(plan)
    expect(atDefault.vms).toBe(1000)
    expect(atDefault.gap).toBe(e.gapAnnual)
    const curves = computeCurves(plan, { metric: 'annual', fromVms: 10, toVms: 100_000, points: 61 })
    expect(atDefault.crossover).toBe(curves.crossovers[0]?.vms ?? null)
  })

  it('has one row per numeric assumption except the fleet size, the exchange rate and zero values', () => {
    const keys = atDefault.rows.map((r) => r.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).not.toContain('fleet.vms')
    expect(keys).not.toContain('finance.usdToCurrency')
    expect(keys).not.toContain('vmware.lateRenewalPenalty') // 0 and no range
    const expected = CATALOG.filter(
      (a) => a.kind === 'number' && a.default !== 0 && !['fleet.vms', 'finance.usdToCurrency'].includes(a.key)
    )
    expect(keys.length).toBe(expected.length)
  })

  it('sorts rows by the swing of the gap, largest first', () => {
    const swings = atDefault.rows.map((r) => Math.abs(r.gapHigh - r.gapLow))
    for (let i = 1; i < swings.length; i++) expect(swings[i]).toBeLessThanOrEqual(swings[i - 1] as number)
  })

  it('each row is the model re-evaluated with that one value changed', () => {
    for (const key of [
      'vmware.usdPerCoreYear.vcf',
      'staff.salaryUsd',
      'host.ramGib',
      'storage.cephReplicas',
    ]) {
      const r = row(atDefault, key)
      for (const [value, gap, crossover] of [
        [r.low, r.gapLow, r.crossoverLow],
        [r.high, r.gapHigh, r.crossoverHigh],
      ] as const) {
        const overrides = { [key]: value }
        expect(gap).toBe(evaluatePlan(plan, { overrides }).gapAnnual)
        const curves = computeCurves(plan, {
          overrides,
          metric: 'annual',
          fromVms: 10,
          toVms: 100_000,
          points: 61,
        })
        expect(crossover).toBe(curves.crossovers[0]?.vms ?? null)
      }
    }
  })

  it('hand-computed: the VCF price moves the gap by licensed cores × price step', () => {
    // 25 VMware hosts × 2 × 32 cores = 1,600 licensed cores; 280 → 420 USD is 140 USD × 1,600 = 224,000.
    const r = row(atDefault, 'vmware.usdPerCoreYear.vcf')
    expect([r.low, r.high]).toEqual([280, 420])
    expect(r.gapHigh - r.gapLow).toBeCloseTo(224_000, 6)
    expect(r.gapLow).toBeCloseTo(atDefault.gap - 70 * 1600, 6)
  })

  it('uses the plan’s range when there is one', () => {
    const withRange: Plan = {
      ...plan,
      ranges: { 'vmware.usdPerCoreYear.vcf': { kind: 'pert', low: 185, likely: 350, high: 395 } },
    }
    const r = row(sensitivity(withRange), 'vmware.usdPerCoreYear.vcf')
    expect(r).toMatchObject({ low: 185, high: 395, source: 'range' })
    expect(r.gapHigh - r.gapLow).toBeCloseTo(1600 * 210, 6)
  })
})

describe('tornado signs follow the model’s monotonic directions', () => {
  it.each([
    // key, fleet size, direction of gapHigh − gapLow (gap = VMware − OpenStack)
    ['vmware.usdPerCoreYear.vcf', 1000, 1], // dearer VMware licences widen the gap
    ['host.coresPerSocket', 1000, 1], // more cores per host: more VMware licensed cores per host
    ['staff.openstack.hostsPerFte', 20_000, 1], // fewer OpenStack engineers for the same nodes
    ['staff.vmware.hostsPerFte', 20_000, -1], // fewer VMware engineers
    ['staff.openstack.minFte', 1000, -1], // the on-call minimum binds for a small cloud: more engineers
    ['staff.openstack.fixedFte', 20_000, -1], // the fixed team plus per-node effort binds for a large one
    ['staff.openstack.salaryPremium', 1000, -1], // dearer OpenStack engineers
    ['staff.salaryUsd', 1000, -1], // OpenStack needs 5 engineers to VMware's 2, so salary weighs on it more
    ['openstack.supportUsdPerNodeYear.advanced', 1000, -1], // OpenStack support only (the default 24×7 tier)
  ] as const)('%s at %i VMs', (key, vms, direction) => {
    const r = row(vms === 1000 ? atDefault : atLargeFleet, key)
    const swing = r.gapHigh - r.gapLow
    expect(Math.sign(swing)).toBe(direction)
  })

  it('assumptions that act only on the horizon do not move the annual gap', () => {
    for (const key of [
      'finance.discountRate',
      'staff.openstack.adoptionUsd',
      'finance.horizonYears',
      'finance.wageEscalation',
      'finance.energyEscalation',
      'finance.openstackSupportEscalation',
    ]) {
      const r = row(atDefault, key)
      expect(r.gapLow).toBe(atDefault.gap)
      expect(r.gapHigh).toBe(atDefault.gap)
    }
  })
})

describe('sensitivity options', () => {
  it('reports progress per row and stops when cancelled', () => {
    const seen: [number, number][] = []
    const result = sensitivity(plan, { onProgress: (done, total) => seen.push([done, total]) })
    expect(seen.length).toBe(result.rows.length)
    expect(seen.at(-1)).toEqual([result.rows.length, result.rows.length])
    let calls = 0
    expect(() => sensitivity(plan, { isCancelled: () => ++calls > 3 })).toThrow(AnalysisCancelledError)
  })

  it('follows the scenario and --set values', () => {
    const withScenario: Plan = {
      ...plan,
      scenarios: [...plan.scenarios, { id: 'vvf', name: 'VVF', overrides: { 'vmware.edition': 'vvf' } }],
    }
    const vvf = sensitivity(withScenario, { scenarioId: 'VVF' })
    expect(vvf.gap).toBe(evaluatePlan(withScenario, { scenarioId: 'vvf' }).gapAnnual)
    // Under VVF the VCF price is not paid: its row does not move the gap.
    const r = row(vvf, 'vmware.usdPerCoreYear.vcf')
    expect(r.gapHigh - r.gapLow).toBe(0)
    const set = sensitivity(plan, { overrides: { 'staff.salaryUsd': 120_000 } })
    expect(row(set, 'staff.salaryUsd')).toMatchObject({ value: 120_000, low: 96_000, high: 144_000 })
  })

  it('refuses an unknown scenario and a fleet size out of range', () => {
    expect(() => sensitivity(plan, { scenarioId: 'nope' })).toThrow(RangeError)
    expect(() => sensitivity(plan, { vms: 0 })).toThrow(/fleet size 0/)
  })
})

describe('the crossover search range', () => {
  it('is 10–100,000 VMs for the default plan and widens to a plan fleet outside it', () => {
    expect(atDefault.crossoverRange).toEqual({ fromVms: 10, toVms: 100_000 })
    const big: Plan = { ...plan, assumptions: { 'fleet.vms': 1_000_000 } }
    expect(sensitivity(big).crossoverRange).toEqual({ fromVms: 10, toVms: 1_000_000 })
    const one: Plan = { ...plan, assumptions: { 'fleet.vms': 1 } }
    expect(sensitivity(one).crossoverRange).toEqual({ fromVms: 1, toVms: 100_000 })
  })
})
