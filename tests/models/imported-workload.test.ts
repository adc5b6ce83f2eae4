import { describe, expect, it } from 'vitest'
import { createDefaultPlan, importedAssumptionValue, planWithImportedWorkload } from '../../models/index'

describe('planWithImportedWorkload', () => {
  it('sets the fleet to the included VMs and the per-VM sizes to their means, dropping defaults', () => {
    // 10 VMs: 40/10 = 4 vCPU (default), 200/10 = 20 GiB, 3,000/10 = 300 GiB.
    const { plan, adjustments } = planWithImportedWorkload(createDefaultPlan(), {
      vms: 10,
      vcpu: 40,
      ramGib: 200,
      diskGib: 3000,
    })
    expect(plan.assumptions).toEqual({
      'fleet.vms': 10,
      'workload.ramGibPerVm': 20,
      'workload.diskGibPerVm': 300,
    })
    expect(adjustments).toEqual([])
  })

  it('rounds the per-VM means to a typed value’s precision while the classes keep their exact means', () => {
    // 1,505 VMs: 5,829 / 1,505 = 3.87308… → 3.87 vCPU; 24,110 / 1,505 = 16.0199335… → 16 GiB (not 16.019933554),
    // the catalog default, so not stored; 150,123.4 / 1,505 = 99.7497… → 99.7 GiB.
    const classes = [
      { vcpu: 2.5, ramGib: 8.123456, diskGib: 60.987654, count: 1000, petShare: 0, ftShare: 0 },
      { vcpu: 6.638613, ramGib: 31.654321, diskGib: 178.3, count: 505, petShare: 0, ftShare: 0 },
    ]
    const { plan, adjustments } = planWithImportedWorkload(createDefaultPlan(), {
      vms: 1505,
      vcpu: 5829,
      ramGib: 24_110,
      diskGib: 150_123.4,
      classes,
    })
    expect(plan.assumptions).toEqual({
      'fleet.vms': 1505,
      'workload.vcpuPerVm': 3.87,
      'workload.diskGibPerVm': 99.7,
    })
    expect(plan.workloadMix?.classes).toEqual(classes)
    expect(adjustments).toEqual([])
  })

  it('sets the host hardware and the peak CPU utilization in the same edit when asked', () => {
    // 10 VMs of 4 vCPU / 16 GiB / 200 GiB are all defaults; hosts 2 (default) × 16 cores, 512 GiB; peak 0.1234 → 0.12.
    const { plan, adjustments } = planWithImportedWorkload(createDefaultPlan(), {
      vms: 10,
      vcpu: 40,
      ramGib: 160,
      diskGib: 2000,
      hostHardware: { sockets: 2, coresPerSocket: 16, ramGib: 512 },
      peakCpuUtilization: 0.1234,
    })
    expect(plan.assumptions).toEqual({
      'fleet.vms': 10,
      'host.coresPerSocket': 16,
      'host.ramGib': 512,
      'workload.peakCpuUtilization': 0.12,
    })
    expect(adjustments).toEqual([])
  })

  it('keeps an imported peak inside the catalog range and reports it', () => {
    // 33.6 busy cores for 4,816 vCPU = 0.006977 → 0.01 after rounding, the catalog's minimum.
    expect(importedAssumptionValue('workload.peakCpuUtilization', 33.6 / 4816)).toBe(0.01)
    const { adjustments } = planWithImportedWorkload(createDefaultPlan(), {
      vms: 1,
      vcpu: 4,
      ramGib: 16,
      diskGib: 100,
      peakCpuUtilization: 0.001,
    })
    expect(adjustments).toEqual([{ key: 'workload.peakCpuUtilization', imported: 0.001, used: 0.01 }])
    expect(() => importedAssumptionValue('host.capexUsd', 1)).toThrow(/not an imported number/)
  })

  it('keeps means inside the catalog ranges and reports each value it moved', () => {
    // 4 VMs with 1 GiB of disk in all: 0.25 GiB each, below workload.diskGibPerVm's minimum of 1.
    const { plan, adjustments } = planWithImportedWorkload(createDefaultPlan(), {
      vms: 4,
      vcpu: 8,
      ramGib: 8,
      diskGib: 1,
    })
    expect(plan.assumptions['workload.diskGibPerVm']).toBe(1)
    expect(adjustments).toEqual([{ key: 'workload.diskGibPerVm', imported: 0.25, used: 1 }])
  })

  it('refuses an empty workload and leaves the given plan untouched', () => {
    const original = createDefaultPlan()
    expect(() => planWithImportedWorkload(original, { vms: 0, vcpu: 0, ramGib: 0, diskGib: 0 })).toThrow(
      RangeError
    )
    planWithImportedWorkload(original, { vms: 5, vcpu: 5, ramGib: 5, diskGib: 5 })
    expect(original.assumptions).toEqual({})
  })
})
