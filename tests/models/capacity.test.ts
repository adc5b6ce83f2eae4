import { describe, expect, it } from 'vitest'
import { computeCapacity, toModelInputs, vmsCarriedByHosts } from '../../models/index'

describe('capacity at the catalog defaults', () => {
  const inp = toModelInputs()

  it('sizes VMware at 1,000 VMs by the FT vCPU limit', () => {
    const c = computeCapacity(inp, 'vmware', 1000)
    // placed = 1000 × (1 + 0.02) = 1020 VM instances
    expect(c.placedVms).toBeCloseTo(1020, 9)
    // by vCPU: 1020 × 4 / (64 × 4 × 0.95) = 4080 / 243.2 = 16.776
    expect(c.hostsByVcpu).toBeCloseTo(16.7763, 3)
    // by busy cores: 4080 × 0.2 / (64 × 0.8 × 0.95) = 816 / 48.64 = 16.776
    expect(c.hostsByBusyCores).toBeCloseTo(16.7763, 3)
    // by RAM: 1020 × 16 / (1024 × 0.9 × 1 × 0.95) = 16320 / 875.52 = 18.640
    expect(c.hostsByRam).toBeCloseTo(18.6403, 3)
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
    expect(computeCapacity(inp, 'vmware', 1).computeHosts).toBe(1)
  })

  it('converts hosts back into the VM workload they carry', () => {
    const noFt = toModelInputs({ 'workload.ftShare': 0 })
    // RAM-bound VMware host: 1024 × 0.9 × 0.95 / 16 = 54.72 VMs per host → 10 hosts carry 547 VMs
    expect(vmsCarriedByHosts(noFt, 'vmware', 10)).toBe(547)
    expect(computeCapacity(noFt, 'vmware', 547).computeHosts).toBe(10)
    expect(computeCapacity(noFt, 'vmware', 548).computeHosts).toBe(11)
  })
})
