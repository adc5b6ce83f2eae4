import type { ModelInputs } from '../catalog/inputs'

/** Gigabits in one GiB (2^30 bytes × 8 / 10^9). */
export const GBIT_PER_GIB = 8.589934592

/**
 * Seconds to evacuate one host (DESIGN.md step 7). Every VM moves its memory × dirtyFactor (pre-copy
 * rounds); a block migration (no shared storage) also moves its disk. The host's NIC at
 * nicGbps × linkEfficiency is the bottleneck, shared by the concurrent migrations, so the transfer takes
 * total data / bandwidth; each wave of `concurrency` migrations also pays setupSecondsPerVm once
 * (vms / concurrency waves, at least one).
 * Example: one 64 GiB VM, live, 25 GbE, efficiency 0.8, dirty 1.2, 10 s set-up:
 * 64 · 1.2 · 8.59 Gbit / 20 Gbit/s + 10 s = 32.98 s + 10 s = 42.98 s.
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
  setupSecondsPerVm: number
}): number {
  const { vms, ramGibPerVm, diskGibPerVm, isBlockMigration, nicGbps, linkEfficiency, dirtyFactor } = options
  if (vms <= 0) return 0
  const gibPerVm = ramGibPerVm * dirtyFactor + (isBlockMigration ? diskGibPerVm : 0)
  const transferSeconds = (vms * gibPerVm * GBIT_PER_GIB) / (nicGbps * linkEfficiency)
  // Waves are counted fractionally (at least one) so that the fleet's total evacuation time never falls
  // when a VM is added; a whole-wave count would make the sum over hosts jump up and down.
  const waves = Math.max(1, vms / options.concurrency)
  return transferSeconds + waves * options.setupSecondsPerVm
}

/** Evacuation minutes of a host carrying `vmsPerHost` VMs, live and block, with the plan's network. */
export function hostEvacuationMinutes(inp: ModelInputs, vmsPerHost: number): { live: number; block: number } {
  // Object literals with every field (no spread): this runs on every evaluation of the curves.
  const { workload, host, migration } = inp
  const live = evacuationSeconds({
    vms: vmsPerHost,
    ramGibPerVm: workload.ramGibPerVm,
    diskGibPerVm: workload.diskGibPerVm,
    isBlockMigration: false,
    nicGbps: host.nicGbps,
    linkEfficiency: migration.linkEfficiency,
    dirtyFactor: migration.dirtyFactor,
    concurrency: migration.concurrentLive,
    setupSecondsPerVm: migration.setupSecondsPerVm,
  })
  const block = evacuationSeconds({
    vms: vmsPerHost,
    ramGibPerVm: workload.ramGibPerVm,
    diskGibPerVm: workload.diskGibPerVm,
    isBlockMigration: true,
    nicGbps: host.nicGbps,
    linkEfficiency: migration.linkEfficiency,
    dirtyFactor: migration.dirtyFactor,
    concurrency: migration.concurrentBlock,
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
