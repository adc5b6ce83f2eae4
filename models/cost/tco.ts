import { computeCapacity, type ComputeCapacity } from './capacity'
import { cohortPurchases, discountFactor, equivalentAnnualCost } from './finance'
import type { ModelInputs } from '../catalog/inputs'
import {
  openstackSupportUsdPerYear,
  vmwareCoresHeldByYear,
  vmwareLicensedCores,
  vmwareLicensedCoresFor,
  vmwareUsdPerCoreYear,
  vsanEntitledTib,
} from './licensing'
import { escalationFactor, residualBookValue } from './residual-value'
import { storageFailuresTolerated } from './vsan-policy'
import { hostEvacuationMinutes, maintenanceHoursPerYear } from './migration'
import { describePowerNote, yearlyEnergy, type EnergyYear } from './power'
import { loadedUsdPerFteYear, platformFte } from './staff'
import { isSharedStorage, sizeStorage, vsanAddOnTib, type StorageSizing } from './storage'
import { CATEGORIES, type CategoryCosts, type Platform, type PlatformResult } from './types'

/** A platform at one fleet size, before money is spread over years. Money in USD. */
interface Snapshot {
  capacity: ComputeCapacity
  storage: StorageSizing
  /** Hosts bought as servers: compute, HA reserve, management/controllers. */
  serverNodes: number
  totalNodes: number
  licensedCores: number
  /** Cores the hosts need before the order minimum, for the per-order rule over the years. */
  neededCores: number
  vsanEntitledTib: number
  vsanAddOnTib: number
  isVsanWholeCapacityLicensed: boolean
  fte: number
  energy: EnergyYear
  vmsPerHost: number
  liveMinutes: number
  blockMinutes: number
  evacuationMinutes: number
  maintenanceHours: number
  /** Yearly costs that do not depend on the year, USD (licensing and add-ons before escalation). */
  licensingUsd: number
  vsanAddOnUsd: number
  supportUsd: number
  staffUsd: number
  powerUsd: number
  facilityUsd: number
  maintenanceUsd: number
  hwSupportUsd: number
}

function snapshot(inp: ModelInputs, platform: Platform, vms: number, wantWeek: boolean): Snapshot {
  const capacity = computeCapacity(inp, platform, vms)
  const storage = sizeStorage(inp, platform, vms)
  const serverNodes = capacity.computeHosts + capacity.haReserveHosts + capacity.managementHosts
  const totalNodes = serverNodes + storage.storageNodes
  const isVmware = platform === 'vmware'
  const licensedCores = isVmware ? vmwareLicensedCoresFor(inp, serverNodes) : 0
  const neededCores = isVmware ? coresBeforeOrderMinimum(inp, serverNodes) : 0
  const vsan = vsanAddOn(inp, platform, storage, licensedCores)
  const fte = platformFte(inp, platform, totalNodes)
  const loadedUsd = loadedUsdPerFteYear(inp, platform)
  // Evacuation is reported for a host filled to the sizing limit: the planning case for maintenance
  // windows and for night-time power-down, and independent of how full the last host happens to be.
  const vmsPerHost = capacity.hostsNeeded > 0 ? capacity.placedVms / capacity.hostsNeeded : 0
  const evacuation = hostEvacuationMinutes(inp, platform, vmsPerHost)
  const shared = isSharedStorage(storage.architecture)
  const evacuationMinutes = shared ? evacuation.live : evacuation.block
  const vmHosts = capacity.computeHosts + capacity.haReserveHosts
  const spread = hostEvacuationMinutes(inp, platform, capacity.placedVms / vmHosts)
  const fleetEvacuationMinutes = vmHosts * (shared ? spread.live : spread.block)
  const energy = yearlyEnergy({
    inp,
    platform,
    capacity,
    isSharedStorage: shared,
    blockEvacuationMinutes: evacuation.block,
    storageNodeWatts: storage.storageNodeWatts,
    wantWeek,
  })
  const maintenanceHours = maintenanceHoursPerYear({
    eventsPerHostYear: inp.maintenance.eventsPerHostYear,
    engineerHoursPerEvent: inp.maintenance.engineerHoursPerEvent,
    attendedFraction: inp.maintenance.attendedFraction,
    nodes: totalNodes,
    fleetEvacuationMinutes,
  })
  return {
    capacity,
    storage,
    serverNodes,
    totalNodes,
    licensedCores,
    neededCores,
    vsanEntitledTib: vsan.entitledTib,
    vsanAddOnTib: vsan.addOnTib,
    isVsanWholeCapacityLicensed: vsan.isWholeCapacity,
    fte,
    energy,
    vmsPerHost,
    liveMinutes: evacuation.live,
    blockMinutes: evacuation.block,
    evacuationMinutes,
    maintenanceHours,
    licensingUsd: licensedCores * (isVmware ? vmwareUsdPerCoreYear(inp) : 0),
    vsanAddOnUsd: vsan.addOnTib * inp.vmware.vsanAddOnUsdPerTibYear,
    supportUsd: isVmware ? 0 : openstackSupportUsdPerYear(inp, totalNodes),
    staffUsd: fte * loadedUsd,
    powerUsd: energy.kwhPerYear * inp.power.usdPerKwh,
    facilityUsd: totalNodes * inp.host.facilityUsdPerYear,
    maintenanceUsd: (maintenanceHours * loadedUsd) / inp.staff.hoursPerFteYear,
    hwSupportUsd: serverNodes * inp.host.capexUsd * inp.host.hwSupportPerYear,
  }
}

