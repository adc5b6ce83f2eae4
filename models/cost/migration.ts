import type { ModelInputs } from '../catalog/inputs'
import type { Platform } from './types'
import { meanVmSizeGib } from './workload-mix'

/** Gigabits in one GiB (2^30 bytes × 8 / 10^9). */
export const GBIT_PER_GIB = 8.589934592

/**
 * Seconds to evacuate one host (DESIGN.md step 7). Every VM moves its memory × dirtyFactor (pre-copy
 * rounds); a block migration (no shared storage) also moves its disk. Up to `concurrency` migrations run at
 * once, each at most `gbpsPerMigration` (one migration stream does not fill a fast link), all of them
 * sharing the host's NIC at nicGbps × linkEfficiency: bandwidth = min(NIC × efficiency, streams × per
 * migration), streams = min(concurrency, max(1, vms)). The transfer takes total data / bandwidth; each wave
 * of `concurrency` migrations also pays setupSecondsPerVm once (vms / concurrency waves, at least one).
 * Example: one 64 GiB VM, live, 25 GbE, efficiency 0.8, dirty 1.2, 10 s set-up, 25 Gbit/s per migration:
 * bandwidth min(20, 1 × 25) = 20; 64 · 1.2 · 8.59 Gbit / 20 Gbit/s + 10 s = 32.98 s + 10 s = 42.98 s.
 */
export function evacuationSeconds(options: {
  vms: number
  ramGibPerVm: number
  diskGibPerVm: number
  isBlockMigration: boolean
  nicGbps: number
  linkEfficiency: number
  dirtyFactor: number
  concurrency: number
  gbpsPerMigration: number
  setupSecondsPerVm: number
}): number {
  const { vms, ramGibPerVm, diskGibPerVm, isBlockMigration, nicGbps, linkEfficiency, dirtyFactor } = options
  if (vms <= 0) return 0
  const gibPerVm = ramGibPerVm * dirtyFactor + (isBlockMigration ? diskGibPerVm : 0)
  const streams = Math.min(options.concurrency, Math.max(1, vms))
  const gbps = Math.min(nicGbps * linkEfficiency, streams * options.gbpsPerMigration)
  const transferSeconds = (vms * gibPerVm * GBIT_PER_GIB) / gbps
  // Waves are counted fractionally (at least one) so that the fleet's total evacuation time never falls
  // when a VM is added; a whole-wave count would make the sum over hosts jump up and down.
  const waves = Math.max(1, vms / options.concurrency)
  return transferSeconds + waves * options.setupSecondsPerVm
}

/** vCenter's vMotion network limit: 4 concurrent vMotions per host on a NIC below 10 Gbit/s, else the plan's value. */
export const VMOTION_CONCURRENCY_BELOW_10GBE = 4

/**
 * Evacuation minutes of a host carrying `vmsPerHost` VMs on one platform, live and block, with the plan's
 * network and that platform's limits (migration.<platform>.*). On VMware a NIC slower than 10 Gbit/s caps
 * live concurrency at 4 (VMware, "Limits on Simultaneous Migrations": 1GigE network cost 4). The VMs' RAM
 * and disk are the means over the workload's classes.
 */
export function hostEvacuationMinutes(
  inp: ModelInputs,
  platform: Platform,
  vmsPerHost: number
): { live: number; block: number } {
  // Object literals with every field (no spread): this runs on every evaluation of the curves.
  const { host, migration } = inp
  const { ramGib, diskGib } = meanVmSizeGib(inp)
  const limits = migration[platform]
  const liveConcurrency =
    platform === 'vmware' && host.nicGbps < 10
      ? Math.min(limits.concurrentLive, VMOTION_CONCURRENCY_BELOW_10GBE)
      : limits.concurrentLive
  const live = evacuationSeconds({
    vms: vmsPerHost,
    ramGibPerVm: ramGib,
    diskGibPerVm: diskGib,
    isBlockMigration: false,
    nicGbps: host.nicGbps,
    linkEfficiency: migration.linkEfficiency,
    dirtyFactor: migration.dirtyFactor,
    concurrency: liveConcurrency,
    gbpsPerMigration: limits.gbpsPerMigration,
    setupSecondsPerVm: migration.setupSecondsPerVm,
  })
  const block = evacuationSeconds({
    vms: vmsPerHost,
    ramGibPerVm: ramGib,
    diskGibPerVm: diskGib,
    isBlockMigration: true,
    nicGbps: host.nicGbps,
    linkEfficiency: migration.linkEfficiency,
    dirtyFactor: migration.dirtyFactor,
    concurrency: limits.concurrentBlock,
    gbpsPerMigration: limits.gbpsPerMigration,
    setupSecondsPerVm: migration.setupSecondsPerVm,
  })
  return { live: live / 60, block: block / 60 }
}

/**
 * Engineer hours per year for maintenance evacuations: every node is patched eventsPerHostYear times
 * with engineerHoursPerEvent of fixed work, and an engineer watches the attended fraction of the time it
 * takes to evacuate every VM host once (the fleet's VMs spread over its VM hosts):
 * hours = events · (nodes · fixedHours + attended · Σ evacuation hours of the VM hosts).
 */
export function maintenanceHoursPerYear(options: {
  eventsPerHostYear: number
  engineerHoursPerEvent: number
  attendedFraction: number
  nodes: number
  /** Minutes to evacuate every VM host once, summed. */
  fleetEvacuationMinutes: number
}): number {
  const { eventsPerHostYear, engineerHoursPerEvent, attendedFraction, nodes, fleetEvacuationMinutes } =
    options
  return (
    eventsPerHostYear * (nodes * engineerHoursPerEvent + (fleetEvacuationMinutes / 60) * attendedFraction)
  )
}
