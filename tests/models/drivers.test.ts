import { describe, expect, it } from 'vitest'
import { CATALOG, CATEGORIES, CATEGORY_DRIVERS } from '../../models/index'

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
    expect(CATEGORY_DRIVERS.support).toContain('openstack.supportUsdPerNodeYear')
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
