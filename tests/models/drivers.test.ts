import { describe, expect, it } from 'vitest'
import { CATALOG, CATEGORIES, CATEGORY_DRIVERS, PLATFORMS, driversOf } from '../../models/index'

const KEYS = new Set(CATALOG.map((a) => a.key))

describe('CATEGORY_DRIVERS', () => {
  it('names only assumptions of the catalog, each once per category', () => {
    for (const c of CATEGORIES) {
      for (const key of CATEGORY_DRIVERS[c]) expect(KEYS.has(key), `${c}: ${key}`).toBe(true)
      expect(new Set(CATEGORY_DRIVERS[c]).size).toBe(CATEGORY_DRIVERS[c].length)
    }
  })

  it('gives every category at least one driver and nothing else', () => {
    expect(Object.keys(CATEGORY_DRIVERS).sort()).toEqual([...CATEGORIES].sort())
    for (const c of CATEGORIES) expect(CATEGORY_DRIVERS[c].length, c).toBeGreaterThan(0)
  })

  it('lists the inputs of each category’s formula', () => {
    expect(CATEGORY_DRIVERS.staff).toEqual(
      expect.arrayContaining(['staff.salaryUsd', 'staff.openstack.hostsPerFte'])
    )
    expect(CATEGORY_DRIVERS.licensing).toEqual(
      expect.arrayContaining(['vmware.usdPerCoreYear.vcf', 'vmware.minCoresPerCpu'])
    )
    expect(CATEGORY_DRIVERS.power).toEqual(expect.arrayContaining(['power.usdPerKwh', 'vmware.dpmEnabled']))
    expect(CATEGORY_DRIVERS.hardware).toContain('host.capexUsd')
    expect(CATEGORY_DRIVERS.facility).toContain('host.facilityUsdPerYear')
    expect(CATEGORY_DRIVERS.support).toContain('openstack.supportUsdPerNodeYear.advanced')
    expect(CATEGORY_DRIVERS.storage).toContain('storage.cephReplicas')
    expect(CATEGORY_DRIVERS.maintenance).toContain('maintenance.eventsPerHostYear')
    expect(CATEGORY_DRIVERS.staff).not.toContain('host.capexUsd')
  })

  it('leaves out one-off and horizon-only assumptions: the breakdown is annual', () => {
    const all = CATEGORIES.flatMap((c) => CATEGORY_DRIVERS[c])
    for (const key of ['staff.vmware.adoptionUsd', 'vmware.lateRenewalPenalty', 'finance.discountRate']) {
      expect(all).not.toContain(key)
    }
  })
})

describe('driversOf', () => {
  const concernOf = new Map(CATALOG.map((a) => [a.key, a.concerns]))

  it('keeps a category’s drivers that concern the platform or both, in catalog order', () => {
    // Staff drivers: 3 VMware-only FTE keys, 3 OpenStack-only FTE keys, salary and loaded multiplier (both),
    // the OpenStack premium. OpenStack's staff: 3 + 2 + 1 = 6 keys.
    expect(driversOf('openstack', 'staff')).toEqual([
      'staff.openstack.minFte',
      'staff.openstack.fixedFte',
      'staff.openstack.hostsPerFte',
      'staff.salaryUsd',
      'staff.loadedMultiplier',
      'staff.openstack.salaryPremium',
      'staff.wholeEngineers',
    ])
    expect(driversOf('vmware', 'staff')).toEqual([
      'staff.vmware.minFte',
      'staff.vmware.fixedFte',
      'staff.vmware.hostsPerFte',
      'staff.salaryUsd',
      'staff.loadedMultiplier',
      'staff.wholeEngineers',
    ])
  })

  it('gives every driver of a category when no platform is named', () => {
    for (const c of CATEGORIES) {
      expect(new Set(driversOf(null, c))).toEqual(new Set(CATEGORY_DRIVERS[c]))
    }
  })

  it('gives the union of every category for a platform’s total, never the other platform’s keys', () => {
    const all = new Set(CATEGORIES.flatMap((c) => CATEGORY_DRIVERS[c]))
    for (const p of PLATFORMS) {
      const keys = driversOf(p, null)
      expect(new Set(keys).size).toBe(keys.length)
      for (const key of keys) expect(all.has(key), key).toBe(true)
      for (const key of keys)
        expect(concernOf.get(key), key).not.toBe(p === 'vmware' ? 'openstack' : 'vmware')
      // Nothing of the platform's own drivers is lost.
      const own = new Set(
        CATEGORIES.filter((c) => c !== (p === 'vmware' ? 'support' : 'licensing')).flatMap(
          (c) => CATEGORY_DRIVERS[c]
        )
      )
      for (const key of own) {
        if (concernOf.get(key) === 'both' || concernOf.get(key) === p) expect(keys, key).toContain(key)
      }
    }
    expect(driversOf('vmware', null)).toContain('vmware.usdPerCoreYear.vcf')
    expect(driversOf('vmware', null)).not.toContain('openstack.supportUsdPerNodeYear.advanced')
    expect(driversOf('openstack', null)).toContain('storage.cephReplicas')
    expect(driversOf('openstack', null)).not.toContain('vmware.vsanPolicy')
  })

  it('leaves OpenStack’s licensing and VMware’s support empty: neither platform has that cost', () => {
    expect(driversOf('openstack', 'licensing')).toEqual([])
    expect(driversOf('vmware', 'support')).toEqual([])
    expect(driversOf('vmware', 'licensing')).toContain('host.coresPerSocket')
    expect(driversOf('openstack', 'support')).toContain('host.sockets')
    // A platform's total leaves out the keys only the other platform's category uses.
    expect(driversOf('vmware', null)).not.toContain('openstack.support')
    expect(driversOf('openstack', null)).not.toContain('vmware.minCoresPerCpu')
  })
})
