import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeTransition,
  createDefaultPlan,
  evaluateInputs,
  licenceSchedule,
  monthlyNpv,
  paybackMonth,
  planTransition,
  toModelInputs,
  vmwareVmsDuringMove,
  type AssumptionValues,
  type TransitionResult,
} from '../../models/index'
import { arbValues } from '../support/arb-values'

/**
 * A 2-year plan small enough to do on paper: no hardware, power, storage, facility, support or maintenance
 * cost, so each month is staff + VMware licences + one-offs.
 * - VMware staff: max(minFte 2, 0 + ⌈nodes / 100,000⌉ = 1) = 2 FTE × 100,000 × 1.2 = 240,000 a year = 20,000 a month.
 * - OpenStack staff: max(1, 1) = 1 FTE × 120,000 (no premium) = 10,000 a month, from the month it runs.
 * - VMware licences: the 1,000-core order minimum binds (a handful of 64-core hosts) → VVF at 120 per
 *   core-year: 120,000 a year = 10,000 a month on the 3-year price; a bridge at × 1.2 = 12,000 a month.
 * - Per VM moved: 2 h × (120,000 / 1,200 h = 100 an hour) + 10 tooling = 210.
 */
const PAPER: AssumptionValues = {
  'fleet.vms': 100,
  'finance.horizonYears': 2,
  'finance.discountRate': 0,
  // Wages and energy held flat (the catalog escalates them by default) so the months are hand-known.
  'finance.wageEscalation': 0,
  'finance.energyEscalation': 0,
  'workload.growthPerYear': 0,
  'host.capexUsd': 0,
  'host.hwSupportPerYear': 0,
  'host.facilityUsdPerYear': 0,
  'power.usdPerKwh': 0,
  'vmware.storage': 'san',
  'openstack.storage': 'san',
  'storage.sanUsdPerUsableTb': 0,
  'storage.driveUsdPerRawTb': 0,
  'openstack.support': 'none',
  'maintenance.eventsPerHostYear': 0,
  'vmware.edition': 'vvf',
  'vmware.usdPerCoreYear.vvf': 120,
  'vmware.minCoresPerOrderEnabled': true,
  'vmware.minCoresPerOrder': 1000,
  'vmware.termYears': '3',
  'vmware.termPriceFactor.1y': 1.2,
  'vmware.renewalMonth': 2,
  'staff.salaryUsd': 100_000,
  'staff.loadedMultiplier': 1.2,
  'staff.hoursPerFteYear': 1200,
  'staff.vmware.minFte': 2,
  'staff.vmware.fixedFte': 0,
  'staff.vmware.hostsPerFte': 100_000,
  'staff.openstack.minFte': 1,
  'staff.openstack.fixedFte': 0,
  'staff.openstack.hostsPerFte': 100_000,
  'staff.openstack.salaryPremium': 0,
  'staff.openstack.adoptionUsd': 20_000,
  'transition.startMonth': 1,
  'transition.vmsPerMonth': 40,
  'transition.buildAheadMonths': 1,
  'transition.hoursPerVm': 2,
  'transition.toolingUsdPerVm': 10,
  'transition.consultancyUsd': 5_000,
  'transition.retrainingUsdPerFte': 1_000,
}

function run(values: AssumptionValues, vms?: number): TransitionResult {
  return computeTransition(toModelInputs(values), vms)
}

