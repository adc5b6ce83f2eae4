import { describe, expect, it } from 'vitest'
import {
  describeModelWarning,
  evaluateInputs,
  toModelInputs,
  type AssumptionValues,
} from '../../models/index'

function warningsOf(values: AssumptionValues, vms = 1000) {
  return evaluateInputs(toModelInputs(values), vms, 'x').warnings
}

describe('checks on a plan', () => {
  it('warns at the defaults that vSAN RAID-1 FTT=1 survives one host failure and Ceph size 3 two', () => {
    expect(warningsOf({})).toEqual([{ code: 'toleranceMismatch', vmwareFailures: 1, openstackFailures: 2 }])
  })

  it.each([
    ['raid6', { 'vmware.vsanPolicy': 'raid6' }], // FTT=2 on both sides
    ['raid1ftt2', { 'vmware.vsanPolicy': 'raid1ftt2' }],
    ['Ceph size 2', { 'storage.cephReplicas': 2 }], // 1 on both sides
    ['a SAN', { 'vmware.storage': 'san' }], // outside the host failure domain: not compared
  ] as const)('is satisfied with like-for-like storage: %s', (_name, values) => {
    expect(warningsOf(values).map((w) => w.code)).not.toContain('toleranceMismatch')
  })

  it('names an edition no longer sold and the FT VMs it cannot protect', () => {
    const w = warningsOf({ 'vmware.edition': 'vvs', 'vmware.storage': 'san' })
    expect(w).toEqual([
      { code: 'editionNotSold', edition: 'vvs', status: 'endOfSale', versionCap: '8' },
      { code: 'ftAppPairs', edition: 'vvs', limitVcpus: 2, vcpuPerVm: 4 },
    ])
    expect(w.map(describeModelWarning)).toEqual([
      'vSphere Standard: End of sale (reported); vSphere 8 only',
      'vSphere Standard protects VMs of at most 2 vCPU with fault tolerance; the 4-vCPU FT VMs are sized as application-level pairs.',
    ])
  })

  it('says how many hosts a vSAN policy added to a small cluster', () => {
    // 10 VMs: 1 compute + 1 reserve; RAID-6 needs 6 → 4 added
    expect(warningsOf({ 'vmware.vsanPolicy': 'raid6' }, 10)).toContainEqual({
      code: 'vsanPolicyHosts',
      policy: 'raid6',
      minHosts: 6,
      addedHosts: 4,
    })
  })

  it('says when VVF licenses the whole vSAN capacity (KB 326663)', () => {
    // 1,000 VMs on VVF: 21 hosts × 64 = 1,344 cores × 0.25 TiB = 336 TiB entitled; raw 536.87 TB = 488.28 TiB
    const w = warningsOf({ 'vmware.edition': 'vvf' })
    const kb = w.find((x) => x.code === 'vvfVsanWholeCapacity')
    expect(kb).toBeDefined()
    if (kb?.code !== 'vvfVsanWholeCapacity') throw new Error('no KB 326663 warning')
    expect(kb.entitledTib).toBeCloseTo(336, 9)
    expect(kb.rawTib).toBeCloseTo(536.870912 / 1.099511627776, 9)
    const e = evaluateInputs(toModelInputs({ 'vmware.edition': 'vvf' }), 1000, 'x')
    // the whole 488.28 TiB at 200 USD, not the 152.28 TiB excess
    expect(e.platforms.vmware.storage.vsanAddOnTib).toBeCloseTo(488.28125, 4)
    const excess = evaluateInputs(
      toModelInputs({ 'vmware.edition': 'vvf', 'vmware.vvfVsanOverage': 'excessOnly' }),
      1000,
      'x'
    )
    expect(excess.platforms.vmware.storage.vsanAddOnTib).toBeCloseTo(488.28125 - 336, 4)
    expect(excess.warnings.map((x) => x.code)).not.toContain('vvfVsanWholeCapacity')
  })

  it('evacuates a host more slowly on OpenStack than on VMware with the same NIC and shared storage', () => {
    const e = evaluateInputs(
      toModelInputs({ 'vmware.storage': 'san', 'openstack.storage': 'san' }),
      1000,
      'x'
    )
    expect(e.platforms.openstack.migration.liveMinutesPerHost).toBeGreaterThan(
      e.platforms.vmware.migration.liveMinutesPerHost
    )
  })
})
