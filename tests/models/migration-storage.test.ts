import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  evacuationSeconds,
  maintenanceHoursPerYear,
  sizeStorage,
  toModelInputs,
  vsanAddOnTib,
} from '../../models/index'

const oneVm = {
  vms: 1,
  ramGibPerVm: 64,
  diskGibPerVm: 200,
  linkEfficiency: 0.8,
  dirtyFactor: 1.2,
  setupSecondsPerVm: 0,
  // No per-migration cap unless a test sets one: the NIC is the bottleneck.
  gbpsPerMigration: 1000,
}

describe('evacuation time', () => {
  it.each([
    // a 64 GiB VM, live: 64 × 1.2 × 8.589934592 = 659.707 Gbit
    [10, false, 1, 659.706977 / 8], // over 10 GbE × 0.8 = 8 Gbit/s → 82.46 s = 1.37 min
    [25, false, 1, 659.706977 / 20], // over 25 GbE × 0.8 = 20 Gbit/s → 32.99 s
    // block: + 200 GiB of disk = 276.8 GiB × 8.589934592 = 2377.694 Gbit
    [10, true, 1, 2377.693895 / 8], // 297.21 s = 4.95 min
    [25, true, 1, 2377.693895 / 20], // 118.88 s
  ])(
    'moves a 64 GiB VM over %i GbE (block %s) in the expected seconds',
    (nicGbps, isBlockMigration, concurrency, seconds) => {
      expect(evacuationSeconds({ ...oneVm, nicGbps, isBlockMigration, concurrency })).toBeCloseTo(seconds, 3)
    }
  )

  it('pays the set-up time once per wave of concurrent migrations', () => {
    // 10 VMs, 8 at a time → 10 / 8 = 1.25 waves × 10 s on top of the transfer
    const base = { ...oneVm, vms: 10, nicGbps: 25, isBlockMigration: false }
    const transfer = evacuationSeconds({ ...base, concurrency: 8 })
    expect(evacuationSeconds({ ...base, concurrency: 8, setupSecondsPerVm: 10 }) - transfer).toBeCloseTo(
      12.5,
      9
    )
    expect(evacuationSeconds({ ...base, concurrency: 2, setupSecondsPerVm: 10 }) - transfer).toBeCloseTo(
      50,
      9
    ) // 10 / 2 = 5 waves
    expect(
      evacuationSeconds({ ...base, vms: 1, concurrency: 8, setupSecondsPerVm: 10 }) -
        evacuationSeconds({ ...base, vms: 1, concurrency: 8 })
    ).toBeCloseTo(10, 9) // at least one wave
  })

  it.each([
    // one 64 GiB VM, live, 659.707 Gbit, 25 GbE × 0.8 = 20 Gbit/s
    [1, 1, 10, 659.706977 / 10], // one stream at 10 Gbit/s: min(20, 10) → 65.97 s
    [1, 8, 10, 659.706977 / 10], // one VM opens one stream whatever the limit
    // 8 VMs: 5277.656 Gbit
    [8, 1, 10, 5277.655816 / 10], // one stream: 527.77 s
    [8, 2, 10, 5277.655816 / 20], // two streams fill the 20 Gbit/s link: 263.88 s
    [8, 8, 10, 5277.655816 / 20], // more streams cannot beat the link
  ])(
    '%i VMs, %i at a time, %d Gbit/s per migration: the per-stream cap sets the pace',
    (vms, concurrency, gbpsPerMigration, seconds) => {
      expect(
        evacuationSeconds({
          ...oneVm,
          vms,
          nicGbps: 25,
          isBlockMigration: false,
          concurrency,
          gbpsPerMigration,
        })
      ).toBeCloseTo(seconds, 3)
    }
  )

  it('4 concurrent migrations never evacuate slower than 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        fc.boolean(),
        (vms, nicGbps, gbpsPerMigration, setupSecondsPerVm, isBlockMigration) => {
          const at = (concurrency: number) =>
            evacuationSeconds({
              ...oneVm,
              vms,
              nicGbps,
              gbpsPerMigration,
              setupSecondsPerVm,
              isBlockMigration,
              concurrency,
            })
          expect(at(4)).toBeLessThanOrEqual(at(1) * (1 + 1e-12))
        }
      )
    )
  })

  it('takes no time with no VMs', () => {
    expect(evacuationSeconds({ ...oneVm, vms: 0, nicGbps: 25, isBlockMigration: true, concurrency: 2 })).toBe(
      0
    )
  })
})

