import type { ModelInputs, VmwareEdition } from '../catalog/inputs'

/**
 * VMware licensed cores under Broadcom's per-core subscription rules (VMware docs, 2024–2026):
 * every host the platform runs (standby and HA reserve included) is licensed for
 * sockets × max(coresPerSocket, minCoresPerCpu); the order total is then lifted to minCoresPerOrder
 * when that (disputed) rule is switched on.
 * Example: 1 host × 2 sockets × 12 cores → 2 × max(12, 16) = 32 cores; with the 72-core rule → 72.
 */
export function vmwareLicensedCores(options: {
  hosts: number
  sockets: number
  coresPerSocket: number
  minCoresPerCpu: number
  /** Order minimum in cores, or null when the rule is off. */
  minCoresPerOrder: number | null
}): number {
  const { hosts, sockets, coresPerSocket, minCoresPerCpu, minCoresPerOrder } = options
  const cores = hosts * sockets * Math.max(coresPerSocket, minCoresPerCpu)
  return minCoresPerOrder === null ? cores : Math.max(cores, minCoresPerOrder)
}

/** Licensed cores for a plan's hosts, applying the order minimum switch. */
export function vmwareLicensedCoresFor(inp: ModelInputs, hosts: number): number {
  return vmwareLicensedCores({
    hosts,
    sockets: inp.host.sockets,
    coresPerSocket: inp.host.coresPerSocket,
    minCoresPerCpu: inp.vmware.minCoresPerCpu,
    minCoresPerOrder: inp.vmware.minCoresPerOrderEnabled ? inp.vmware.minCoresPerOrder : null,
  })
}

/** List price per core-year of the plan's edition, USD. */
export function vmwareUsdPerCoreYear(inp: ModelInputs, edition: VmwareEdition = inp.vmware.edition): number {
  return inp.vmware.usdPerCoreYear[edition]
}

/**
 * vSAN capacity the subscription includes, TiB: VCF and VVF include vmware.vsanTibPerCore.<edition> per
 * licensed core (Broadcom, 2024–2026); vSphere Standard and Enterprise Plus include none.
 */
export function vsanEntitledTib(inp: ModelInputs, licensedCores: number): number {
  const { edition } = inp.vmware
  if (edition === 'vcf') return licensedCores * inp.vmware.vsanTibPerCoreVcf
  if (edition === 'vvf') return licensedCores * inp.vmware.vsanTibPerCoreVvf
  return 0
}

/**
 * OpenStack support subscription, USD per year: none (upstream, self-supported), a price per physical
 * node (e.g. Ubuntu Pro infra, every node including controllers and storage), or per pair of sockets
 * (quote-based distributions; a single-socket node counts as one pair).
 */
export function openstackSupportUsdPerYear(inp: ModelInputs, nodes: number): number {
  switch (inp.openstack.support) {
    case 'none':
      return 0
    case 'perNode':
      return nodes * inp.openstack.supportUsdPerNodeYear
    case 'perSocketPair':
      return nodes * Math.ceil(inp.host.sockets / 2) * inp.openstack.supportUsdPerSocketPairYear
  }
}
