import { ceilCount, type ComputeCapacity } from './capacity'
import type { ModelInputs } from '../catalog/inputs'
import { HOURS_PER_WEEK, WEEKS_PER_YEAR } from '../catalog/profile'
import { EDITION_FEATURES } from './editions'
import { EDITION_NAMES } from './model-warnings'
import type { PowerManagementState, PowerMechanism, PowerNote, PowerWeek, Platform } from './types'

/**
 * Host draw at CPU utilization u (0–1), W: idle + u · (max − idle), the linear model of SPECpower
 * curves. A full-load figure below idle is treated as idle: a server never draws less when busier.
 */
export function hostWatts(idleWatts: number, maxWatts: number, utilization: number): number {
  return idleWatts + utilization * Math.max(0, maxWatts - idleWatts)
}

/**
 * The shortest low-load window of the week, hours: the hours whose load is below the midpoint of the
 * profile's range form runs (the week wraps around); the shortest run is the night that is hardest to
 * use. A flat profile has no window (0 h). This model's choice; see docs/MODEL.md.
 */
export function lowLoadWindowHours(profile: readonly number[]): number {
  // Profiles are replaced, never mutated, so the window is computed once per profile array.
  const cached = windowCache.get(profile)
  if (cached !== undefined) return cached
  const hours = computeLowLoadWindowHours(profile)
  windowCache.set(profile, hours)
  return hours
}

const windowCache = new WeakMap<readonly number[], number>()

function computeLowLoadWindowHours(profile: readonly number[]): number {
  let min = Infinity
  let max = -Infinity
  for (const v of profile) {
    if (v < min) min = v
    if (v > max) max = v
  }
  if (!(max - min > 1e-9)) return 0
  const threshold = (min + max) / 2
  const n = profile.length
  // Start scanning just after an hour at or above the threshold so no run is split by the wrap.
  let start = 0
  while ((profile[start] as number) < threshold) start++
  let shortest = Infinity
  let run = 0
  for (let i = 1; i <= n; i++) {
    const v = profile[(start + i) % n] as number
    if (v < threshold) run++
    else if (run > 0) {
      shortest = Math.min(shortest, run)
      run = 0
    }
  }
  return shortest === Infinity ? 0 : shortest
}

export interface PowerWeekInput {
  profile: readonly number[]
  /** Hosts that carry VMs (compute + HA reserve). */
  vmHosts: number
  /** Hosts that stay on whatever the load, for HA admission (the reserve). */
  reserveHosts: number
  coresPerHost: number
  /** Busy physical cores at the weekly peak across the fleet. */
  busyCoresAtPeak: number
  /** Hosts needed to hold every VM's memory, fractional. */
  memoryHosts: number
  idleWatts: number
  maxWatts: number
  standbyWatts: number
  /** Draw of nodes that never power down (management, controllers, storage), W. */
  alwaysOnWatts: number
  /** Utilization power management packs powered-on hosts to. */
  targetUtilization: number
  isPowerManaged: boolean
  pue: number
  wantWeek: boolean
}

export interface PowerWeekResult {
  kwhPerWeekWithout: number
  kwhPerWeekWith: number
  /** Fewest VM hosts on in any hour with power management. */
  minHostsOn: number
  /** True when memory, not CPU, sets the host count at the quietest hour. */
  isMemoryBound: boolean
  week: PowerWeek | null
}

/**
 * Simulates the 168-hour week (DESIGN.md step 8). Demand at hour h = busyCoresAtPeak × profile[h].
 * Without power management every host is on and the load spreads over all VM hosts. With it, the hosts
 * on = min(vmHosts, reserve + max(⌈demand / (cores · target)⌉, ⌈memoryHosts⌉, 1)), the rest draw standby.
 * The variable part of the draw depends only on total busy cores (linear power curve), so power
 * management saves idle draw minus standby draw per host off. It never powers down when standby draw is
 * not below idle draw, so it can never increase energy. Facility energy = IT energy × PUE.
 */
