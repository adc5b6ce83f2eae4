import type { ModelInputs, VmwareEdition } from '../catalog/inputs'
import { supportTierUsdPerYear } from './openstack-support'

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

/** Price per core-year of the plan's edition, USD: the list (3-year term) less the negotiated discount. */
export function vmwareUsdPerCoreYear(inp: ModelInputs, edition: VmwareEdition = inp.vmware.edition): number {
  return inp.vmware.usdPerCoreYear[edition] * (1 - inp.vmware.discount)
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
 * OpenStack support subscription of a plan's tier, USD per year (docs/MODEL.md §3): nothing, a price per
 * physical node for the infra, standard or advanced tier (every node, controllers and storage included),
 * or a quote per pair of sockets.
 */
export function openstackSupportUsdPerYear(inp: ModelInputs, nodes: number): number {
  return supportTierUsdPerYear({
    tier: inp.openstack.support,
    nodes,
    socketsPerNode: inp.host.sockets,
    usdPerNodeYear: inp.openstack.supportUsdPerNodeYear,
    usdPerSocketPairYear: inp.openstack.supportUsdPerSocketPairYear,
  })
}

/**
 * Licensed cores held in each year when every order must reach the order minimum (Broadcom's 72-core
 * minimum applies per product per order, D): the first year's order is max(need, minimum); a later year
 * whose need exceeds what is held orders the difference, at least the minimum; a year whose need falls
 * renews at max(need, minimum). Without the rule (null) the cores held are the cores needed.
 * Example: need [40, 60, 100, 100], minimum 72 → [72, 72, 144, 144] (year 2 orders max(28, 72) = 72).
 */
export function vmwareCoresHeldByYear(
  neededCores: readonly number[],
  minCoresPerOrder: number | null
): number[] {
  if (minCoresPerOrder === null) return [...neededCores]
  const held: number[] = []
  for (let y = 0; y < neededCores.length; y++) {
    const need = neededCores[y] as number
    const previous = y === 0 ? 0 : (held[y - 1] as number)
    // The first order, or a renewal at a need that did not grow, is one order of at least the minimum.
    if (y === 0 || need <= previous) held.push(Math.max(need, minCoresPerOrder))
    else held.push(previous + Math.max(need - previous, minCoresPerOrder))
  }
  return held
}