/** VMware cores the server nodes need, the per-CPU minimum applied but not the order minimum. */
function coresBeforeOrderMinimum(inp: ModelInputs, serverNodes: number): number {
  return vmwareLicensedCores({
    hosts: serverNodes,
    sockets: inp.host.sockets,
    coresPerSocket: inp.host.coresPerSocket,
    minCoresPerCpu: inp.vmware.minCoresPerCpu,
    minCoresPerOrder: null,
  })
}

/**
 * vSAN capacity covered by `licensedCores` and bought as add-on (VMware on vSAN only): VVF by
 * vmware.vvfVsanOverage (KB 326663: the whole raw capacity once it exceeds the entitlement), VCF and the
 * editions without an entitlement by the excess.
 */
function vsanAddOn(
  inp: ModelInputs,
  platform: Platform,
  storage: StorageSizing,
  licensedCores: number
): { entitledTib: number; addOnTib: number; isWholeCapacity: boolean } {
  if (platform !== 'vmware' || storage.architecture !== 'vsan')
    return { entitledTib: 0, addOnTib: 0, isWholeCapacity: false }
  const entitledTib = vsanEntitledTib(inp, licensedCores)
  const rule = inp.vmware.edition === 'vvf' ? inp.vmware.vvfVsanOverage : 'excessOnly'
  const addOnTib = vsanAddOnTib(storage.rawTb, entitledTib, rule)
  return { entitledTib, addOnTib, isWholeCapacity: rule === 'wholeCapacity' && addOnTib > 0 }
}

/** Every cost category at zero: the start of a sum, or a platform that holds nothing. */
export function emptyCosts(): CategoryCosts {
  return {
    licensing: 0,
    support: 0,
    staff: 0,
    hardware: 0,
    storage: 0,
    power: 0,
    facility: 0,
    maintenance: 0,
    total: 0,
  }
}

/**
 * Sets `total` to the sum of the categories and multiplies every figure by `scale` (currency rate).
 * Written out field by field: this runs for every point of every curve.
 */
function finish(c: CategoryCosts, scale: number): CategoryCosts {
  c.licensing *= scale
  c.support *= scale
  c.staff *= scale
  c.hardware *= scale
  c.storage *= scale
  c.power *= scale
  c.facility *= scale
  c.maintenance *= scale
  c.total = c.licensing + c.support + c.staff + c.hardware + c.storage + c.power + c.facility + c.maintenance
  return c
}

/**
 * Year-1 run rate, USD: licences, support, staff, power, facility and maintenance per year; hardware as
 * straight-line depreciation of the servers plus hardware support; storage as depreciation of drives,
 * storage nodes and arrays plus their support and the vSAN add-on. One-off costs are left out.
 */
function runRateUsd(inp: ModelInputs, s: Snapshot): CategoryCosts {
  const costs = emptyCosts()
  costs.licensing = s.licensingUsd
  costs.support = s.supportUsd
  costs.staff = s.staffUsd
  costs.hardware = (s.serverNodes * inp.host.capexUsd) / inp.host.depreciationYears + s.hwSupportUsd
  costs.storage =
    s.storage.hostLifeCapexUsd / inp.host.depreciationYears +
    s.storage.sanCapexUsd / inp.storage.sanDepreciationYears +
    s.storage.supportUsdPerYear +
    s.vsanAddOnUsd
  costs.power = s.powerUsd
  costs.facility = s.facilityUsd
  costs.maintenance = s.maintenanceUsd
  return costs
}

