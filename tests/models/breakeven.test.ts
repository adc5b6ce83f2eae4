import { describe, expect, it } from 'vitest'
import {
  breakEven,
  computeCurves,
  createDefaultPlan,
  evaluatePlan,
  findAssumption,
  type Plan,
} from '../../models/index'

const plan = createDefaultPlan()

/** The gap VMware − OpenStack at the plan's fleet size with one value changed. */
function gapWith(key: string, value: number, vms?: number, base: Plan = plan): number {
  return evaluatePlan(base, { overrides: { [key]: value }, vms }).gapAnnual
}

/** The cheaper platform with one value changed (VMware wins ties, as everywhere in the model). */
function cheaperWith(key: string, value: number, vms?: number): 'vmware' | 'openstack' {
  return gapWith(key, value, vms) <= 0 ? 'vmware' : 'openstack'
}

describe('break-even of the VCF price per core at the default plan', () => {
  const b = breakEven(plan, 'vmware.usdPerCoreYear.vcf')
  // Tolerance 1e-6 × (10,000 − 0) USD per core.
  const tolerance = 0.01

  it('is where the gap, linear in the price with slope = licensed cores, crosses zero', () => {
    // gap(p) = gap(350) + 1,600 × (p − 350), so p* = 350 − gap(350) / 1,600 (hand-derived: the price only
    // multiplies the 1,600 licensed cores).
    const gap = evaluatePlan(plan).gapAnnual
    const exact = 350 - gap / 1600
    expect(b).toMatchObject({ key: 'vmware.usdPerCoreYear.vcf', vms: 1000, current: 350 })
    expect(b.value).not.toBeNull()
    const value = b.value as number
    // VMware is cheaper at 350 (the 24×7 OpenStack support tier and the on-call minimum weigh at 1,000 VMs);
    // the reported value is the first price at which OpenStack is cheaper: at or just above p*.
    expect(value).toBeGreaterThanOrEqual(exact)
    expect(value).toBeLessThanOrEqual(exact + tolerance)
  })

  it('plugged back in, makes the gap ~0 and flips the cheaper platform across it', () => {
    const value = b.value as number
    expect(Math.abs(gapWith('vmware.usdPerCoreYear.vcf', value))).toBeLessThanOrEqual(1600 * tolerance)
    expect(b.cheaperAtCurrent).toBe('vmware')
    expect(cheaperWith('vmware.usdPerCoreYear.vcf', value)).toBe('openstack')
    expect(cheaperWith('vmware.usdPerCoreYear.vcf', value - 2 * tolerance)).toBe('vmware')
  })
})

describe('break-even of other assumptions', () => {
  it.each([
    ['openstack.supportUsdPerNodeYear.advanced', undefined],
    ['staff.salaryUsd', undefined],
    ['staff.openstack.hostsPerFte', 20_000],
    ['vmware.usdPerCoreYear.vcf', 5000],
  ] as const)('%s at %s VMs: the cheaper platform flips within the tolerance', (key, vms) => {
    const b = breakEven(plan, key, { vms })
    expect(b.value).not.toBeNull()
    const value = b.value as number
    const other = b.cheaperAtCurrent === 'vmware' ? 'openstack' : 'vmware'
    expect(cheaperWith(key, b.current, vms)).toBe(b.cheaperAtCurrent)
    expect(cheaperWith(key, value, vms)).toBe(other)
    // One tolerance step back toward the current value the answer is the current one again.
    const a = findAssumption(key)
    const tolerance = a?.kind === 'number' ? 1e-6 * (a.max - a.min) : NaN
    const back = value + Math.sign(b.current - value) * 2 * tolerance
    expect(cheaperWith(key, back, vms)).toBe(b.cheaperAtCurrent)
  })

  it('integer keys: the first whole value on the other side', () => {
    // At 1,000 VMs VMware is cheaper by about 42,900 a year. A VCF management host costs about 31,600 a
    // year (64 cores × 350 + 28,000 / 5 + 2,240 support + 600 facility + ≈600 power + ≈150 maintenance), so
    // one host more leaves VMware cheaper (gap ≈ −11,300) and two more tip it (≈ +20,300).
    const b = breakEven(plan, 'vmware.mgmtHosts.vcf')
    expect(b.cheaperAtCurrent).toBe('vmware')
    expect(b.value).toBe(6)
    expect(cheaperWith('vmware.mgmtHosts.vcf', 5)).toBe('vmware')
    expect(cheaperWith('vmware.mgmtHosts.vcf', 6)).toBe('openstack')
  })

  it('fleet.vms: the nearest crossover, the last fleet size on the other side', () => {
    const crossover = computeCurves(plan, { metric: 'annual' }).crossovers[0]
    expect(crossover).toBeDefined()
    const b = breakEven(plan, 'fleet.vms')
    // VMware is cheaper at 1,000 VMs, below the crossover; the crossover is the first fleet size where
    // OpenStack is, so it is the nearest fleet size on the other side.
    expect(crossover?.cheaperBelow).toBe('vmware')
    expect(b.value).toBe(crossover?.vms)
  })

  it('returns null with a reason when the cheaper platform never changes in the allowed range', () => {
    // One-off adoption costs are not part of the annual run rate.
    const b = breakEven(plan, 'staff.openstack.adoptionUsd')
    expect(b.value).toBeNull()
    expect(b.reason).toBe('no break-even inside the allowed range 0–1,000,000,000: VMware stays cheaper')
  })

  it('refuses unknown and non-numeric keys, naming them', () => {
    expect(() => breakEven(plan, 'no.such.key')).toThrow(/no\.such\.key/)
    expect(() => breakEven(plan, 'vmware.edition')).toThrow(/vmware\.edition is not a numeric assumption/)
    expect(() => breakEven(plan, 'workload.profile')).toThrow(RangeError)
  })

  it('leaves the plan unchanged', () => {
    const before = JSON.stringify(plan)
    breakEven(plan, 'host.ramGib')
    expect(JSON.stringify(plan)).toBe(before)
  })
})