export function simulatePowerWeek(p: PowerWeekInput): PowerWeekResult {
  const dynamicWattsPerBusyCore = Math.max(0, p.maxWatts - p.idleWatts) / p.coresPerHost
  const canSave = p.isPowerManaged && p.standbyWatts < p.idleWatts
  const memoryHostsOn = ceilCount(p.memoryHosts)
  const capacityCores = p.vmHosts * p.coresPerHost
  // Hours with the same load behave the same, so each distinct load level is computed once and weighted by
  // its hours (48 levels instead of 168 hours for the default profile). The hour-by-hour week, when wanted,
  // is read from the levels, so a detailed and a lean evaluation sum the energy identically.
  const levels = profileLevels(p.profile)
  const count = levels.loads.length
  // Per-level results are kept only when the hour-by-hour week is wanted: allocating them on every lean
  // evaluation (Monte Carlo runs hundreds of thousands) tripled the cost of a sample.
  const byLevel = p.wantWeek
    ? { hostsOn: new Float64Array(count), without: new Float64Array(count), with: new Float64Array(count) }
    : null
  let whWithout = 0
  let whWith = 0
  let minHostsOn = p.vmHosts
  let isMemoryBound = false
  for (let i = 0; i < count; i++) {
    const load = levels.loads[i] as number
    const hours = levels.hours[i] as number
    // Busy cores cannot exceed the cores that exist.
    const demandCores = Math.min(capacityCores, p.busyCoresAtPeak * load)
    const dynamicWatts = demandCores * dynamicWattsPerBusyCore
    const wattsWithout = p.vmHosts * p.idleWatts + dynamicWatts + p.alwaysOnWatts
    let hostsOn = p.vmHosts
    if (canSave) {
      const cpuHosts = ceilCount(demandCores / (p.coresPerHost * p.targetUtilization))
      const needed = p.reserveHosts + Math.max(cpuHosts, memoryHostsOn, 1)
      hostsOn = Math.min(p.vmHosts, needed)
      if (hostsOn < minHostsOn || (hostsOn === minHostsOn && i === 0)) {
        minHostsOn = hostsOn
        isMemoryBound = memoryHostsOn >= cpuHosts
      }
    }
    const wattsWith =
      hostsOn * p.idleWatts + (p.vmHosts - hostsOn) * p.standbyWatts + dynamicWatts + p.alwaysOnWatts
    whWithout += wattsWithout * hours
    whWith += wattsWith * hours
    if (byLevel) {
      byLevel.hostsOn[i] = hostsOn
      byLevel.without[i] = wattsWithout
      byLevel.with[i] = wattsWith
    }
  }
  let week: PowerWeek | null = null
  if (byLevel) {
    const levelOf = new Map<number, number>()
    levels.loads.forEach((load, i) => levelOf.set(load, i))
    week = { hostsOnWithout: [], hostsOnWith: [], kwWithout: [], kwWith: [] }
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      const i = levelOf.get(p.profile[h] as number) as number
      week.hostsOnWithout.push(p.vmHosts)
      week.hostsOnWith.push(byLevel.hostsOn[i] as number)
      week.kwWithout.push(((byLevel.without[i] as number) * p.pue) / 1000)
      week.kwWith.push(((byLevel.with[i] as number) * p.pue) / 1000)
    }
  }
  if (!canSave) isMemoryBound = false
  return {
    kwhPerWeekWithout: (whWithout * p.pue) / 1000,
    kwhPerWeekWith: (whWith * p.pue) / 1000,
    minHostsOn,
    isMemoryBound,
    week,
  }
}

interface ProfileLevels {
  loads: Float64Array
  hours: Float64Array
}

const levelsCache = new WeakMap<readonly number[], ProfileLevels>()

/** The distinct load levels of a profile and how many hours of the week have each, in first-seen order. */
export function profileLevels(profile: readonly number[]): ProfileLevels {
  const cached = levelsCache.get(profile)
  if (cached) return cached
  const hoursByLoad = new Map<number, number>()
  for (const load of profile) hoursByLoad.set(load, (hoursByLoad.get(load) ?? 0) + 1)
  const levels = {
    loads: Float64Array.from(hoursByLoad.keys()),
    hours: Float64Array.from(hoursByLoad.values()),
  }
  levelsCache.set(profile, levels)
  return levels
}

/** A power note as an English sentence. */
export function describePowerNote(note: PowerNote): string {
  const name = note.mechanism === 'dpm' ? 'DPM' : 'Consolidation'
  const n = (value: number): string => Math.round(value).toLocaleString('en-US')
  switch (note.code) {
    case 'off':
      return `${name} is switched off in this plan.`
    case 'unavailableLocal':
      return (
        `Power-down is unavailable: with local disks an evacuation takes ${n(note.evacuationMinutes)} min, ` +
        `and draining and refilling a host does not fit the week's shortest low-load window (${note.windowHours} h).`
      )
    case 'localFits':
      return `With local disks, hosts are drained by block migration (${n(note.evacuationMinutes)} min each), which fits the ${note.windowHours} h low-load window.`
    case 'noGain':
      return `${name} saves nothing: standby draw is not below idle draw.`
    case 'nothingToPowerDown':
      return `${name} finds no host to power down at this fleet size.`
    case 'memoryBound':
      return `${name} is limited by memory: the VMs' RAM needs ${n(note.hostsOn)} of ${n(note.vmHosts)} hosts on even at the quietest hour.`
    case 'powersDown':
      return `${name} powers down up to ${n(note.hostsOff)} of ${n(note.vmHosts)} hosts at the quietest hour.`
    case 'unavailableEdition':
      return `Power-down is unavailable: ${EDITION_NAMES[note.edition]} has no DRS, and DPM is part of DRS (vSphere Enterprise Plus or higher).`
    case 'unavailableVsan':
      return 'Power-down is unavailable with vSAN: a host in standby takes its vSAN components offline, and VMware does not support DPM in vSAN clusters.'
  }
}

