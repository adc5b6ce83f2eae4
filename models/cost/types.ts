import type { StorageArchitecture, VmwareEdition, VsanPolicy } from '../catalog/inputs'
import type { ModelWarning } from './model-warnings'

export type Platform = 'vmware' | 'openstack'
export const PLATFORMS: readonly Platform[] = ['vmware', 'openstack']

/** Cost categories, in the order they are shown and stacked. */
export const CATEGORIES = [
  'licensing',
  'support',
  'staff',
  'hardware',
  'storage',
  'power',
  'facility',
  'maintenance',
] as const
export type Category = (typeof CATEGORIES)[number]

/** Money per category plus their sum, in the plan's currency. */
export type CategoryCosts = Record<Category, number> & { total: number }

/** Nodes per class. `total` is their sum. */
export interface NodeCounts {
  compute: number
  haReserve: number
  management: number
  storage: number
  total: number
}

export type CapacityConstraint = 'vcpu' | 'cpu' | 'ram' | 'ft'

export interface CapacityDetail {
  /** VM instances placed, FT shadows or app-level pairs counted twice. */
  placedVms: number
  /** Fractional hosts each limit asks for, before rounding up. */
  hostsByVcpu: number
  hostsByBusyCores: number
  hostsByRam: number
  hostsByFt: number
  binding: CapacityConstraint
  /** HA clusters (VMware) or aggregates (OpenStack). */
  clusters: number
  /** How VMware protects FT VMs under its edition: shadow copies, app-level pairs, or nothing to protect. */
  ftProtection: 'ft' | 'appPairs' | 'none'
  /** Compute hosts added so every vSAN cluster reaches its storage policy's minimum (VMware on vSAN). */
  vsanAddedHosts: number
}

export type PowerManagementState = 'on' | 'off' | 'unavailable'

/**
 * Why power management is off or unavailable, or what limits it, as data: the UI words it in the user's
 * language, `describePowerNote` in English for the CLI and the report.
 */
export type PowerNote =
  | { code: 'off'; mechanism: PowerMechanism }
  | { code: 'unavailableLocal'; mechanism: PowerMechanism; evacuationMinutes: number; windowHours: number }
  | { code: 'localFits'; mechanism: PowerMechanism; evacuationMinutes: number; windowHours: number }
  | { code: 'noGain'; mechanism: PowerMechanism }
  | { code: 'nothingToPowerDown'; mechanism: PowerMechanism }
  | { code: 'memoryBound'; mechanism: PowerMechanism; hostsOn: number; vmHosts: number }
  | { code: 'powersDown'; mechanism: PowerMechanism; hostsOff: number; vmHosts: number }
  | { code: 'unavailableEdition'; mechanism: PowerMechanism; edition: VmwareEdition }
  | { code: 'unavailableVsan'; mechanism: PowerMechanism }

/** DPM on VMware, Watcher consolidation on OpenStack. */
export type PowerMechanism = 'dpm' | 'consolidation'

/** The modelled week, hour by hour (168 values each). */
export interface PowerWeek {
  hostsOnWithout: number[]
  hostsOnWith: number[]
  /** Facility draw (IT × PUE) in kW. */
  kwWithout: number[]
  kwWith: number[]
}

export interface EnergyResult {
  /** Facility energy (IT × PUE) per year with the plan's power management. */
  kwhPerYear: number
  kwhPerYearWithoutPowerManagement: number
  co2KgPerYear: number
  co2KgPerYearWithoutPowerManagement: number
  /** Energy and CO2 saved by power management per year (without − with). */
  kwhSavedPerYear: number
  co2KgSavedPerYear: number
  /** Money saved by power management per year, in the plan's currency. */
  costSavedPerYear: number
  powerManagement: PowerManagementState
  /** Why power management is off or unavailable, or what limits it; an English sentence for people. */
  reason: string
  /** The same as data, for wording it in other languages; null only for lean (curve) evaluations. */
  note: PowerNote | null
  /** Shortest low-load window of the week, hours (decides power-down with local storage). */
  lowLoadWindowHours: number
  /** True when memory, not CPU, decides how many hosts must stay on at the quietest hour. */
  isMemoryBound: boolean
  week: PowerWeek
}

export interface StorageResult {
  architecture: StorageArchitecture
  isShared: boolean
  usableTb: number
  rawTb: number
  /** The vSAN storage policy (VMware on vSAN), else null. */
  vsanPolicy: VsanPolicy | null
  /** Host failures the stored data survives; null for an external SAN (outside the host failure domain). */
  failuresTolerated: number | null
  storageNodes: number
  /** vSAN capacity covered by the licence and bought as add-on, TiB (VMware with vSAN only). */
  vsanEntitledTib: number
  vsanAddOnTib: number
  /** True when VVF's whole raw vSAN capacity is licensed because it exceeds the entitlement (KB 326663). */
  isVsanWholeCapacityLicensed: boolean
}

export interface MigrationResult {
  mode: 'live' | 'block'
  /** Minutes to evacuate one average host with the platform's storage. */
  evacuationMinutesPerHost: number
  liveMinutesPerHost: number
  blockMinutesPerHost: number
  vmsPerHost: number
  maintenanceHoursPerYear: number
}

export interface HorizonResult {
  years: number
  npv: number
  total: number
  /** Equivalent annual cost of the NPV over the horizon. */
  annualized: number
  /** Cash out per year (index 0 = first year), per category. */
  cashFlows: CategoryCosts[]
  /** NPV per category, net of the residual book value credited at the end; sums to npv. */
  npvByCategory: CategoryCosts
  /**
   * Book value left at the end of the horizon of the servers, drives, storage nodes and arrays bought over
   * it (straight-line), undiscounted; the NPV credits it discounted to the end of the horizon.
   */
  residualValue: number
}

export interface PlatformResult {
  platform: Platform
  vms: number
  nodes: NodeCounts
  capacity: CapacityDetail
  licensedCores: number
  fte: number
  /** Year-1 run rate: hardware annualized over its depreciation, one-off costs left out. */
  annual: CategoryCosts
  horizon: HorizonResult
  perVmMonth: number
  energy: EnergyResult
  storage: StorageResult
  migration: MigrationResult
}

export interface Evaluation {
  currency: string
  vms: number
  scenario: string
  platforms: Record<Platform, PlatformResult>
  /** VMware wins ties. */
  cheaper: Platform
  /** VMware annual total minus OpenStack annual total (positive: OpenStack is cheaper). */
  gapAnnual: number
  /** |gapAnnual| as a share of the dearer platform's annual total; null when both cost nothing. */
  gapFraction: number | null
  /** Rules of thumb the plan runs into (edition limits, storage policy, like-for-like storage, licensing). */
  warnings: ModelWarning[]
}

export type CurveCategory = Category | 'total'

/** One crossover: the fleet size (whole VMs) at which the cheaper platform changes. */
export interface Crossover {
  /** The first fleet size at which `cheaperAbove` is the cheaper platform. */
  vms: number
  cheaperBelow: Platform
  cheaperAbove: Platform
}

/** Chart-ready cost curves of one scenario over fleet size. */
export interface CurveSet {
  currency: string
  metric: import('../plan/plan').CostMetric
  scenarioId: string
  scenarioName: string
  /** Fleet sizes, increasing, log-spaced, the plan's own fleet size included. */
  vms: number[]
  platforms: Record<Platform, Record<CurveCategory, number[]>>
  crossovers: Crossover[]
}
