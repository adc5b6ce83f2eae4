import { describe, expect, it } from 'vitest'
import {
  cohortPurchases,
  computeCapacity,
  createDefaultPlan,
  equivalentAnnualCost,
  evaluatePlan,
  evaluatePlatform,
  npv,
  toModelInputs,
  type Plan,
} from '../../models/index'

function planWith(assumptions: Plan['assumptions']): Plan {
  return { ...createDefaultPlan(), assumptions }
}

describe('finance helpers', () => {
  it.each([
    // needed per year, life → bought per year
    [[10, 10, 12, 12, 12], 2, [10, 0, 12, 0, 12]], // y2: 10 retire, 12 needed; y4: refresh of y2's 12
    [[10, 8, 8], 5, [10, 0, 0]], // a shrinking fleet buys nothing
    [[10, 10, 10, 10, 10, 10], 5, [10, 0, 0, 0, 0, 10]], // refreshed in year 5
    [[4, 6, 9], 5, [4, 2, 3]], // growth buys the difference
  ])('cohortPurchases(%j, %i) = %j', (needed, life, bought) => {
    expect(cohortPurchases(needed, life)).toEqual(bought)
  })

  it('discounts cash paid at the start of each year', () => {
    // 100 + 100 / 1.1 + 100 / 1.21 = 100 + 90.909 + 82.645 = 273.554
    expect(npv(0.1, [100, 100, 100])).toBeCloseTo(273.5537, 4)
    expect(equivalentAnnualCost(273.553719, 0.1, 3)).toBeCloseTo(100, 4)
    expect(equivalentAnnualCost(300, 0, 3)).toBe(100)
  })
})

describe('annual run rate at the default plan, 1,000 VMs', () => {
  const e = evaluatePlan(createDefaultPlan())
  const v = e.platforms.vmware
  const o = e.platforms.openstack

  it('prices VMware from 25 licensed hosts', () => {
    expect(v.nodes).toEqual({ compute: 20, haReserve: 1, management: 4, storage: 0, total: 25 })
    expect(v.licensedCores).toBe(1600) // 25 × 2 × 32
    expect(v.annual.licensing).toBeCloseTo(560_000, 6) // 1600 × 350
    expect(v.annual.support).toBe(0) // support is part of the subscription
    expect(v.fte).toBe(2) // max(2, 1 + 25 / 40 = 1.625): the on-call minimum binds
    expect(v.annual.staff).toBeCloseTo(274_912, 6) // 2 × 96,800 × 1.42
    expect(v.annual.hardware).toBeCloseTo(196_000, 6) // 25 × 28,000 / 5 + 25 × 28,000 × 0.08
    expect(v.annual.storage).toBeCloseTo(12_884.901888, 5) // 536.870912 TB raw × 120 / 5, inside the entitlement
    expect(v.storage.vsanAddOnTib).toBe(0)
    expect(v.annual.facility).toBeCloseTo(15_000, 6) // 25 × 600
  })

  it('prices OpenStack from 31 nodes and 5 engineers', () => {
    expect(o.nodes).toEqual({ compute: 21, haReserve: 1, management: 3, storage: 6, total: 31 })
    expect(o.licensedCores).toBe(0)
    expect(o.annual.licensing).toBe(0)
    expect(o.annual.support).toBeCloseTo(46_500, 6) // 31 × 1,500 (24×7 tier)
    expect(o.fte).toBe(5) // max(5, 2 + 31 / 60 = 2.517): the on-call minimum binds
    expect(o.annual.staff).toBeCloseTo(790_372, 6) // 5 × 96,800 × 1.42 × 1.15
    expect(o.annual.hardware).toBeCloseTo(196_000, 6) // 25 servers × (5,600 + 2,240)
    // (6 × 15,000 + 805.306368 TB × 120) / 5 + 6 × 15,000 × 0.08 = 37,327.35 + 7,200
    expect(o.annual.storage).toBeCloseTo(44_527.352832, 5)
    expect(o.annual.facility).toBeCloseTo(18_600, 6) // 31 × 600
  })

  it('reports the per-VM-month figure and the cheaper platform', () => {
    expect(v.perVmMonth).toBeCloseTo(v.annual.total / 1000 / 12, 9)
    expect(e.cheaper).toBe(v.annual.total <= o.annual.total ? 'vmware' : 'openstack')
    expect(e.gapAnnual).toBeCloseTo(v.annual.total - o.annual.total, 6)
    // the saving as a share of the dearer platform's total
    expect(e.gapFraction).toBeCloseTo(Math.abs(e.gapAnnual) / Math.max(v.annual.total, o.annual.total), 12)
    expect(v.energy.kwhSavedPerYear).toBeCloseTo(
      v.energy.kwhPerYearWithoutPowerManagement - v.energy.kwhPerYear,
      9
    )
    expect(v.energy.co2KgSavedPerYear).toBeCloseTo(v.energy.kwhSavedPerYear * 0.37, 9)
  })
})