/**
 * Cash out per year over the horizon, USD (DESIGN.md step 9; docs/MODEL.md §9): the fleet grows by
 * growthPerYear; servers, drives, storage nodes and arrays are bought when needed and again when they reach
 * the end of their depreciation inside the horizon (cohortPurchases); VMware licences are held per order
 * (vmwareCoresHeldByYear: every order at least the order minimum when that rule is on) and escalate with
 * the vSAN add-on by vmwarePriceEscalation; staff and maintenance by wageEscalation, power by
 * energyEscalation, OpenStack support by openstackSupportEscalation; adoption costs and the late-renewal
 * penalty (a fraction of the first year's subscription) are paid once in year 0. Also returns the book
 * value left at the end of the horizon of the hardware and the storage bought (residualBookValue).
 */
function cashFlowsUsd(
  inp: ModelInputs,
  platform: Platform,
  vms: number,
  first: Snapshot
): { flows: CategoryCosts[]; residualHardwareUsd: number; residualStorageUsd: number } {
  const years = inp.finance.horizonYears
  const growth = inp.workload.growthPerYear
  const snapshots: Snapshot[] = []
  for (let y = 0; y < years; y++) {
    const vmsInYear = Math.max(1, Math.round(vms * Math.pow(1 + growth, y)))
    const previous = snapshots[y - 1]
    snapshots.push(
      y === 0 ? first : growth === 0 && previous ? previous : snapshot(inp, platform, vmsInYear, false)
    )
  }
  const servers = cohortPurchases(
    snapshots.map((s) => s.serverNodes),
    inp.host.depreciationYears
  )
  const hostLifeStorage = cohortPurchases(
    snapshots.map((s) => s.storage.hostLifeCapexUsd),
    inp.host.depreciationYears
  )
  const san = cohortPurchases(
    snapshots.map((s) => s.storage.sanCapexUsd),
    inp.storage.sanDepreciationYears
  )
  const isVmware = platform === 'vmware'
  const heldCores = isVmware
    ? vmwareCoresHeldByYear(
        snapshots.map((s) => s.neededCores),
        inp.vmware.minCoresPerOrderEnabled ? inp.vmware.minCoresPerOrder : null
      )
    : null
  const f = inp.finance
  const flows: CategoryCosts[] = []
  for (let y = 0; y < years; y++) {
    const s = snapshots[y] as Snapshot
    const escalation = isVmware ? escalationFactor(f.vmwarePriceEscalation, y) : 1
    const wages = escalationFactor(f.wageEscalation, y)
    const costs = emptyCosts()
    let vsanAddOnUsd = s.vsanAddOnUsd
    if (heldCores) {
      const cores = heldCores[y] as number
      costs.licensing = cores * vmwareUsdPerCoreYear(inp) * escalation
      vsanAddOnUsd = vsanAddOn(inp, platform, s.storage, cores).addOnTib * inp.vmware.vsanAddOnUsdPerTibYear
    }
    costs.support = s.supportUsd * escalationFactor(f.openstackSupportEscalation, y)
    costs.staff = s.staffUsd * wages
    costs.hardware = (servers[y] as number) * inp.host.capexUsd + s.hwSupportUsd
    costs.storage =
      (hostLifeStorage[y] as number) +
      (san[y] as number) +
      s.storage.supportUsdPerYear +
      vsanAddOnUsd * escalation
    costs.power = s.powerUsd * escalationFactor(f.energyEscalation, y)
    costs.facility = s.facilityUsd
    costs.maintenance = s.maintenanceUsd * wages
    if (y === 0) {
      costs.staff += inp.staff[platform].adoptionUsd
      if (isVmware) costs.licensing += inp.vmware.lateRenewalPenalty * s.licensingUsd
    }
    flows.push(costs)
  }
  const residual = (purchases: number[], lifeYears: number): number =>
    residualBookValue({ purchases, lifeYears, years })
  return {
    flows,
    residualHardwareUsd: residual(servers, inp.host.depreciationYears) * inp.host.capexUsd,
    residualStorageUsd:
      residual(hostLifeStorage, inp.host.depreciationYears) + residual(san, inp.storage.sanDepreciationYears),
  }
}

/**
 * A platform's year-1 run rate per category at `vms` VMs, in the plan's currency — the `annual` of
 * evaluatePlatform without the horizon, the hour-by-hour week or the sentences. The lean path for
 * analyses that evaluate the model hundreds of thousands of times (Monte Carlo, break-even scans).
 */
export function annualRunRate(inp: ModelInputs, platform: Platform, vms: number): CategoryCosts {
  return finish(runRateUsd(inp, snapshot(inp, platform, vms, false)), inp.finance.usdToCurrency)
}

/**
 * Everything Stackplan reports for one platform at `vms` VMs: nodes, licensed cores, FTE, the year-1 run
 * rate per category, the horizon's cash flows and NPV, cost per VM-month, energy with and without power
 * management, storage and migration. Money is in the plan's currency (USD × usdToCurrency).
 */
