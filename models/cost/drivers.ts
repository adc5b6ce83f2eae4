import { CATALOG } from '../catalog/catalog'
import { CATEGORIES, type Category, type Platform } from './types'

/**
 * The assumptions that drive each cost category of the annual run rate (docs/MODEL.md), for linked views:
 * "what drives Staff?" shows these keys in the inspector. A key may drive several categories. The
 * workload sizing inputs (VMs, vCPU and RAM per VM, host cores and RAM, overcommit) move every category
 * through the node count, so they are listed only where a category's own formula uses them. One-off and
 * horizon-only keys (adoption, late renewal penalty, escalation) are left out: the breakdown is annual.
 *
 * - licensing (MODEL.md §3): cores = Σ hosts of `host.sockets` × max(`host.coresPerSocket`,
 *   `vmware.minCoresPerCpu`), raised to `vmware.minCoresPerOrder` when `vmware.minCoresPerOrderEnabled`;
 *   management hosts are licensed too (`vmware.mgmtHosts.*`); price per core-year of the `vmware.edition`.
 * - support (§3): OpenStack's `openstack.support` tier at a price per node (infra, standard, advanced) or per
 *   socket pair; every node counts, controllers (`openstack.controllers`, `computesPerExtraController`)
 *   included.
 * - staff (§4): FTE = max(minFte, fixedFte + nodes / hostsPerFte) per platform (whole engineers when
 *   `staff.wholeEngineers`), cost per FTE = salary × loaded multiplier × (1 + OpenStack's premium).
 * - hardware (§5): servers = compute + HA reserve (`haHostFailures`) + management or controllers, each at
 *   `host.capexUsd` over `host.depreciationYears` plus `host.hwSupportPerYear`.
 * - storage (§6): the architecture per platform, usable TB from disk per VM and headroom, then the
 *   architecture's overhead and prices; vSAN beyond the per-core entitlement at the add-on price.
 * - power (§8): host draw from idle, full-load and standby watts over the weekly load profile, DPM or
 *   Watcher consolidation and their targets, management load, Ceph node watts, × PUE × price per kWh.
 * - facility (§5): `host.facilityUsdPerYear` per node, with the node counts that are not workload sizing.
 * - maintenance (§7): events × (nodes × hours per event + attended evacuation time, from RAM and disk per
 *   VM over the NIC and migration settings), priced at the loaded FTE cost / hours per FTE-year.
 */
