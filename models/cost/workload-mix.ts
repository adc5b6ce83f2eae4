import type { ModelInputs, WorkloadShape } from '../catalog/inputs'
import type { WorkloadMix } from '../plan/plan'
import { vmwareFtProtection } from './editions'
import type { Platform } from './types'

/**
 * The model's view of a plan's workload mix: each class's share of the VMs and its size relative to the
 * mix's count-weighted mean, so that Σ share × factor = 1 and workload.vcpuPerVm (etc.) stays the mean VM.
 * An import sets those per-VM assumptions to the mix's means, so each class keeps its own size; changing
 * one scales every class alike (sensitivity and Monte Carlo keep working on a mix). Null for no mix.
 * Example: 2 VMs of 2 vCPU and 2 of 6 → mean 4; shares 0.5 / 0.5, vCPU factors 0.5 / 1.5.
 */
export function workloadShapes(mix: WorkloadMix | undefined): WorkloadShape[] | null {
  if (!mix || mix.classes.length === 0) return null
  let count = 0
  let vcpu = 0
  let ram = 0
  let disk = 0
  for (const c of mix.classes) {
    count += c.count
    vcpu += c.count * c.vcpu
    ram += c.count * c.ramGib
    disk += c.count * c.diskGib
  }
  if (!(count > 0)) return null
  const factor = (value: number, total: number): number => (total > 0 ? value / (total / count) : 1)
  return mix.classes.map((c) => ({
    share: c.count / count,
    vcpuFactor: factor(c.vcpu, vcpu),
    ramFactor: factor(c.ramGib, ram),
    diskFactor: factor(c.diskGib, disk),
    petShare: c.petShare,
    ftShare: c.ftShare,
  }))
}

/** What a platform places for `vms` VMs: instances (FT copies included), their vCPUs and RAM, FT copies. */
export interface PlacedWorkload {
  placedVms: number
  vcpus: number
  ramGib: number
  /** FT primaries and secondaries VMware protects with FT (its per-host FT limits count both). */
  ftInstances: number
  ftVcpus: number
  /**
   * How VMware protects the FT VMs under its edition (vmwareFtProtection): 'appPairs' when some FT class is
   * larger than the edition's FT limit, 'ft' when every FT class fits it, 'none' when no VM needs FT.
   */
  ftProtection: 'ft' | 'appPairs' | 'none'
  /** vCPUs of the largest FT VM sized as an application-level pair (0 when none is). */
  appPairVcpu: number
}

/** The per-VM assumptions as one class, for a plan without a mix. */
const SINGLE_CLASS: WorkloadShape = {
  share: 1,
  vcpuFactor: 1,
  ramFactor: 1,
  diskFactor: 1,
  petShare: null,
  ftShare: null,
}

/**
 * Sums over the mix's classes (DESIGN.md step 1–2): placed = Σ vms·share·(1 + ft), vCPU = Σ placed_c ·
 * vcpuPerVm·vcpuFactor, RAM likewise; FT VMs count twice where the platform duplicates them (VMware shadow
 * copies; OpenStack app-level pairs). On VMware, a class whose VMs are larger than the edition's FT limit
 * is sized as application-level pairs (vmwareFtProtection): still two VMs, but not against the per-host FT
 * limits. Without a mix, one class of the per-VM assumptions (every factor 1, share 1): the same arithmetic
 * as before mixes existed, so simple plans keep their numbers exactly.
 */
export function placedWorkload(inp: ModelInputs, platform: Platform, vms: number): PlacedWorkload {
  const { workload } = inp
  const isVmware = platform === 'vmware'
  const duplicatesFt = isVmware || inp.openstack.ftStrategy === 'duplicateVms'
  let placedVms = 0
  let vcpus = 0
  let ramGib = 0
  let ftInstances = 0
  let ftVcpus = 0
  let anyFt = false
  let appPairVcpu = 0
  for (const c of workload.mix ?? [SINGLE_CLASS]) {
    const ft = c.ftShare ?? workload.ftShare
    const vcpu = workload.vcpuPerVm * c.vcpuFactor
    const placed = vms * c.share * (1 + (duplicatesFt ? ft : 0))
    placedVms += placed
    vcpus += placed * vcpu
    ramGib += placed * workload.ramGibPerVm * c.ramFactor
    const protection = isVmware
      ? vmwareFtProtection({ edition: inp.vmware.edition, vcpuPerVm: vcpu, ftShare: ft })
      : ft > 0
        ? 'ft'
        : 'none'
    if (protection === 'none') continue
    anyFt = true
    if (protection === 'appPairs') {
      appPairVcpu = Math.max(appPairVcpu, vcpu)
      continue
    }
    const ftCopies = 2 * vms * c.share * ft
    ftInstances += ftCopies
    ftVcpus += ftCopies * vcpu
  }
  const ftProtection = appPairVcpu > 0 ? 'appPairs' : anyFt ? 'ft' : 'none'
  return { placedVms, vcpus, ramGib, ftInstances, ftVcpus, ftProtection, appPairVcpu }
}

/** Share of VMs that are pets: the plan's workload.petShare, or the mix's classes' shares weighted by VMs. */
export function petShareOf(inp: ModelInputs): number {
  const { workload } = inp
  if (workload.mix === null) return workload.petShare
  let pets = 0
  for (const c of workload.mix) pets += c.share * (c.petShare ?? workload.petShare)
  return pets
}

/** Mean RAM and provisioned disk of one VM, GiB: the per-VM assumptions, or Σ share × class size. */
export function meanVmSizeGib(inp: ModelInputs): { ramGib: number; diskGib: number } {
  const { workload } = inp
  if (workload.mix === null) return { ramGib: workload.ramGibPerVm, diskGib: workload.diskGibPerVm }
  let ramGib = 0
  let diskGib = 0
  for (const c of workload.mix) {
    ramGib += c.share * workload.ramGibPerVm * c.ramFactor
    diskGib += c.share * workload.diskGibPerVm * c.diskFactor
  }
  return { ramGib, diskGib }
}

/** VMs larger than one host can run: more vCPUs than its physical cores, or more RAM than it can give. */
export interface OversizedVms {
  /** VMs in the classes that do not fit, at the evaluated fleet size. */
  vms: number
  largestVcpu: number
  largestRamGib: number
  hostCores: number
  hostUsableRamGib: number
}

/**
 * The VMs no host of the plan's hardware can hold (a VM's vCPUs cannot exceed the host's physical cores,
 * its RAM the host's usable RAM), or null when every class fits. Capacity sums do not see this: the report
 * does.
 */
export function oversizedVms(inp: ModelInputs, vms: number): OversizedVms | null {
  const { workload, host } = inp
  const hostCores = host.sockets * host.coresPerSocket
  const hostUsableRamGib = host.ramGib * host.ramUsableFraction
  const shapes = workload.mix ?? [
    { share: 1, vcpuFactor: 1, ramFactor: 1, diskFactor: 1, petShare: null, ftShare: null },
  ]
  let count = 0
  let largestVcpu = 0
  let largestRamGib = 0
  for (const c of shapes) {
    const vcpu = workload.vcpuPerVm * c.vcpuFactor
    const ram = workload.ramGibPerVm * c.ramFactor
    if (vcpu > hostCores || ram > hostUsableRamGib) {
      count += vms * c.share
      largestVcpu = Math.max(largestVcpu, vcpu)
      largestRamGib = Math.max(largestRamGib, ram)
    }
  }
  return count > 0 ? { vms: count, largestVcpu, largestRamGib, hostCores, hostUsableRamGib } : null
}
