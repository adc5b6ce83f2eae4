import type { ModelInputs } from '../catalog/inputs'
import type { CapacityConstraint, CapacityDetail, Platform } from './types'

/** Guards ceil() against float noise such as 20.000000000000004 hosts. */
const EPSILON = 1e-9

/** Rounds a fractional requirement up to whole units, ignoring float noise. */
export function ceilCount(x: number): number {
  return Math.ceil(x - EPSILON)
}

export interface ComputeCapacity extends CapacityDetail {
  /** Fractional compute hosts the binding limit asks for, before rounding up. */
  hostsNeeded: number
  computeHosts: number
  haReserveHosts: number
  managementHosts: number
}

/** VM instances a platform runs for `vms` VMs: FT VMs count twice (VMware shadow copies; OpenStack app-level pairs). */
export function placedVmCount(inp: ModelInputs, platform: Platform, vms: number): number {
  const duplicatesFt = platform === 'vmware' || inp.openstack.ftStrategy === 'duplicateVms'
  return vms * (1 + (duplicatesFt ? inp.workload.ftShare : 0))
}

/**
 * Hosts per node class for one platform at `vms` VMs (DESIGN.md, "The model" step 2).
 *
 * compute = ⌈max(by vCPU: placed·vcpu / (sockets·cores·vcpuPerCore·eff),
 *               by busy cores at the weekly peak: placed·vcpu·peakUtil / (sockets·cores·maxCpuUtil·eff),
 *               by RAM: placed·ramGib / (hostRam·usable·ramOvercommit·eff),
 *               VMware FT: 2·ftVms / ftMaxVmsPerHost and 2·ftVms·vcpu / ftMaxVcpusPerHost)⌉, at least 1.
 * HA reserve: VMware haHostFailures per cluster of at most clusterMaxHosts (reserve inside the cluster);
 * OpenStack ⌈aggregates · haHostFailures · petShare⌉ — only pets need spare capacity for evacuation.
 * Management: VCF's management domain (4 hosts) or none; OpenStack controllers plus one per
 * computesPerExtraController hypervisors.
 */
export function computeCapacity(inp: ModelInputs, platform: Platform, vms: number): ComputeCapacity {
  const { workload, host } = inp
  const efficiency =
    platform === 'vmware' ? inp.vmware.schedulerEfficiency : inp.openstack.schedulerEfficiency
  const placedVms = placedVmCount(inp, platform, vms)
  const coresPerHost = host.sockets * host.coresPerSocket
  const vcpus = placedVms * workload.vcpuPerVm
  const hostsByVcpu = vcpus / (coresPerHost * host.vcpuPerCore * efficiency)
  const hostsByBusyCores =
    (vcpus * workload.peakCpuUtilization) / (coresPerHost * host.maxCpuUtilization * efficiency)
  const hostsByRam =
    (placedVms * workload.ramGibPerVm) /
    (host.ramGib * host.ramUsableFraction * host.ramOvercommit * efficiency)
  let hostsByFt = 0
  if (platform === 'vmware') {
    // A primary and its secondary both count against the per-host FT limits; 0 disables a limit (VMware HA).
    const ftInstances = 2 * vms * workload.ftShare
    const { ftMaxVmsPerHost, ftMaxVcpusPerHost } = inp.vmware
    if (ftMaxVmsPerHost > 0) hostsByFt = Math.max(hostsByFt, ftInstances / ftMaxVmsPerHost)
    if (ftMaxVcpusPerHost > 0)
      hostsByFt = Math.max(hostsByFt, (ftInstances * workload.vcpuPerVm) / ftMaxVcpusPerHost)
  }
  const limits: [CapacityConstraint, number][] = [
    ['vcpu', hostsByVcpu],
    ['cpu', hostsByBusyCores],
    ['ram', hostsByRam],
    ['ft', hostsByFt],
  ]
  let binding: CapacityConstraint = 'vcpu'
  let needed = 0
  for (const [name, hosts] of limits) {
    if (hosts > needed + EPSILON) {
      needed = hosts
      binding = name
    }
  }
  const computeHosts = Math.max(1, ceilCount(needed))

  let clusters: number
  let haReserveHosts: number
  let managementHosts: number
  if (platform === 'vmware') {
    const failures = inp.vmware.haHostFailures
    clusters = Math.ceil(computeHosts / Math.max(1, inp.vmware.clusterMaxHosts - failures))
    haReserveHosts = clusters * failures
    managementHosts = inp.vmware.edition === 'vcf' ? inp.vmware.mgmtHostsVcf : inp.vmware.mgmtHostsOther
  } else {
    const failures = inp.openstack.haHostFailures
    clusters = Math.ceil(computeHosts / Math.max(1, inp.openstack.aggregateMaxHosts - failures))
    haReserveHosts = ceilCount(clusters * failures * workload.petShare)
    const hypervisors = computeHosts + haReserveHosts
    managementHosts =
      inp.openstack.controllers + Math.floor(hypervisors / inp.openstack.computesPerExtraController)
  }
  return {
    placedVms,
    hostsByVcpu,
    hostsByBusyCores,
    hostsByRam,
    hostsByFt,
    binding,
    clusters,
    hostsNeeded: needed,
    computeHosts,
    haReserveHosts,
    managementHosts,
  }
}

/**
 * The VM workload that `hosts` compute hosts carry on a platform: the largest whole VM count whose
 * compute-host requirement does not exceed `hosts` (HA reserve and management come on top). Found by
 * bisection on the monotone capacity function. Used to convert a fleet entered in hosts.
 */
export function vmsCarriedByHosts(inp: ModelInputs, platform: Platform, hosts: number): number {
  if (hosts < 1) return 0
  const fits = (vms: number): boolean => computeCapacity(inp, platform, vms).computeHosts <= hosts
  if (!fits(1)) return 0
  let lo = 1
  let hi = 2
  while (fits(hi) && hi < 1e9) {
    lo = hi
    hi *= 2
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (fits(mid)) lo = mid
    else hi = mid
  }
  return lo
}
