import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  CATALOG,
  CATEGORIES,
  PLATFORMS,
  catalogDefaults,
  createDefaultPlan,
  driversAt,
  evaluatePlan,
  findAssumption,
  perturbations,
  type AssumptionValue,
} from '../../models/index'

const plan = createDefaultPlan()
const defaults = catalogDefaults()

/**
 * The cost as evaluatePlan reports it (a second path through the model: the full evaluation with its week,
 * not the curve point driversAt uses) with one assumption set to `value`.
 */
function costWith(
  key: string,
  value: AssumptionValue | undefined,
  where: { vms?: number; platform: 'vmware' | 'openstack'; category: (typeof CATEGORIES)[number] | 'total' }
): number {
  const e = evaluatePlan(plan, {
    ...(where.vms === undefined ? {} : { vms: where.vms }),
    ...(value === undefined ? {} : { overrides: { [key]: value } }),
  })
  return e.platforms[where.platform].annual[where.category]
}

/** True when some perturbation of `key` moves the cost, by the second path. */
function moves(key: string, where: Parameters<typeof costWith>[2]): boolean {
  const a = findAssumption(key)!
  const before = costWith(key, undefined, where)
  return perturbations(a, defaults[key]!).some((v) => {
    const after = costWith(key, v, where)
    return Math.abs(after - before) > Math.max(1e-9, Math.abs(before) * 1e-9)
  })
}

describe('perturbations', () => {
  it.each([
    // key, value → values tried (×0.5 and ×1.5, clamped and rounded; the current value never)
    ['host.ramGib', 1024, [512, 1536]],
    ['host.sockets', 2, [1, 3]],
    ['vmware.edition', 'vcf', ['vvs', 'vvep', 'vvf']],
    ['vmware.dpmEnabled', true, [false]],
  ] as const)('%s at %j is tried at %j', (key, value, tried) => {
    expect(perturbations(findAssumption(key)!, value)).toEqual(tried)
  })

  it('never tries the current value nor leaves the allowed range', () => {
    const numbers = CATALOG.filter((a) => a.kind === 'number')
    fc.assert(
      fc.property(fc.constantFrom(...numbers), fc.double({ min: 0, max: 1, noNaN: true }), (a, t) => {
        if (a.kind !== 'number') return
        let v = a.min + (a.max - a.min) * t
        if (a.isInteger) v = Math.round(v)
        if (a.minExclusive && v <= a.min) return
        for (const x of perturbations(a, v)) {
          expect(x).not.toBe(v)
          expect(x).toBeGreaterThanOrEqual(a.min)
          expect(x).toBeLessThanOrEqual(a.max)
        }
      }),
      { numRuns: 200 }
    )
  })
})

describe('driversAt: what drives a cost, found by perturbing each assumption', () => {
  it('lists the sizing inputs behind OpenStack’s hardware at 1,000 VMs, not only its prices', () => {
    const keys = driversAt(plan, { platform: 'openstack', category: 'hardware' })
    expect(keys).toEqual(
      expect.arrayContaining([
        'host.capexUsd',
        'host.depreciationYears',
        'host.ramGib',
        'host.coresPerSocket',
        'host.vcpuPerCore',
        'host.ramOvercommit',
        'workload.ramGibPerVm',
      ])
    )
    expect(keys).not.toContain('staff.salaryUsd')
    expect(keys).not.toContain('vmware.usdPerCoreYear.vcf')
  })

  it('names only the edition in use: with VCF, the VVF price drives nothing', () => {
    const keys = driversAt(plan, { platform: 'vmware', category: 'licensing' })
    expect(keys).toContain('vmware.usdPerCoreYear.vcf')
    expect(keys).toContain('vmware.edition')
    expect(keys).not.toContain('vmware.usdPerCoreYear.vvf')
  })

  it('finds no driver for a cost the platform does not have', () => {
    expect(driversAt(plan, { platform: 'openstack', category: 'licensing' })).toEqual([])
    expect(driversAt(plan, { platform: 'vmware', category: 'support' })).toEqual([])
  })

  it('leaves out horizon-only, one-off and display-only keys: the breakdown is an annual run rate', () => {
    const all = new Set(PLATFORMS.flatMap((p) => driversAt(plan, { platform: p, category: null })))
    for (const key of [
      'finance.discountRate',
      'finance.vmwarePriceEscalation',
      'staff.openstack.adoptionUsd',
      'vmware.lateRenewalPenalty',
      'finance.usdToCurrency',
      'fleet.vms',
    ]) {
      expect(all.has(key), key).toBe(false)
    }
  })

  it.each([
    ['openstack', 'hardware', 1000],
    ['vmware', 'licensing', 1000],
    ['openstack', 'staff', 20_000],
    ['vmware', 'power', 300],
  ] as const)(
    'every key listed for %s %s (at %s VMs) moves that cost, and every key not listed leaves it alone',
    (platform, category, vms) => {
      const where = { platform, category, vms }
      const listed = new Set(driversAt(plan, { platform, category, vms }))
      for (const a of CATALOG) {
        if (a.kind === 'currency' || a.key === 'fleet.vms' || a.key === 'finance.usdToCurrency') continue
        expect(moves(a.key, where), a.key).toBe(listed.has(a.key))
      }
    }
  )

  it('depends on the fleet size: more VMs can bring in a driver a small fleet does not have', () => {
    // OpenStack adds a controller per computesPerExtraController compute hosts: at 10 VMs there is one set
    // of controllers whatever that number is; at 100,000 VMs it decides how many there are.
    const small = driversAt(plan, { vms: 10, platform: 'openstack', category: 'hardware' })
    const large = driversAt(plan, { vms: 100_000, platform: 'openstack', category: 'hardware' })
    expect(small).not.toContain('openstack.computesPerExtraController')
    expect(large).toContain('openstack.computesPerExtraController')
  })
})