export interface EnergyYear {
  kwhPerYear: number
  kwhPerYearWithout: number
  state: PowerManagementState
  /** Null for the lean evaluation (no hour-by-hour week): curves and Monte Carlo skip it. */
  note: PowerNote | null
  lowLoadWindowHours: number
  isMemoryBound: boolean
  week: PowerWeek | null
}

/**
 * Yearly facility energy of a platform with and without power management (DPM on VMware, Watcher
 * consolidation on OpenStack), and whether power-down is on, off or unavailable: it needs VMs to move,
 * so with local storage it is available only when draining and refilling a host by block migration
 * (2 × the evacuation time) fits the shortest low-load window of the week.
 */
export function yearlyEnergy(options: {
  inp: ModelInputs
  platform: Platform
  capacity: ComputeCapacity
  isSharedStorage: boolean
  blockEvacuationMinutes: number
  storageNodeWatts: number
  wantWeek: boolean
}): EnergyYear {
  const { inp, platform, capacity, wantWeek } = options
  const { host, workload } = inp
  const isEnabled = platform === 'vmware' ? inp.vmware.dpmEnabled : inp.openstack.consolidationEnabled
  const target =
    platform === 'vmware' ? inp.vmware.dpmTargetUtilization : inp.openstack.consolidationTargetUtilization
  const mechanism: PowerMechanism = platform === 'vmware' ? 'dpm' : 'consolidation'
  const windowHours = lowLoadWindowHours(workload.profile)
  const evacuationMinutes = options.blockEvacuationMinutes
  let state: PowerManagementState = isEnabled ? 'on' : 'off'
  let note: PowerNote | null = isEnabled ? null : { code: 'off', mechanism }
  // DPM is part of DRS, which vSphere Standard lacks; and VMware does not support DPM with vSAN, whose
  // components a standby host would take offline. Either makes power-down unavailable, switch or not.
  if (platform === 'vmware' && !EDITION_FEATURES[inp.vmware.edition].hasDpm) {
    state = 'unavailable'
    note = { code: 'unavailableEdition', mechanism, edition: inp.vmware.edition }
  } else if (platform === 'vmware' && inp.vmware.storage === 'vsan') {
    state = 'unavailable'
    note = { code: 'unavailableVsan', mechanism }
  } else if (isEnabled && !options.isSharedStorage) {
    const fits = 2 * evacuationMinutes <= windowHours * 60
    if (!fits) state = 'unavailable'
    note = { code: fits ? 'localFits' : 'unavailableLocal', mechanism, evacuationMinutes, windowHours }
  }
  const coresPerHost = host.sockets * host.coresPerSocket
  const vmHosts = capacity.computeHosts + capacity.haReserveHosts
  // SPECpower figures describe lean test rigs; a configured host draws configUpliftWatts more throughout.
  const idleWatts = host.idleWatts + host.configUpliftWatts
  const maxWatts = host.maxWatts + host.configUpliftWatts
  const managementWatts =
    capacity.managementHosts * hostWatts(idleWatts, maxWatts, inp.power.managementUtilization)
  const simulated = simulatePowerWeek({
    profile: workload.profile,
    vmHosts,
    reserveHosts: capacity.haReserveHosts,
    coresPerHost,
    busyCoresAtPeak: capacity.placedVcpus * workload.peakCpuUtilization,
    memoryHosts: capacity.placedRamGib / (host.ramGib * host.ramUsableFraction * host.ramOvercommit),
    idleWatts,
    maxWatts,
    standbyWatts: host.standbyWatts,
    alwaysOnWatts: managementWatts + options.storageNodeWatts,
    targetUtilization: target,
    isPowerManaged: state === 'on',
    pue: inp.power.pue,
    wantWeek,
  })
  if (state === 'on') {
    if (host.standbyWatts >= idleWatts) note = { code: 'noGain', mechanism }
    else if (simulated.minHostsOn >= vmHosts) note = { code: 'nothingToPowerDown', mechanism }
    else if (simulated.isMemoryBound)
      note = { code: 'memoryBound', mechanism, hostsOn: simulated.minHostsOn, vmHosts }
    else if (note === null)
      note = { code: 'powersDown', mechanism, hostsOff: vmHosts - simulated.minHostsOn, vmHosts }
  }
  return {
    kwhPerYear: simulated.kwhPerWeekWith * WEEKS_PER_YEAR,
    kwhPerYearWithout: simulated.kwhPerWeekWithout * WEEKS_PER_YEAR,
    state,
    // Notes are built only for a detailed evaluation (wantWeek): curves and Monte Carlo skip them.
    note: wantWeek ? note : null,
    lowLoadWindowHours: windowHours,
    isMemoryBound: simulated.isMemoryBound,
    week: simulated.week,
  }
}
