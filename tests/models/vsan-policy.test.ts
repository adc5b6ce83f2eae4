import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  storageFailuresTolerated,
  VSAN_POLICIES,
  VSAN_POLICY_FACTS,
  vsanHostShare,
  vsanPolicyShortfallHosts,
} from '../../models/cost/vsan-policy'

describe('vSAN storage policies', () => {
  it.each([
    // policy, raw ÷ usable, failures tolerated, minimum hosts
    ['raid1', 2, 1, 3], // 2 copies, 2·1+1 hosts
    ['raid5', 4 / 3, 1, 4], // 3 data + 1 parity
    ['raid6', 1.5, 2, 6], // 4 data + 2 parity
    ['raid1ftt2', 3, 2, 5], // 3 copies, 2·2+1 hosts
  ] as const)('%s: %d× raw, tolerates %i, needs %i hosts', (policy, raw, ftt, hosts) => {
    expect(VSAN_POLICY_FACTS[policy].rawPerUsable).toBeCloseTo(raw, 12)
    expect(VSAN_POLICY_FACTS[policy].failuresTolerated).toBe(ftt)
    expect(VSAN_POLICY_FACTS[policy].minHosts).toBe(hosts)
  })

  it('RAID-5 never needs more raw capacity than RAID-1, RAID-6 never more than RAID-1 FTT=2', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (usableTb) => {
        const raw = (p: keyof typeof VSAN_POLICY_FACTS) => usableTb * VSAN_POLICY_FACTS[p].rawPerUsable
        expect(raw('raid5')).toBeLessThanOrEqual(raw('raid1'))
        expect(raw('raid6')).toBeLessThanOrEqual(raw('raid1ftt2'))
      })
    )
  })

  it.each([
    // policy, clusters, VM hosts → extra hosts
    ['raid5', 1, 3, 1], // 1 · 4 − 3
    ['raid6', 1, 3, 3], // 1 · 6 − 3
    ['raid6', 2, 20, 0], // 2 · 6 = 12 ≤ 20
    ['raid1', 1, 2, 1], // 1 · 3 − 2
    ['raid1ftt2', 1, 5, 0], // 5 hosts meet 5
  ] as const)('%s with %i cluster(s) of %i hosts needs %i more', (policy, clusters, vmHosts, extra) => {
    expect(vsanPolicyShortfallHosts({ policy, clusters, vmHosts })).toBe(extra)
  })

  it.each([
    ['vsan', 'raid1', 3, 1],
    ['vsan', 'raid6', 3, 2],
    ['ceph', 'raid1', 3, 2], // size 3 survives two lost copies
    ['ceph', 'raid1', 2, 1],
    ['local', 'raid1', 3, 0],
    ['san', 'raid1', 3, null],
  ] as const)(
    '%s (%s, Ceph size %i) tolerates %s host failures',
    (architecture, vsanPolicy, cephReplicas, expected) => {
      expect(storageFailuresTolerated({ architecture, vsanPolicy, cephReplicas })).toBe(expected)
    }
  )

  it("takes vSAN's CPU and memory from the host, at most half", () => {
    // 10 % CPU; 16 GiB of 921.6 usable → 905.6
    expect(vsanHostShare({ cpuOverheadFraction: 0.1, ramOverheadGib: 16, usableRamGib: 921.6 })).toEqual({
      cpuFraction: 0.9,
      ramGib: 905.6,
    })
    // A 16 GiB host with 8 GiB usable keeps half: 8 − min(4, 16) = 4
    expect(vsanHostShare({ cpuOverheadFraction: 0.9, ramOverheadGib: 16, usableRamGib: 8 })).toEqual({
      cpuFraction: 0.5,
      ramGib: 4,
    })
  })

  it('every policy is listed once', () => {
    expect(new Set(VSAN_POLICIES).size).toBe(Object.keys(VSAN_POLICY_FACTS).length)
  })
})
