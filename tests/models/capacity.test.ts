import { describe, expect, it } from 'vitest'
import { computeCapacity, toModelInputs, vmsCarriedByHosts } from '../../models/index'

describe('capacity at the catalog defaults', () => {
  const inp = toModelInputs()

  it('sizes VMware at 1,000 VMs on vSAN by the FT vCPU limit, after vSAN takes its share of every host', () => {
    const c = computeCapacity(inp, 'vmware', 1000)
    // placed = 1000 × (1 + 0.02) = 1020 VM instances
    expect(c.placedVms).toBeCloseTo(1020, 9)
    // vSAN keeps 10 % of the cores: by vCPU 1020 × 4 / (64 × 0.9 × 4 × 0.95) = 4080 / 218.88 = 18.640
    expect(c.hostsByVcpu).toBeCloseTo(18.6404, 3)
    // by busy cores: 4080 × 0.2 / (57.6 × 0.8 × 0.95) = 816 / 43.776 = 18.640
    expect(c.hostsByBusyCores).toBeCloseTo(18.6404, 3)
    // vSAN keeps 16 GiB: by RAM 1020 × 16 / ((1024 × 0.9 − 16) × 1 × 0.95) = 16320 / 860.32 = 18.970
    expect(c.hostsByRam).toBeCloseTo(18.9697, 3)
    // FT: 20 FT VMs → 40 instances; vCPU limit 40 × 4 / 8 = 20 hosts; VM limit 40 / 4 = 10
    expect(c.hostsByFt).toBeCloseTo(20, 9)
    expect(c.binding).toBe('ft')
    expect(c.computeHosts).toBe(20)
    // one cluster of ≤ 63 usable hosts, 1 host failure tolerated; VCF management domain 4
    expect(c.clusters).toBe(1)
    expect(c.haReserveHosts).toBe(1)
    expect(c.managementHosts).toBe(4)
  })

  it('sizes OpenStack at 1,000 VMs by RAM with the pet-scaled reserve', () => {
    const c = computeCapacity(inp, 'openstack', 1000)
    // FT VMs become app-level pairs: 1020 instances; RAM: 16320 / (1024 × 0.9 × 0.85) = 16320 / 783.36 = 20.833
    expect(c.hostsByRam).toBeCloseTo(20.8333, 3)
    expect(c.hostsByFt).toBe(0)
    expect(c.binding).toBe('ram')
    expect(c.computeHosts).toBe(21)
    // 1 aggregate × 1 failure × 0.6 pets = 0.6 → 1 host
    expect(c.haReserveHosts).toBe(1)
    // 3 controllers + ⌊22 / 200⌋ = 3
    expect(c.managementHosts).toBe(3)
  })

  it.each([
    // vms, VMware clusters (63 usable hosts each), reserve
    [3000, 1, 1], // RAM 3060 × 16 / 875.52 = 55.9 → 56; FT 60 × 2 × 4 / 8 = 60 → 60 hosts ≤ 63
    [5000, 2, 2], // FT 100 × 2 × 4 / 8 = 100 hosts → ⌈100 / 63⌉ = 2 clusters
  ])('splits %i VMs into %i VMware clusters with %i reserve hosts', (vms, clusters, reserve) => {
    const c = computeCapacity(inp, 'vmware', vms)
    expect(c.clusters).toBe(clusters)
    expect(c.haReserveHosts).toBe(reserve)
  })

  it('adds an OpenStack controller per 200 hypervisors', () => {
    const c = computeCapacity(inp, 'openstack', 10_000)
    // RAM: 10200 × 16 / 783.36 = 208.33 → 209 computes; ⌈209 / 63⌉ = 4 aggregates; reserve ⌈4 × 0.6⌉ = 3
    expect(c.computeHosts).toBe(209)
    expect(c.haReserveHosts).toBe(3)
    // 3 + ⌊212 / 200⌋ = 4
    expect(c.managementHosts).toBe(4)
  })

  it('needs no FT hosts when the limits are 0 (no limit) or FT is not used', () => {
    const noLimits = toModelInputs({ 'vmware.ftMaxVmsPerHost': 0, 'vmware.ftMaxVcpusPerHost': 0 })
    expect(computeCapacity(noLimits, 'vmware', 1000).hostsByFt).toBe(0)
    const noFt = toModelInputs({ 'workload.ftShare': 0 })
    expect(computeCapacity(noFt, 'vmware', 1000).hostsByFt).toBe(0)
  })

  it('does not duplicate FT VMs on OpenStack when the strategy is none', () => {
    const c = computeCapacity(toModelInputs({ 'openstack.ftStrategy': 'none' }), 'openstack', 1000)
    expect(c.placedVms).toBe(1000)
  })

  it('always runs at least one compute host', () => {
    expect(computeCapacity(toModelInputs({ 'vmware.storage': 'san' }), 'vmware', 1).computeHosts).toBe(1)
    expect(computeCapacity(inp, 'openstack', 1).computeHosts).toBe(1)
  })

  it('sizes VMware on an external SAN without vSAN’s share', () => {
    const c = computeCapacity(toModelInputs({ 'vmware.storage': 'san' }), 'vmware', 1000)
    // by vCPU: 4080 / (64 × 4 × 0.95) = 4080 / 243.2 = 16.776; by RAM: 16320 / (921.6 × 0.95) = 18.640
    expect(c.hostsByVcpu).toBeCloseTo(16.7763, 3)
    expect(c.hostsByRam).toBeCloseTo(18.6403, 3)
    expect(c.vsanAddedHosts).toBe(0)
  })

  it('converts hosts back into the VM workload they carry', () => {
    const noFt = toModelInputs({ 'workload.ftShare': 0 })
    // RAM-bound VMware host on vSAN: (1024 × 0.9 − 16) × 0.95 / 16 = 53.77 VMs per host → 10 hosts carry 537
    expect(vmsCarriedByHosts(noFt, 'vmware', 10)).toBe(537)
    expect(computeCapacity(noFt, 'vmware', 537).computeHosts).toBe(10)
    expect(computeCapacity(noFt, 'vmware', 538).computeHosts).toBe(11)
  })
})