describe('horizon cash flows', () => {
  it('buys the servers in year 0 and pays support every year', () => {
    const r = evaluatePlan(createDefaultPlan()).platforms.vmware
    const flows = r.horizon.cashFlows
    expect(flows).toHaveLength(5)
    expect(flows[0]?.hardware).toBeCloseTo(700_000 + 56_000, 6) // 25 × 28,000 + support
    for (const f of flows.slice(1)) expect(f.hardware).toBeCloseTo(56_000, 6)
    expect(r.horizon.total).toBeCloseTo(
      flows.reduce((s, f) => s + f.total, 0),
      6
    )
  })

  it('refreshes servers that reach the end of their depreciation inside the horizon', () => {
    const flows = evaluatePlan(planWith({ 'host.depreciationYears': 3 })).platforms.vmware.horizon.cashFlows
    expect(flows[3]?.hardware).toBeCloseTo(700_000 + 56_000, 6)
  })

  it('escalates VMware prices and charges the late-renewal penalty once', () => {
    const r = evaluatePlan(
      planWith({ 'finance.vmwarePriceEscalation': 0.1, 'vmware.lateRenewalPenalty': 0.2 })
    ).platforms.vmware
    expect(r.horizon.cashFlows[0]?.licensing).toBeCloseTo(560_000 * 1.2, 6) // + 20 % penalty in year 0
    expect(r.horizon.cashFlows[2]?.licensing).toBeCloseTo(560_000 * 1.21, 6) // 1.1²
    expect(r.annual.licensing).toBeCloseTo(560_000, 6) // run rate leaves one-offs out
  })

  it('pays OpenStack adoption once in year 0', () => {
    const flows = evaluatePlan(createDefaultPlan()).platforms.openstack.horizon.cashFlows
    // year 1's staff is year 0's run rate × 1.03 wage escalation: 790,372 × 1.03 = 814,083.16
    expect(flows[1]?.staff).toBeCloseTo(814_083.16, 6)
    expect((flows[0]?.staff ?? 0) - (flows[1]?.staff ?? 0) / 1.03).toBeCloseTo(250_000, 6)
  })

  it('buys for growth', () => {
    const inp = toModelInputs({ 'workload.growthPerYear': 0.5, 'finance.horizonYears': 3 })
    const r = evaluatePlatform(inp, 'vmware', 1000)
    const servers = (vms: number) => {
      const c = computeCapacity(inp, 'vmware', vms)
      return c.computeHosts + c.haReserveHosts + c.managementHosts
    }
    // VMs 1000, 1500, 2250 → servers bought are the differences
    expect(r.horizon.cashFlows[1]?.hardware).toBeCloseTo(
      (servers(1500) - servers(1000)) * 28_000 + servers(1500) * 2240,
      6
    )
    expect(r.horizon.cashFlows[2]?.hardware).toBeCloseTo(
      (servers(2250) - servers(1500)) * 28_000 + servers(2250) * 2240,
      6
    )
  })

  it('discounts the horizon at the plan rate', () => {
    // Power, maintenance and wage escalation off so every flow is a hand-known figure (VMware, 1,000 VMs, 25
    // hosts): year 0: 560,000 licences + 274,912 staff + 756,000 hardware (700,000 servers + 56,000 support)
    //         + 64,424.50944 vSAN drives (536.870912 TB × 120) + 15,000 facility = 1,670,336.50944
    // years 1–4: 560,000 + 274,912 + 56,000 + 15,000 = 905,912
    // NPV at 8 %: 1,670,336.50944 + 905,912 × (1 − 1.08⁻⁴) / 0.08 = 1,670,336.50944 + 905,912 × 3.3121268
    //           = 1,670,336.50944 + 3,000,495.45 = 4,670,831.96 (5 years = the 5-year life: no residual value)
    const r = evaluatePlan(
      planWith({ 'power.usdPerKwh': 0, 'maintenance.eventsPerHostYear': 0, 'finance.wageEscalation': 0 })
    ).platforms.vmware
    expect(r.horizon.cashFlows.map((f) => f.total)).toEqual([
      expect.closeTo(1_670_336.50944, 4),
      ...Array.from({ length: 4 }, () => expect.closeTo(905_912, 4)),
    ])
    expect(r.horizon.residualValue).toBe(0)
    expect(r.horizon.npv).toBeCloseTo(4_670_831.96, 1)
  })

  it('credits what hardware bought late in a long horizon is still worth', () => {
    // 7 years, 5-year life: the 25 servers are bought in year 0 and again in year 5; the year-5 cohort has
    // 3 of its 5 years left: 25 × 28,000 × 3/5 = 420,000 of book value (drives: 64,424.51 × 3/5)
    const r = evaluatePlan(planWith({ 'finance.horizonYears': 7 })).platforms.vmware
    const drives = 536.870912 * 120 // raw TB × USD per raw TB
    expect(r.horizon.residualValue).toBeCloseTo(420_000 + drives * 0.6, 4)
    const paid = r.horizon.cashFlows.reduce((s, f, y) => s + f.total / 1.08 ** y, 0)
    expect(r.horizon.npv).toBeCloseTo(paid - (420_000 + drives * 0.6) / 1.08 ** 7, 4)
    expect(r.horizon.npvByCategory.hardware).toBeCloseTo(
      r.horizon.cashFlows.reduce((s, f, y) => s + f.hardware / 1.08 ** y, 0) - 420_000 / 1.08 ** 7,
      4
    )
  })

  it('escalates wages, energy and OpenStack support from year 1', () => {
    const r = evaluatePlan(
      planWith({
        'finance.wageEscalation': 0.1,
        'finance.energyEscalation': 0.2,
        'finance.openstackSupportEscalation': 0.05,
      })
    ).platforms.openstack
    const [y0, y1, y2] = r.horizon.cashFlows
    expect((y1?.staff ?? 0) / r.annual.staff).toBeCloseTo(1.1, 9)
    expect((y2?.maintenance ?? 0) / r.annual.maintenance).toBeCloseTo(1.21, 9) // 1.1²
    expect((y2?.power ?? 0) / (y0?.power ?? 1)).toBeCloseTo(1.44, 9) // 1.2²
    expect((y1?.support ?? 0) / (y0?.support ?? 1)).toBeCloseTo(1.05, 9)
  })

  it('licenses every later order for growth at the 72-core minimum at least', () => {
    // On a SAN, growing 50 % a year (hosts per year from RAM and the FT vCPU limit, 16 vs 8 per host):
    // year 0: 100 VMs → 2 compute + 1 reserve + 4 management = 7 hosts × 64 = 448 cores
    // year 1: 150 VMs → FT 3 × 2 × 4 / 8 = 3 compute → 8 hosts = 512 cores: an order of max(64, 72) → 520 held
    // year 2: 225 VMs → RAM 229.5 × 16 / 875.52 = 4.19 → 5 compute → 10 hosts = 640: max(120, 72) → 640 held
    const inpValues = {
      'vmware.storage': 'san',
      'workload.growthPerYear': 0.5,
      'finance.horizonYears': 3,
    } as const
    const inp = toModelInputs(inpValues)
    const flows = evaluatePlatform(inp, 'vmware', 100).horizon.cashFlows
    expect(flows[0]?.licensing).toBeCloseTo(448 * 350, 6)
    expect(flows[1]?.licensing).toBeCloseTo(520 * 350, 6)
    expect(flows[2]?.licensing).toBeCloseTo(640 * 350, 6)
    // without the rule each year pays for its need
    const off = evaluatePlatform(
      toModelInputs({ ...inpValues, 'vmware.minCoresPerOrderEnabled': false }),
      'vmware',
      100
    )
    expect(off.horizon.cashFlows[1]?.licensing).toBeCloseTo(512 * 350, 6)
  })

  it('reports money in the display currency', () => {
    const usd = evaluatePlan(createDefaultPlan())
    const cny = evaluatePlan(planWith({ 'finance.currency': 'CNY', 'finance.usdToCurrency': 7.2 }))
    expect(cny.currency).toBe('CNY')
    expect(cny.platforms.vmware.annual.total).toBeCloseTo(usd.platforms.vmware.annual.total * 7.2, 4)
    expect(cny.platforms.openstack.horizon.npv).toBeCloseTo(usd.platforms.openstack.horizon.npv * 7.2, 3)
    expect(cny.platforms.vmware.fte).toBe(usd.platforms.vmware.fte)
  })
})

