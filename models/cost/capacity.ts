import type { ModelInputs } from '../catalog/inputs'
import { EDITION_FEATURES } from './editions'
import type { CapacityConstraint, CapacityDetail, Platform } from './types'
import { VSAN_MAX_CLUSTER_HOSTS, vsanHostShare, vsanPolicyShortfallHosts } from './vsan-policy'
import { petShareOf, placedWorkload } from './workload-mix'

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
  /** vCPUs and RAM (GiB) of the placed VMs, summed over the workload's classes. */
  placedVcpus: number
  placedRamGib: number
}

/** VM instances a platform runs for `vms` VMs: FT VMs count twice (VMware shadow copies; OpenStack app-level pairs). */
export function placedVmCount(inp: ModelInputs, platform: Platform, vms: number): number {
  return placedWorkload(inp, platform, vms).placedVms
}

/**
 * Hosts per node class for one platform at `vms` VMs (DESIGN.md, "The model" step 2; docs/MODEL.md §2).
 *
 * Sums over the workload's classes (one class without a mix; see workload-mix.ts):
 * compute = ⌈max(by vCPU: placed·vcpu / (sockets·cores·cpuShare·vcpuPerCore·eff),
 *               by busy cores at the weekly peak: placed·vcpu·peakUtil / (sockets·cores·cpuShare·maxCpuUtil·eff),
 *               by RAM: placed·ramGib / (ramGib·ramOvercommit·eff), ramGib = hostRam·usable − vSAN's share,
 *               VMware FT: 2·ftVms / ftMaxVmsPerHost and 2·ftVms·vcpu / ftMaxVcpusPerHost)⌉, at least 1.
 * eff: DRS's on editions with DRS, the static (power-on) placement efficiency on vSphere Standard, Nova's on
 * OpenStack. cpuShare and vSAN's memory share apply to VMware hosts on vSAN only. FT VMs larger than the
 * edition's FT limit are app-level pairs: counted twice, not against the FT limits.
 * HA reserve: VMware haHostFailures per cluster of at most clusterMaxHosts (64 with vSAN; reserve inside the
 * cluster), and every vSAN cluster at least the storage policy's minimum hosts (compute hosts added);
 * OpenStack ⌈aggregates · haHostFailures · petShare⌉ — only pets need spare capacity for evacuation.
 * Management: VCF's management domain (standard: mgmtHosts.vcf; simple: 3 with vSAN, 2 without;
 * consolidated: none) or mgmtHosts.other; OpenStack controllers plus one per computesPerExtraController
 * hypervisors.
 */
export function computeCapacity(inp: ModelInputs, platform: Platform, vms: number): ComputeCapacity {
  const { workload, host } = inp
  const isVmware = platform === 'vmware'
  const isVsan = isVmware && inp.vmware.storage === 'vsan'
  const efficiency = isVmware
    ? EDITION_FEATURES[inp.vmware.edition].hasDrs
      ? inp.vmware.schedulerEfficiency
      : inp.vmware.staticSchedulerEfficiency
    : inp.openstack.schedulerEfficiency
  const placed = placedWorkload(inp, platform, vms)
  const { placedVms, vcpus } = placed
  const usableRamGib = host.ramGib * host.ramUsableFraction
  const share = isVsan
    ? vsanHostShare({
        cpuOverheadFraction: inp.vmware.vsanCpuOverhead,
        ramOverheadGib: inp.vmware.vsanRamOverheadGib,
        usableRamGib,
      })
    : { cpuFraction: 1, ramGib: usableRamGib }
  const coresPerHost = host.sockets * host.coresPerSocket * share.cpuFraction
  const hostsByVcpu = vcpus / (coresPerHost * host.vcpuPerCore * efficiency)
  const hostsByBusyCores =
    (vcpus * workload.peakCpuUtilization) / (coresPerHost * host.maxCpuUtilization * efficiency)
  const hostsByRam = placed.ramGib / (share.ramGib * host.ramOvercommit * efficiency)
  const ftProtection = isVmware ? placed.ftProtection : 'none'
  let hostsByFt = 0
  if (isVmware && placed.ftInstances > 0) {
    // A primary and its secondary both count against the per-host FT limits; 0 disables a limit (VMware HA).
    // Only classes within the edition's FT limit are counted: larger FT VMs run as app-level pairs.
    const { ftMaxVmsPerHost, ftMaxVcpusPerHost } = inp.vmware
    if (ftMaxVmsPerHost > 0) hostsByFt = Math.max(hostsByFt, placed.ftInstances / ftMaxVmsPerHost)
    if (ftMaxVcpusPerHost > 0) hostsByFt = Math.max(hostsByFt, placed.ftVcpus / ftMaxVcpusPerHost)
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
  let computeHosts = Math.max(1, ceilCount(needed))
  let vsanAddedHosts = 0

  let clusters: number
  let haReserveHosts: number
  let managementHosts: number
  if (platform === 'vmware') {
    const failures = inp.vmware.haHostFailures
    const clusterMax = isVsan
      ? Math.min(inp.vmware.clusterMaxHosts, VSAN_MAX_CLUSTER_HOSTS)
      : inp.vmware.clusterMaxHosts
    clusters = Math.ceil(computeHosts / Math.max(1, clusterMax - failures))
    haReserveHosts = clusters * failures
    if (isVsan) {
      vsanAddedHosts = vsanPolicyShortfallHosts({
        policy: inp.vmware.vsanPolicy,
        clusters,
        vmHosts: computeHosts + haReserveHosts,
      })
      computeHosts += vsanAddedHosts
    }
    managementHosts = vmwareManagementHosts(inp)
  } else {
    const failures = inp.openstack.haHostFailures
    clusters = Math.ceil(computeHosts / Math.max(1, inp.openstack.aggregateMaxHosts - failures))
    haReserveHosts = ceilCount(clusters * failures * petShareOf(inp))
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
    ftProtection,
    vsanAddedHosts,
    hostsNeeded: needed,
    computeHosts,
    haReserveHosts,
    managementHosts,
    placedVcpus: vcpus,
    placedRamGib: placed.ramGib,
  }
}

/**
 * VMware management hosts: VCF's management domain by vmware.vcfManagementDomain — standard (the
 * high-availability domain, mgmtHosts.vcf hosts), simple (3 hosts with vSAN, 2 with external storage; VCF 9
 * documentation via William Lam, 2026-06), consolidated (management runs in the workload cluster: none) —
 * and mgmtHosts.other for the other editions.
 */
export function vmwareManagementHosts(inp: ModelInputs): number {
  if (inp.vmware.edition !== 'vcf') return inp.vmware.mgmtHostsOther
  switch (inp.vmware.vcfManagementDomain) {
    case 'standard':
      return inp.vmware.mgmtHostsVcf
    case 'simple':
      return inp.vmware.storage === 'vsan' ? 3 : 2
    case 'consolidated':
      return 0
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
