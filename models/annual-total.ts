import { computeCapacity } from './capacity'
import type { ModelInputs } from './inputs'
import {
  openstackSupportUsdPerYear,
  vmwareLicensedCoresFor,
  vmwareUsdPerCoreYear,
  vsanEntitledTib,
} from './licensing'
import { hostEvacuationMinutes, maintenanceHoursPerYear } from './migration'
import { yearlyEnergy } from './power'
import { loadedUsdPerFteYear, platformFte } from './staff'
import { isSharedStorage, sizeStorage, vsanAddOnTib } from './storage'
import type { Platform } from './types'

/**
 * A platform's year-1 annual run rate at `vms` VMs, total only, in the plan's currency per year — the
 * figure `evaluatePlatform(inp, platform, vms).annual.total` reports, without the horizon cash flows,
 * the hour-by-hour week or the result objects, for analyses that evaluate the model hundreds of
 * thousands of times (Monte Carlo, break-even scans).
 *
 * It calls the same per-module functions as tco.ts (computeCapacity, sizeStorage, vmwareLicensedCoresFor,
 * vsanEntitledTib, vsanAddOnTib, platformFte, loadedUsdPerFteYear, hostEvacuationMinutes, yearlyEnergy,
 * maintenanceHoursPerYear, openstackSupportUsdPerYear) and adds the categories up in the same order as
 * tco.ts's run rate (DESIGN.md steps 2–8: licences, support, staff, hardware as straight-line depreciation
 * plus support, storage, power, facility, maintenance), so the result is bit-identical; a test holds it to
 * evaluatePlatform on random plans.
 */
export function annualTotalAt(inp: ModelInputs, platform: Platform, vms: number): number {
  const capacity = computeCapacity(inp, platform, vms)
  const storage = sizeStorage(inp, platform, vms)
  const serverNodes = capacity.computeHosts + capacity.haReserveHosts + capacity.managementHosts
  const totalNodes = serverNodes + storage.storageNodes
  const isVmware = platform === 'vmware'
  const isVsan = isVmware && storage.architecture === 'vsan'
  const licensedCores = isVmware ? vmwareLicensedCoresFor(inp, serverNodes) : 0
  const addOnTib = isVsan ? vsanAddOnTib(storage.rawTb, vsanEntitledTib(inp, licensedCores)) : 0
  const loadedUsd = loadedUsdPerFteYear(inp, platform)
  const vmsPerHost = capacity.hostsNeeded > 0 ? capacity.placedVms / capacity.hostsNeeded : 0
  const evacuation = hostEvacuationMinutes(inp, vmsPerHost)
  const shared = isSharedStorage(storage.architecture)
  const vmHosts = capacity.computeHosts + capacity.haReserveHosts
  const spread = hostEvacuationMinutes(inp, capacity.placedVms / vmHosts)
  const energy = yearlyEnergy({
    inp,
    platform,
    capacity,
    isSharedStorage: shared,
    blockEvacuationMinutes: evacuation.block,
    storageNodeWatts: storage.storageNodeWatts,
    wantWeek: false,
  })
  const maintenanceHours = maintenanceHoursPerYear({
    eventsPerHostYear: inp.maintenance.eventsPerHostYear,
    engineerHoursPerEvent: inp.maintenance.engineerHoursPerEvent,
    attendedFraction: inp.maintenance.attendedFraction,
    nodes: totalNodes,
    fleetEvacuationMinutes: vmHosts * (shared ? spread.live : spread.block),
  })
  const fte = platformFte(inp, platform, totalNodes)
  const hwSupportUsd = serverNodes * inp.host.capexUsd * inp.host.hwSupportPerYear
  const rate = inp.finance.usdToCurrency
  // Same categories, same arithmetic and the same order of summation as tco.ts (runRateUsd, finish).
  let total = 0
  total += licensedCoresUsd(inp, isVmware, licensedCores) * rate
  total += (isVmware ? 0 : openstackSupportUsdPerYear(inp, totalNodes)) * rate
  total += fte * loadedUsd * rate
  total += ((serverNodes * inp.host.capexUsd) / inp.host.depreciationYears + hwSupportUsd) * rate
  total +=
    (storage.hostLifeCapexUsd / inp.host.depreciationYears +
      storage.sanCapexUsd / inp.storage.sanDepreciationYears +
      storage.supportUsdPerYear +
      addOnTib * inp.vmware.vsanAddOnUsdPerTibYear) *
    rate
  total += energy.kwhPerYear * inp.power.usdPerKwh * rate
  total += totalNodes * inp.host.facilityUsdPerYear * rate
  total += ((maintenanceHours * loadedUsd) / inp.staff.hoursPerFteYear) * rate
  return total
}

function licensedCoresUsd(inp: ModelInputs, isVmware: boolean, licensedCores: number): number {
  return licensedCores * (isVmware ? vmwareUsdPerCoreYear(inp) : 0)
}

/**
 * VMware's annual run rate minus OpenStack's at `vms` VMs, in the plan's currency per year (positive:
 * OpenStack is cheaper) — evaluateInputs' gapAnnual, computed with annualTotalAt.
 */
export function annualGapAt(inp: ModelInputs, vms: number): number {
  return annualTotalAt(inp, 'vmware', vms) - annualTotalAt(inp, 'openstack', vms)
}