export function evaluatePlatform(
  inp: ModelInputs,
  platform: Platform,
  vms: number,
  options: { wantWeek?: boolean } = {}
): PlatformResult {
  const rate = inp.finance.usdToCurrency
  const s = snapshot(inp, platform, vms, options.wantWeek ?? true)
  const annual = finish(runRateUsd(inp, s), rate)
  const { flows, residualHardwareUsd, residualStorageUsd } = cashFlowsUsd(inp, platform, vms, s)
  const npvByCategory = emptyCosts()
  let horizonTotal = 0
  for (let y = 0; y < flows.length; y++) {
    const f = finish(flows[y] as CategoryCosts, rate)
    const factor = discountFactor(inp.finance.discountRate, y)
    for (const c of CATEGORIES) npvByCategory[c] += f[c] * factor
    horizonTotal += f.total
  }
  const years = inp.finance.horizonYears
  // The book value left when the horizon ends is credited then (discounted to the end of the last year).
  const endFactor = discountFactor(inp.finance.discountRate, years)
  npvByCategory.hardware -= residualHardwareUsd * rate * endFactor
  npvByCategory.storage -= residualStorageUsd * rate * endFactor
  finish(npvByCategory, 1)
  const e = s.energy
  return {
    platform,
    vms,
    nodes: {
      compute: s.capacity.computeHosts,
      haReserve: s.capacity.haReserveHosts,
      management: s.capacity.managementHosts,
      storage: s.storage.storageNodes,
      total: s.totalNodes,
    },
    capacity: {
      placedVms: s.capacity.placedVms,
      hostsByVcpu: s.capacity.hostsByVcpu,
      hostsByBusyCores: s.capacity.hostsByBusyCores,
      hostsByRam: s.capacity.hostsByRam,
      hostsByFt: s.capacity.hostsByFt,
      binding: s.capacity.binding,
      clusters: s.capacity.clusters,
      ftProtection: s.capacity.ftProtection,
      vsanAddedHosts: s.capacity.vsanAddedHosts,
    },
    licensedCores: s.licensedCores,
    fte: s.fte,
    annual,
    horizon: {
      years,
      npv: npvByCategory.total,
      total: horizonTotal,
      annualized: equivalentAnnualCost(npvByCategory.total, inp.finance.discountRate, years),
      cashFlows: flows,
      npvByCategory,
      residualValue: (residualHardwareUsd + residualStorageUsd) * rate,
    },
    perVmMonth: annual.total / vms / 12,
    energy: {
      kwhPerYear: e.kwhPerYear,
      kwhPerYearWithoutPowerManagement: e.kwhPerYearWithout,
      co2KgPerYear: e.kwhPerYear * inp.power.kgCo2PerKwh,
      co2KgPerYearWithoutPowerManagement: e.kwhPerYearWithout * inp.power.kgCo2PerKwh,
      kwhSavedPerYear: e.kwhPerYearWithout - e.kwhPerYear,
      co2KgSavedPerYear: (e.kwhPerYearWithout - e.kwhPerYear) * inp.power.kgCo2PerKwh,
      costSavedPerYear: (e.kwhPerYearWithout - e.kwhPerYear) * inp.power.usdPerKwh * rate,
      powerManagement: e.state,
      reason: e.note ? describePowerNote(e.note) : '',
      note: e.note,
      lowLoadWindowHours: e.lowLoadWindowHours,
      isMemoryBound: e.isMemoryBound,
      week: e.week ?? { hostsOnWithout: [], hostsOnWith: [], kwWithout: [], kwWith: [] },
    },
    storage: {
      architecture: s.storage.architecture,
      isShared: isSharedStorage(s.storage.architecture),
      usableTb: s.storage.usableTb,
      rawTb: s.storage.rawTb,
      storageNodes: s.storage.storageNodes,
      vsanEntitledTib: s.vsanEntitledTib,
      vsanAddOnTib: s.vsanAddOnTib,
      isVsanWholeCapacityLicensed: s.isVsanWholeCapacityLicensed,
      vsanPolicy: s.storage.architecture === 'vsan' ? inp.vmware.vsanPolicy : null,
      failuresTolerated: storageFailuresTolerated({
        architecture: s.storage.architecture,
        vsanPolicy: inp.vmware.vsanPolicy,
        cephReplicas: inp.storage.cephReplicas,
      }),
    },
    migration: {
      mode: isSharedStorage(s.storage.architecture) ? 'live' : 'block',
      evacuationMinutesPerHost: s.evacuationMinutes,
      liveMinutesPerHost: s.liveMinutes,
      blockMinutesPerHost: s.blockMinutes,
      vmsPerHost: s.vmsPerHost,
      maintenanceHoursPerYear: s.maintenanceHours,
    },
  }
}
