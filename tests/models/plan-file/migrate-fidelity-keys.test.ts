import { describe, expect, it } from 'vitest'
import { migrateFidelityKeys, vsanPolicyForOverhead } from '../../../models/plan-file/migrate-fidelity-keys'

describe('planning-file migration of the model-fidelity keys', () => {
  it('copies a split value to both platforms and renames choices and prices', () => {
    const plan = {
      assumptions: {
        'migration.concurrentLive': 4,
        'migration.concurrentBlock': 3,
        'openstack.support': 'perNode',
        'openstack.supportUsdPerNodeYear': 300,
        'fleet.vms': 500,
      },
      ranges: {
        'migration.concurrentLive': { kind: 'uniform', low: 2, high: 8 },
        'openstack.supportUsdPerNodeYear': { kind: 'uniform', low: 200, high: 400 },
        'storage.vsanOverhead': { kind: 'uniform', low: 1.5, high: 2 },
      },
      scenarios: [
        { id: 'baseline', name: 'Baseline', overrides: {} },
        { id: 'b', name: 'B', overrides: { 'storage.vsanOverhead': 1.5, 'openstack.support': 'none' } },
      ],
    }
    migrateFidelityKeys(plan)
    expect(plan.assumptions).toEqual({
      'migration.vmware.concurrentLive': 4,
      'migration.openstack.concurrentLive': 4,
      'migration.vmware.concurrentBlock': 3,
      'migration.openstack.concurrentBlock': 3,
      'openstack.support': 'infra',
      'openstack.supportUsdPerNodeYear.infra': 300,
      'fleet.vms': 500,
    })
    expect(plan.ranges).toEqual({
      'migration.vmware.concurrentLive': { kind: 'uniform', low: 2, high: 8 },
      'migration.openstack.concurrentLive': { kind: 'uniform', low: 2, high: 8 },
      'openstack.supportUsdPerNodeYear.infra': { kind: 'uniform', low: 200, high: 400 },
    })
    expect(plan.scenarios[1]?.overrides).toEqual({
      'vmware.vsanPolicy': 'raid6',
      'openstack.support': 'none',
    })
  })

  it('keeps a value already stored under a new key', () => {
    const plan = {
      assumptions: { 'migration.concurrentLive': 4, 'migration.openstack.concurrentLive': 2 },
    }
    migrateFidelityKeys(plan)
    expect(plan.assumptions).toEqual({
      'migration.vmware.concurrentLive': 4,
      'migration.openstack.concurrentLive': 2,
    })
  })

  it.each([
    [2, 'raid1'],
    [4 / 3, 'raid5'],
    [1.4, 'raid5'], // |1.4 − 1.333| = 0.067 < |1.4 − 1.5| = 0.1
    [1.5, 'raid6'],
    [1, 'raid5'], // nearest is 1.333
    [2.6, 'raid1ftt2'], // |2.6 − 3| = 0.4 < |2.6 − 2| = 0.6
    [4, 'raid1ftt2'],
  ])('an old vSAN overhead of %d becomes %s', (overhead, policy) => {
    expect(vsanPolicyForOverhead(overhead)).toBe(policy)
  })

  it('leaves parts that are not objects for the reader to refuse', () => {
    const plan = { assumptions: [1, 2], scenarios: 'x' }
    migrateFidelityKeys(plan)
    expect(plan).toEqual({ assumptions: [1, 2], scenarios: 'x' })
    expect(() => migrateFidelityKeys(null)).not.toThrow()
  })
})