describe('edition features in capacity', () => {
  it('places VMs without DRS at the static efficiency on vSphere Standard', () => {
    const san = { 'vmware.storage': 'san', 'workload.ftShare': 0 } as const
    const vcf = computeCapacity(toModelInputs(san), 'vmware', 1000)
    const vvs = computeCapacity(toModelInputs({ ...san, 'vmware.edition': 'vvs' }), 'vmware', 1000)
    // RAM: 16000 / (921.6 × 0.95) = 18.275 with DRS; 16000 / (921.6 × 0.85) = 20.425 without
    expect(vcf.hostsByRam).toBeCloseTo(18.2749, 3)
    expect(vvs.hostsByRam).toBeCloseTo(20.4248, 3)
    expect(vvs.computeHosts).toBe(21)
  })

  it('sizes FT VMs larger than the edition allows as app-level pairs, outside the FT limits', () => {
    // Standard protects at most 2 vCPU; the default 4-vCPU FT VMs become pairs: still 1020 placed, no FT hosts
    const vvs = computeCapacity(toModelInputs({ 'vmware.edition': 'vvs' }), 'vmware', 1000)
    expect(vvs.ftProtection).toBe('appPairs')
    expect(vvs.placedVms).toBeCloseTo(1020, 9)
    expect(vvs.hostsByFt).toBe(0)
    // 2-vCPU VMs fit: 20 FT VMs → 40 instances × 2 vCPU / 8 per host = 10 hosts
    const small = computeCapacity(
      toModelInputs({ 'vmware.edition': 'vvs', 'workload.vcpuPerVm': 2 }),
      'vmware',
      1000
    )
    expect(small.ftProtection).toBe('ft')
    expect(small.hostsByFt).toBeCloseTo(10, 9)
  })
})

describe('vSAN policy and cluster limits', () => {
  it.each([
    // policy, VMs → compute hosts added so one cluster (with its 1 reserve host) meets the policy's minimum
    ['raid1', 1, 1], // 1 compute + 1 reserve = 2 < 3 → +1
    ['raid5', 1, 2], // 2 < 4 → +2
    ['raid6', 1, 4], // 2 < 6 → +4
    ['raid1ftt2', 1, 3], // 2 < 5 → +3
    ['raid6', 1000, 0], // 20 + 1 = 21 ≥ 6
  ] as const)('%s at %i VMs adds %i hosts', (policy, vms, added) => {
    const c = computeCapacity(toModelInputs({ 'vmware.vsanPolicy': policy }), 'vmware', vms)
    expect(c.vsanAddedHosts).toBe(added)
    expect(c.computeHosts + c.haReserveHosts).toBeGreaterThanOrEqual(added > 0 ? added + 2 : 0)
  })

  it('caps a vSAN cluster at 64 hosts and a SAN cluster at the vSphere limit (96)', () => {
    const ft0 = { 'workload.ftShare': 0 } as const
    // 5000 VMs on vSAN, RAM-bound: 80000 / 860.32 = 92.99 → 93 hosts; ⌈93 / 63⌉ = 2 clusters
    expect(computeCapacity(toModelInputs(ft0), 'vmware', 5000).clusters).toBe(2)
    // on a SAN: 80000 / 875.52 = 91.37 → 92 hosts; ⌈92 / 95⌉ = 1 cluster
    expect(computeCapacity(toModelInputs({ ...ft0, 'vmware.storage': 'san' }), 'vmware', 5000).clusters).toBe(
      1
    )
  })

  it.each([
    // management domain, storage → VCF management hosts
    ['standard', 'vsan', 4],
    ['simple', 'vsan', 3],
    ['simple', 'san', 2],
    ['consolidated', 'vsan', 0],
  ] as const)('VCF %s management domain on %s: %i hosts', (domain, storage, hosts) => {
    const inputs = toModelInputs({ 'vmware.vcfManagementDomain': domain, 'vmware.storage': storage })
    expect(computeCapacity(inputs, 'vmware', 1000).managementHosts).toBe(hosts)
  })
})