describe('maintenance hours', () => {
  it('adds fixed work per node and attended evacuation time per VM host', () => {
    // 4 events × (25 nodes × 0.5 h + (21 VM hosts × 8 min) / 60 × 0.25) = 4 × (12.5 + 0.7) = 52.8 h
    const hours = maintenanceHoursPerYear({
      eventsPerHostYear: 4,
      engineerHoursPerEvent: 0.5,
      attendedFraction: 0.25,
      nodes: 25,
      fleetEvacuationMinutes: 21 * 8,
    })
    expect(hours).toBeCloseTo(52.8, 9)
  })
})

describe('storage sizing at 1,000 VMs', () => {
  // usable = 1000 × 200 GiB × 1.25 × 0.001073741824 TB/GiB = 268.435456 TB
  const usableTb = 268.435456

  it.each([
    ['vsan', 'vmware', usableTb * 2, 0, usableTb * 2 * 120, 0], // raw ×2 on host drives at 120 USD/TB
    ['local', 'vmware', usableTb * 2, 0, usableTb * 2 * 120, 0], // RAID-1 mirror
    ['san', 'vmware', usableTb, 0, 0, usableTb * 1000], // 1000 USD per usable TB
    // Ceph: raw ×3 = 805.306 TB / 150 TB per node = 5.37 → 6 nodes × 15,000 + 805.306 × 120
    ['ceph', 'openstack', usableTb * 3, 6, 6 * 15_000 + usableTb * 3 * 120, 0],
  ] as const)(
    '%s on %s: raw, storage nodes and capital',
    (architecture, platform, rawTb, nodes, hostLifeUsd, sanUsd) => {
      const key = platform === 'vmware' ? 'vmware.storage' : 'openstack.storage'
      const s = sizeStorage(toModelInputs({ [key]: architecture }), platform, 1000)
      expect(s.usableTb).toBeCloseTo(usableTb, 6)
      expect(s.rawTb).toBeCloseTo(rawTb, 6)
      expect(s.storageNodes).toBe(nodes)
      expect(s.hostLifeCapexUsd).toBeCloseTo(hostLifeUsd, 4)
      expect(s.sanCapexUsd).toBeCloseTo(sanUsd, 4)
    }
  )

  it('keeps one Ceph node more than the replicas, to re-replicate after a node failure', () => {
    // 10 VMs: raw 8.05 TB would fit one node, but size-3 pools need 3 hosts + 1 spare = 4
    expect(sizeStorage(toModelInputs(), 'openstack', 10).storageNodes).toBe(4)
    expect(sizeStorage(toModelInputs({ 'storage.cephReplicas': 2 }), 'openstack', 10).storageNodes).toBe(3)
  })

  it.each([
    // policy → raw = 268.435456 TB usable × raw ÷ usable
    ['raid1', usableTb * 2],
    ['raid5', (usableTb * 4) / 3], // 357.914 TB: lower than RAID-1's 536.871
    ['raid6', usableTb * 1.5],
    ['raid1ftt2', usableTb * 3],
  ] as const)('vSAN %s needs %d TB raw', (policy, rawTb) => {
    expect(sizeStorage(toModelInputs({ 'vmware.vsanPolicy': policy }), 'vmware', 1000).rawTb).toBeCloseTo(
      rawTb,
      6
    )
  })

  it('prices vSAN capacity beyond the entitlement', () => {
    // 1100 TB raw = 1000.44 TiB (÷ 1.099511627776); entitlement 416 TiB → 584.44 TiB add-on
    expect(vsanAddOnTib(1100, 416)).toBeCloseTo(1100 / 1.099511627776 - 416, 9)
    expect(vsanAddOnTib(100, 416)).toBe(0)
  })

  it('licenses the whole raw capacity once VVF exceeds its entitlement (KB 326663)', () => {
    // 1100 TB raw = 1000.44 TiB > 416 TiB → the whole 1000.44 TiB, not the 584.44 excess
    expect(vsanAddOnTib(1100, 416, 'wholeCapacity')).toBeCloseTo(1100 / 1.099511627776, 9)
    expect(vsanAddOnTib(1100, 416, 'excessOnly')).toBeCloseTo(1100 / 1.099511627776 - 416, 9)
    // 400 TB = 363.80 TiB ≤ 416: nothing to buy under either rule
    expect(vsanAddOnTib(400, 416, 'wholeCapacity')).toBe(0)
  })
})