export const CATEGORY_DRIVERS: Record<Category, readonly string[]> = {
  licensing: [
    'vmware.edition',
    'vmware.usdPerCoreYear.vvs',
    'vmware.usdPerCoreYear.vvep',
    'vmware.usdPerCoreYear.vvf',
    'vmware.usdPerCoreYear.vcf',
    'vmware.minCoresPerCpu',
    'vmware.minCoresPerOrderEnabled',
    'vmware.minCoresPerOrder',
    'host.sockets',
    'host.coresPerSocket',
    'vmware.mgmtHosts.vcf',
    'vmware.mgmtHosts.other',
    'vmware.vcfManagementDomain',
  ],
  support: [
    'openstack.support',
    'openstack.supportUsdPerNodeYear.infra',
    'openstack.supportUsdPerNodeYear.standard',
    'openstack.supportUsdPerNodeYear.advanced',
    'openstack.supportUsdPerSocketPairYear',
    'host.sockets',
    'openstack.controllers',
    'openstack.computesPerExtraController',
  ],
  staff: [
    'staff.vmware.minFte',
    'staff.vmware.fixedFte',
    'staff.vmware.hostsPerFte',
    'staff.openstack.minFte',
    'staff.openstack.fixedFte',
    'staff.openstack.hostsPerFte',
    'staff.salaryUsd',
    'staff.loadedMultiplier',
    'staff.openstack.salaryPremium',
    'staff.wholeEngineers',
  ],
  hardware: [
    'host.capexUsd',
    'host.depreciationYears',
    'host.hwSupportPerYear',
    'vmware.haHostFailures',
    'openstack.haHostFailures',
    'vmware.mgmtHosts.vcf',
    'vmware.mgmtHosts.other',
    'openstack.controllers',
    'openstack.computesPerExtraController',
  ],
  storage: [
    'vmware.storage',
    'openstack.storage',
    'workload.diskGibPerVm',
    'storage.headroom',
    'storage.sanUsdPerUsableTb',
    'storage.sanDepreciationYears',
    'storage.sanSupportPerYear',
    'storage.driveUsdPerRawTb',
    'vmware.vsanPolicy',
    'storage.cephReplicas',
    'storage.cephNodeUsd',
    'storage.cephRawTbPerNode',
    'storage.localOverhead',
    'vmware.vsanTibPerCore.vcf',
    'vmware.vsanTibPerCore.vvf',
    'vmware.vsanAddOnUsdPerTibYear',
    'vmware.vvfVsanOverage',
  ],
  power: [
    'power.usdPerKwh',
    'power.pue',
    'host.idleWatts',
    'host.maxWatts',
    'host.standbyWatts',
    'workload.profile',
    'workload.peakCpuUtilization',
    'vmware.dpmEnabled',
    'vmware.dpmTargetUtilization',
    'openstack.consolidationEnabled',
    'openstack.consolidationTargetUtilization',
    'power.managementUtilization',
    'storage.cephNodeWatts',
    'host.configUpliftWatts',
  ],
  facility: [
    'host.facilityUsdPerYear',
    'vmware.haHostFailures',
    'openstack.haHostFailures',
    'vmware.mgmtHosts.vcf',
    'vmware.mgmtHosts.other',
    'openstack.controllers',
    'storage.cephRawTbPerNode',
  ],
  maintenance: [
    'maintenance.eventsPerHostYear',
    'maintenance.engineerHoursPerEvent',
    'maintenance.attendedFraction',
    'workload.ramGibPerVm',
    'workload.diskGibPerVm',
    'host.nicGbps',
    'migration.linkEfficiency',
    'migration.dirtyFactor',
    'migration.vmware.concurrentLive',
    'migration.vmware.concurrentBlock',
    'migration.openstack.concurrentLive',
    'migration.openstack.concurrentBlock',
    'migration.vmware.gbpsPerMigration',
    'migration.openstack.gbpsPerMigration',
    'migration.setupSecondsPerVm',
    'staff.hoursPerFteYear',
    'staff.salaryUsd',
    'staff.loadedMultiplier',
    'staff.openstack.salaryPremium',
  ],
}

/**
 * Categories only one platform has (MODEL.md §3): VMware's subscription is licence and support in one price,
 * so its support is 0; OpenStack pays no licence. The other platform's category has no drivers.
 */
const ONLY_ON: Partial<Record<Category, Platform>> = { licensing: 'vmware', support: 'openstack' }

/**
 * The assumptions behind one platform's cost (or one category of it), for linked views: a point clicked on
 * a cost curve or a bar segment of the breakdown. `category` null means every category of the annual run
 * rate; `platform` null keeps both platforms' keys. Keys that concern only the other platform are left out
 * (OpenStack's staff cost does not depend on `staff.vmware.hostsPerFte`), and so are categories the platform
 * does not have (OpenStack's licensing). Catalog order, each key once.
 */
export function driversOf(platform: Platform | null, category: Category | null): string[] {
  const categories = category ? [category] : CATEGORIES
  const keys = new Set(
    categories
      .filter((c) => platform === null || (ONLY_ON[c] ?? platform) === platform)
      .flatMap((c) => CATEGORY_DRIVERS[c])
  )
  return CATALOG.filter(
    (a) => keys.has(a.key) && (platform === null || a.concerns === 'both' || a.concerns === platform)
  ).map((a) => a.key)
}