describe('transition on paper (2 years, 100 VMs, 40 a month from month 1, renewal at month 2)', () => {
  const r = run(PAPER)

  it('moves 40 VMs a month and builds OpenStack a month ahead', () => {
    // VMware [100, 60, 20, 0, …]; OpenStack the rest; 24 months.
    expect(r.months).toBe(24)
    expect(r.move.vmsOnVmware.slice(0, 5)).toEqual([100, 60, 20, 0, 0])
    expect(r.move.vmsOnOpenstack.slice(0, 5)).toEqual([0, 40, 80, 100, 100])
    expect(r.migration.startMonth).toBe(1)
    expect(r.migration.endMonth).toBe(3)
  })

  it('stays at 30,000 a month: 20,000 staff + 10,000 licences', () => {
    expect(r.stay.cash.every((c) => Math.abs(c - 30_000) < 1e-6)).toBe(true)
    expect(r.stay.cumulative[23]).toBeCloseTo(720_000, 6) // 24 × 30,000
    expect(r.stay.vmwareLicensedCores.every((c) => c === 1000)).toBe(true)
    expect(r.stay.terms.map((t) => [t.kind, t.startMonth, t.months])).toEqual([
      ['current', 0, 2],
      ['renewal', 2, 22],
    ])
  })

  it('pays dual running, a one-year bridge and the one-offs while moving', () => {
    const expected = [
      40_000, // m0: VMware staff 20,000 + OpenStack built ahead 10,000 + current term 10,000
      74_400, // m1: 40,000 + adoption 20,000 + consultancy 5,000 + retraining 1 × 1,000 + 40 VMs × 210 = 8,400
      50_400, // m2: 20,000 + 10,000 + bridge 12,000 + 8,400
      26_200, // m3: VMware empty; 10,000 + bridge 12,000 (cannot shrink inside its year) + 20 × 210 = 4,200
      ...new Array(10).fill(22_000), // m4–m13: 10,000 + bridge 12,000
      ...new Array(10).fill(10_000), // m14–m23: the bridge ends with no VM left on VMware
    ]
    r.move.cash.forEach((c, m) => expect(c, `month ${m}`).toBeCloseTo(expected[m] as number, 6))
    expect(r.move.vmwareLicensedCores.slice(0, 15)).toEqual([...new Array(14).fill(1000), 0])
    expect(r.move.terms.map((t) => [t.kind, t.startMonth, t.months])).toEqual([
      ['current', 0, 2],
      ['bridge', 2, 12],
    ])
    // One-offs: 26,000 + 8,400 + 8,400 + 4,200 = 47,000.
    expect(r.migration.oneOffCost).toBeCloseTo(47_000, 6)
  })

  it('pays back in month 12 and ends 209,000 cheaper', () => {
    // Move cumulative at month k (4 ≤ k ≤ 13) = 191,000 + 22,000 (k − 3); stay = 30,000 (k + 1).
    // k = 11: 367,000 > 360,000; k = 12: 389,000 ≤ 390,000, and the gap only widens afterwards.
    expect(r.move.cumulative[11]).toBeCloseTo(367_000, 6)
    expect(r.move.cumulative[12]).toBeCloseTo(389_000, 6)
    expect(r.paybackMonth).toBe(12)
    // Horizon: 191,000 + 10 × 22,000 + 10 × 10,000 = 511,000 against 720,000; discount rate 0 → NPV = sum.
    expect(r.move.cumulative[23]).toBeCloseTo(511_000, 6)
    expect(r.npv.stay).toBeCloseTo(720_000, 6)
    expect(r.npv.move).toBeCloseTo(511_000, 6)
    expect(r.yearly.stay).toEqual([expect.closeTo(360_000, 6), expect.closeTo(360_000, 6)])
    expect(r.yearly.move).toEqual([expect.closeTo(367_000, 6), expect.closeTo(144_000, 6)]) // months 0–11; 2 × 22,000 + 10 × 10,000
  })

  it('retires emptied hosts early unless they are reused', () => {
    // With capex 12,000 a host (run rate 12,000 / 5 years on both paths alike), every VMware server emptied
    // and not reinstalled costs 0.5 × 12,000 = 6,000 once.
    const values = { ...PAPER, 'host.capexUsd': 12_000 }
    const reuse = run({ ...values, 'transition.reuseHosts': true })
    const retire = run({ ...values, 'transition.reuseHosts': false })
    const servers = reuse.stay.hosts[0] as number // san storage: every VMware node is a server
    expect(retire.migration.oneOffCost - 47_000).toBeCloseTo(servers * 6_000, 6)
    expect(reuse.migration.oneOffCost).toBeLessThan(retire.migration.oneOffCost)
  })
})