describe('scenarios and errors', () => {
  it('applies a scenario on top of the base assumptions', () => {
    const plan = createDefaultPlan()
    plan.assumptions = { 'vmware.edition': 'vvf' }
    plan.scenarios.push({ id: 's2', name: 'VCF again', overrides: { 'vmware.edition': 'vcf' } })
    // VVF has no management domain: 21 hosts × 64 cores = 1344 cores × 135
    expect(evaluatePlan(plan).platforms.vmware.annual.licensing).toBeCloseTo(1344 * 135, 6)
    expect(evaluatePlan(plan, { scenarioId: 'VCF again' }).platforms.vmware.annual.licensing).toBeCloseTo(
      1600 * 350,
      6
    )
  })

  it('names the key and range of a bad value and an unknown scenario', () => {
    expect(() => evaluatePlan(createDefaultPlan(), { overrides: { 'power.pue': -1 } })).toThrow(
      'power.pue = -1 is out of range (allowed: 1 to 4)'
    )
    expect(() => evaluatePlan(createDefaultPlan(), { scenarioId: 'nope' })).toThrow(
      'no scenario "nope" in this plan (scenarios: "Baseline")'
    )
    expect(() => evaluatePlan(createDefaultPlan(), { vms: 0 })).toThrow(
      'fleet size 0 is out of range (allowed: 1 to 1,000,000 VMs, whole numbers)'
    )
  })
})