describe('transition building blocks', () => {
  it.each([
    // fleet per month, start, per month → VMs on VMware
    [[100, 100, 100, 100], 1, 40, [100, 60, 20, 0]],
    [[100, 100, 120, 120], 0, 30, [70, 40, 10, 0]], // growth lands on OpenStack
    [[100, 100, 80, 80], 0, 10, [90, 80, 70, 60]], // a shrinking fleet shrinks VMware too
    [[5, 5], 3, 1, [5, 5]], // starts after the horizon
  ])('vmwareVmsDuringMove(%j, %i, %i) = %j', (fleet, start, perMonth, expected) => {
    expect(vmwareVmsDuringMove(fleet, start, perMonth)).toEqual(expected)
  })

  it('licenses the running maximum inside a term and bridges while VMs remain', () => {
    const s = licenceSchedule({
      neededCores: [32, 64, 48, 16, 16, 0],
      vmwareVms: [4, 8, 6, 2, 2, 0],
      renewalMonth: 2,
      termYears: 3,
      bridgeOnly: true,
    })
    // Current term months 0–1: [32, 64]; bridge from month 2 at 48, never below it inside the year.
    expect(s.licensedCores).toEqual([32, 64, 48, 48, 48, 48])
    expect(s.terms.map((t) => t.kind)).toEqual(['current', 'bridge'])
  })

  it('stops licensing at a renewal with no VM left', () => {
    const s = licenceSchedule({
      neededCores: [16, 0, 0],
      vmwareVms: [1, 0, 0],
      renewalMonth: 1,
      termYears: 1,
      bridgeOnly: true,
    })
    expect(s.licensedCores).toEqual([16, 0, 0])
    expect(s.termOfMonth).toEqual([0, -1, -1])
  })

  it('finds the payback month from the cumulative arrays', () => {
    expect(paybackMonth([10, 20, 30, 40], [15, 25, 28, 35])).toBe(2)
    expect(paybackMonth([10, 20, 30], [5, 21, 29])).toBe(2) // dipping below early does not count
    expect(paybackMonth([10, 20], [11, 21])).toBeNull()
    expect(paybackMonth([10, 20], [10, 20])).toBe(0) // ties pay back
  })

  it('discounts month m by (1 + rate)^(m / 12)', () => {
    // 100 + 100 / 1.1 (month 12) = 190.909…; month 6: 100 / 1.1^0.5 = 95.346…
    const cash = new Array(13).fill(0)
    cash[0] = 100
    cash[6] = 100
    cash[12] = 100
    expect(monthlyNpv(0.1, cash)).toBeCloseTo(100 + 100 / Math.sqrt(1.1) + 100 / 1.1, 9)
  })

  it('names the scenario and refuses a bad value', () => {
    expect(planTransition(createDefaultPlan()).scenario).toBe('Baseline')
    expect(() => planTransition(createDefaultPlan(), { overrides: { 'transition.vmsPerMonth': 0 } })).toThrow(
      /transition.vmsPerMonth/
    )
  })
})

const SHORT = { 'finance.horizonYears': 3 }
const fleet = fc.integer({ min: 1, max: 3000 })
const RUNS = { numRuns: 25 }

function transitionOf(values: AssumptionValues, vms: number): TransitionResult {
  return computeTransition(toModelInputs(values, SHORT), vms)
}

describe('transition properties', () => {
  it('VMs on both platforms add up to the fleet, and VMware never gains VMs once migration starts', () => {
    fc.assert(
      fc.property(arbValues(), fleet, (values, vms) => {
        const r = transitionOf(values, vms)
        r.stay.vms.forEach((f, m) => {
          expect((r.move.vmsOnVmware[m] as number) + (r.move.vmsOnOpenstack[m] as number)).toBe(f)
          if (m > r.migration.startMonth)
            expect(r.move.vmsOnVmware[m] as number).toBeLessThanOrEqual(r.move.vmsOnVmware[m - 1] as number)
        })
      }),
      RUNS
    )
  })

  it('licensed cores never drop inside a term, on either path', () => {
    fc.assert(
      fc.property(arbValues(), fleet, (values, vms) => {
        const r = transitionOf(values, vms)
        for (const [terms, cores] of [
          [r.stay.terms, r.stay.vmwareLicensedCores],
          [r.move.terms, r.move.vmwareLicensedCores],
        ] as const) {
          for (const t of terms)
            for (let m = t.startMonth + 1; m < t.startMonth + t.months; m++)
              expect(cores[m] as number).toBeGreaterThanOrEqual(cores[m - 1] as number)
        }
      }),
      RUNS
    )
  })

  it('payback agrees with the cumulative arrays', () => {
    fc.assert(
      fc.property(arbValues(), fleet, (values, vms) => {
        const r = transitionOf(values, vms)
        const last = r.months - 1
        const p = r.paybackMonth
        if (p === null) {
          expect(r.move.cumulative[last] as number).toBeGreaterThan(r.stay.cumulative[last] as number)
          return
        }
        for (let k = p; k <= last; k++)
          expect(r.move.cumulative[k] as number).toBeLessThanOrEqual(r.stay.cumulative[k] as number)
        if (p > 0)
          expect(r.move.cumulative[p - 1] as number).toBeGreaterThan(r.stay.cumulative[p - 1] as number)
      }),
      RUNS
    )
  })

  it('more hours per VM never makes the move cheaper and never changes staying', () => {
    fc.assert(
      fc.property(arbValues(), fleet, fc.double({ min: 0, max: 50, noNaN: true }), (values, vms, extra) => {
        const base = transitionOf(values, vms)
        const hours = toModelInputs(values).transition.hoursPerVm + extra
        const more = transitionOf({ ...values, 'transition.hoursPerVm': Math.min(1000, hours) }, vms)
        expect(more.stay.cash).toEqual(base.stay.cash)
        more.move.cumulative.forEach((c, m) =>
          expect(c).toBeGreaterThanOrEqual((base.move.cumulative[m] as number) * (1 - 1e-12))
        )
      }),
      RUNS
    )
  })

  it('a bigger discount never makes the move pay back sooner when staying renews yearly', () => {
    // With a 3- or 5-year stay term a one-year bridge can cost more per core than staying's renewal, and a
    // discount then helps the move's bridge more than it helps staying (docs/MODEL.md says so); with yearly
    // renewals both pay the same price and staying licenses at least the move's cores every month.
    fc.assert(
      fc.property(
        arbValues(),
        fleet,
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (values, vms, a, b) => {
          const yearly = { ...values, 'vmware.termYears': '1' }
          const low = transitionOf({ ...yearly, 'vmware.discount': Math.min(a, b) }, vms).paybackMonth
          const high = transitionOf({ ...yearly, 'vmware.discount': Math.max(a, b) }, vms).paybackMonth
          if (low === null) expect(high).toBeNull()
          else expect(high === null || high >= low).toBe(true)
        }
      ),
      RUNS
    )
  })

  it('on every term (1, 3 and 5 years) and bridge, licences scale with (1 − discount) and a bigger discount never costs more', () => {
    // Only licence prices carry vmware.discount (price = list × term factor × (1 − discount) × escalation), so
    // each month's cash is affine in the discount: cash(d) = cash(0) − d × licences(0). With discounts 0 < a < b:
    // cash(a) = cash(0) + (a / b) × (cash(b) − cash(0)) on both paths (the move's bridges included), and
    // cash(b) ≤ cash(a). Renewal at month 6 with at most 20 VMs a month leaves VMs on VMware then, so the
    // move buys at least one one-year bridge in most runs.
    const cases = fc.tuple(
      arbValues(),
      fleet,
      fc.constantFrom('1', '3', '5'),
      fc.double({ min: 0.01, max: 0.95, noNaN: true }),
      fc.double({ min: 0.01, max: 0.95, noNaN: true })
    )
    let bridged = 0
    fc.assert(
      fc.property(cases, ([values, vms, termYears, x, y]) => {
        const a = Math.min(x, y)
        const b = Math.max(x, y)
        const at = (discount: number): TransitionResult =>
          transitionOf(
            {
              ...values,
              'vmware.termYears': termYears,
              'vmware.renewalMonth': 6,
              'transition.startMonth': 0,
              'transition.vmsPerMonth': Math.min(20, toModelInputs(values).transition.vmsPerMonth),
              'vmware.discount': discount,
            },
            vms
          )
        const [r0, ra, rb] = [at(0), at(a), at(b)]
        if (rb.move.terms.some((t) => t.kind === 'bridge')) bridged++
        expect(rb.stay.terms.filter((t) => t.kind === 'renewal').every((t) => t.years === Number(termYears))).toBe(
          true
        )
        for (const path of ['stay', 'move'] as const) {
          expect(rb[path].vmwareLicensedCores).toEqual(r0[path].vmwareLicensedCores)
          r0[path].cash.forEach((c0, m) => {
            const cb = rb[path].cash[m] as number
            const ca = ra[path].cash[m] as number
            const tolerance = 1e-9 * Math.max(1, Math.abs(c0))
            expect(Math.abs(ca - (c0 + (a / b) * (cb - c0)))).toBeLessThanOrEqual(tolerance)
            expect(cb).toBeLessThanOrEqual(ca + tolerance)
            expect(ca).toBeLessThanOrEqual(c0 + tolerance)
          })
        }
      }),
      { numRuns: 30 }
    )
    // The bridge case is exercised, not only the yearly renewals.
    expect(bridged).toBeGreaterThan(0)
  })

  it('with migration instant and free, each month after it saves evaluate’s steady-state gap ÷ 12', () => {
    const instant: AssumptionValues = {
      'transition.startMonth': 0,
      'transition.vmsPerMonth': 1_000_000,
      'transition.hoursPerVm': 0,
      'transition.toolingUsdPerVm': 0,
      'transition.consultancyUsd': 0,
      'transition.retrainingUsdPerFte': 0,
      'staff.openstack.adoptionUsd': 0,
      'vmware.renewalMonth': 0,
      'vmware.termYears': '3',
      'workload.growthPerYear': 0,
      'finance.vmwarePriceEscalation': 0,
      'finance.wageEscalation': 0,
      'finance.energyEscalation': 0,
    }
    fc.assert(
      fc.property(arbValues(), fleet, (values, vms) => {
        const inputs = toModelInputs(values, SHORT, instant)
        const r = computeTransition(inputs, vms)
        const gapPerMonth = evaluateInputs(inputs, vms, 'x').gapAnnual / 12
        for (let m = 1; m < r.months; m++) {
          const gap = (r.stay.cash[m] as number) - (r.move.cash[m] as number)
          expect(Math.abs(gap - gapPerMonth)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, r.stay.cash[m] as number)
          )
        }
      }),
      RUNS
    )
  })
})
