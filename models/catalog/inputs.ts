import type { AssumptionKeyOfKind, AssumptionValue, ChoiceOption } from './catalog'
import { catalogDefaults, type AssumptionValues } from './values'

// Choice types come from the catalog's options, so an option added there reaches every switch.
export type VmwareEdition = ChoiceOption<'vmware.edition'>
export type VmwareStorage = ChoiceOption<'vmware.storage'>
export type OpenstackStorage = ChoiceOption<'openstack.storage'>
export type StorageArchitecture = VmwareStorage | OpenstackStorage
export type OpenstackSupport = ChoiceOption<'openstack.support'>
export type VsanPolicy = ChoiceOption<'vmware.vsanPolicy'>

/** Migration limits of one platform: concurrent migrations per host and the throughput of one. */
export interface PlatformMigrationLimits {
  concurrentLive: number
  concurrentBlock: number
  gbpsPerMigration: number
}

/**
 * One class of a workload mix as the model reads it: its share of the fleet's VMs, its size relative to the
 * mix's mean (so workload.vcpuPerVm × vcpuFactor is its vCPU, and Σ share × factor = 1), and its own pet
 * and FT shares where the source gave them (null: the plan's workload.petShare / ftShare).
 */
export interface WorkloadShape {
  share: number
  vcpuFactor: number
  ramFactor: number
  diskFactor: number
  petShare: number | null
  ftShare: number | null
}

/**
 * Every assumption resolved to a typed field, so the formulas read as prose and a typo is a compile
 * error. Built once per evaluation by `toModelInputs`; the only place that maps catalog keys to fields.
 */
export interface ModelInputs {
  fleetVms: number
  workload: {
    vcpuPerVm: number
    ramGibPerVm: number
    diskGibPerVm: number
    peakCpuUtilization: number
    petShare: number
    ftShare: number
    growthPerYear: number
    profile: readonly number[]
    /**
     * The workload mix, or null for the simple mode: every VM the same (vcpuPerVm, ramGibPerVm,
     * diskGibPerVm). Set from the plan's imported mix by planInputs; the fleet size scales it proportionally.
     */
    mix: readonly WorkloadShape[] | null
  }
  host: {
    sockets: number
    coresPerSocket: number
    ramGib: number
    capexUsd: number
    depreciationYears: number
    hwSupportPerYear: number
    facilityUsdPerYear: number
    idleWatts: number
    maxWatts: number
    standbyWatts: number
    vcpuPerCore: number
    ramUsableFraction: number
    maxCpuUtilization: number
    ramOvercommit: number
    nicGbps: number
    configUpliftWatts: number
  }
  vmware: {
    edition: VmwareEdition
    usdPerCoreYear: Record<VmwareEdition, number>
    minCoresPerCpu: number
    minCoresPerOrderEnabled: boolean
    minCoresPerOrder: number
    lateRenewalPenalty: number
    vsanTibPerCoreVcf: number
    vsanTibPerCoreVvf: number
    vsanAddOnUsdPerTibYear: number
    mgmtHostsVcf: number
    mgmtHostsOther: number
    clusterMaxHosts: number
    haHostFailures: number
    schedulerEfficiency: number
    staticSchedulerEfficiency: number
    dpmEnabled: boolean
    dpmTargetUtilization: number
    ftMaxVmsPerHost: number
    ftMaxVcpusPerHost: number
    storage: VmwareStorage
    vsanPolicy: VsanPolicy
    vsanCpuOverhead: number
    vsanRamOverheadGib: number
    vcfManagementDomain: ChoiceOption<'vmware.vcfManagementDomain'>
    vvfVsanOverage: ChoiceOption<'vmware.vvfVsanOverage'>
    /** Fraction off list on every VMware licence price. */
    discount: number
    termYears: 1 | 3 | 5
    /** Term price ÷ 3-year price. */
    termPriceFactor1y: number
    termPriceFactor5y: number
    renewalMonth: number
  }
  openstack: {
    support: OpenstackSupport
    supportUsdPerNodeYear: { infra: number; standard: number; advanced: number }
    supportUsdPerSocketPairYear: number
    controllers: number
    computesPerExtraController: number
    haHostFailures: number
    aggregateMaxHosts: number
    schedulerEfficiency: number
    consolidationEnabled: boolean
    consolidationTargetUtilization: number
    ftStrategy: 'duplicateVms' | 'none'
    storage: OpenstackStorage
  }
  staff: {
    vmware: {
      minFte: number
      fixedFte: number
      hostsPerFte: number
      adoptionUsd: number
      salaryPremium: number
    }
    openstack: {
      minFte: number
      fixedFte: number
      hostsPerFte: number
      adoptionUsd: number
      salaryPremium: number
    }
    salaryUsd: number
    loadedMultiplier: number
    hoursPerFteYear: number
    wholeEngineers: boolean
  }
  storage: {
    headroom: number
    sanUsdPerUsableTb: number
    sanDepreciationYears: number
    sanSupportPerYear: number
    driveUsdPerRawTb: number
    cephReplicas: number
    cephNodeUsd: number
    cephRawTbPerNode: number
    cephNodeWatts: number
    localOverhead: number
  }
  maintenance: { eventsPerHostYear: number; engineerHoursPerEvent: number; attendedFraction: number }
  migration: {
    linkEfficiency: number
    dirtyFactor: number
    vmware: PlatformMigrationLimits
    openstack: PlatformMigrationLimits
    setupSecondsPerVm: number
  }
  power: { usdPerKwh: number; pue: number; kgCo2PerKwh: number; managementUtilization: number }
  finance: {
    horizonYears: number
    discountRate: number
    vmwarePriceEscalation: number
    wageEscalation: number
    energyEscalation: number
    openstackSupportEscalation: number
    currency: string
    usdToCurrency: number
  }
  transition: {
    isEnabled: boolean
    startMonth: number
    vmsPerMonth: number
    hoursPerVm: number
    toolingUsdPerVm: number
    consultancyUsd: number
    retrainingUsdPerFte: number
    buildAheadMonths: number
    isReusingHosts: boolean
    strandedLifeFraction: number
  }
}

const DEFAULTS = catalogDefaults()

/**
 * Resolves assumption values (catalog defaults, then each layer of overrides in order) into typed model
 * inputs. Values are expected to be validated already (see `valuesProblems`); this does no checking.
 */
export function toModelInputs(...layers: AssumptionValues[]): ModelInputs {
  const v: Record<string, AssumptionValue> = { ...DEFAULTS }
  for (const layer of layers) Object.assign(v, layer)
  // Typed by the catalog: a misspelt key, or a key of another kind, is a compile error.
  const n = (key: AssumptionKeyOfKind<'number'>): number => v[key] as number
  const b = (key: AssumptionKeyOfKind<'boolean'>): boolean => v[key] as boolean
  const c = <K extends AssumptionKeyOfKind<'choice'>>(key: K): ChoiceOption<K> => v[key] as ChoiceOption<K>
  const s = (key: AssumptionKeyOfKind<'currency'>): string => v[key] as string
  return {
    fleetVms: n('fleet.vms'),
    workload: {
      vcpuPerVm: n('workload.vcpuPerVm'),
      ramGibPerVm: n('workload.ramGibPerVm'),
      diskGibPerVm: n('workload.diskGibPerVm'),
      peakCpuUtilization: n('workload.peakCpuUtilization'),
      petShare: n('workload.petShare'),
      ftShare: n('workload.ftShare'),
      growthPerYear: n('workload.growthPerYear'),
      profile: v['workload.profile'] as readonly number[],
      mix: null,
    },
    host: {
      sockets: n('host.sockets'),
      coresPerSocket: n('host.coresPerSocket'),
      ramGib: n('host.ramGib'),
      capexUsd: n('host.capexUsd'),
      depreciationYears: n('host.depreciationYears'),
      hwSupportPerYear: n('host.hwSupportPerYear'),
      facilityUsdPerYear: n('host.facilityUsdPerYear'),
      idleWatts: n('host.idleWatts'),
      maxWatts: n('host.maxWatts'),
      standbyWatts: n('host.standbyWatts'),
      vcpuPerCore: n('host.vcpuPerCore'),
      ramUsableFraction: n('host.ramUsableFraction'),
      maxCpuUtilization: n('host.maxCpuUtilization'),
      ramOvercommit: n('host.ramOvercommit'),
      nicGbps: n('host.nicGbps'),
      configUpliftWatts: n('host.configUpliftWatts'),
    },
    vmware: {
      edition: c('vmware.edition'),
      usdPerCoreYear: {
        vvs: n('vmware.usdPerCoreYear.vvs'),
        vvep: n('vmware.usdPerCoreYear.vvep'),
        vvf: n('vmware.usdPerCoreYear.vvf'),
        vcf: n('vmware.usdPerCoreYear.vcf'),
      },
      minCoresPerCpu: n('vmware.minCoresPerCpu'),
      minCoresPerOrderEnabled: b('vmware.minCoresPerOrderEnabled'),
      minCoresPerOrder: n('vmware.minCoresPerOrder'),
      lateRenewalPenalty: n('vmware.lateRenewalPenalty'),
      vsanTibPerCoreVcf: n('vmware.vsanTibPerCore.vcf'),
      vsanTibPerCoreVvf: n('vmware.vsanTibPerCore.vvf'),
      vsanAddOnUsdPerTibYear: n('vmware.vsanAddOnUsdPerTibYear'),
      mgmtHostsVcf: n('vmware.mgmtHosts.vcf'),
      mgmtHostsOther: n('vmware.mgmtHosts.other'),
      clusterMaxHosts: n('vmware.clusterMaxHosts'),
      haHostFailures: n('vmware.haHostFailures'),
      schedulerEfficiency: n('vmware.schedulerEfficiency'),
      staticSchedulerEfficiency: n('vmware.staticSchedulerEfficiency'),
      dpmEnabled: b('vmware.dpmEnabled'),
      dpmTargetUtilization: n('vmware.dpmTargetUtilization'),
      ftMaxVmsPerHost: n('vmware.ftMaxVmsPerHost'),
      ftMaxVcpusPerHost: n('vmware.ftMaxVcpusPerHost'),
      storage: c('vmware.storage'),
      vsanPolicy: c('vmware.vsanPolicy'),
      vsanCpuOverhead: n('vmware.vsanCpuOverhead'),
      vsanRamOverheadGib: n('vmware.vsanRamOverheadGib'),
      vcfManagementDomain: c('vmware.vcfManagementDomain'),
      vvfVsanOverage: c('vmware.vvfVsanOverage'),
      discount: n('vmware.discount'),
      termYears: Number(c('vmware.termYears')) as 1 | 3 | 5,
      termPriceFactor1y: n('vmware.termPriceFactor.1y'),
      termPriceFactor5y: n('vmware.termPriceFactor.5y'),
      renewalMonth: n('vmware.renewalMonth'),
    },
    openstack: {
      support: c('openstack.support'),
      supportUsdPerNodeYear: {
        infra: n('openstack.supportUsdPerNodeYear.infra'),
        standard: n('openstack.supportUsdPerNodeYear.standard'),
        advanced: n('openstack.supportUsdPerNodeYear.advanced'),
      },
      supportUsdPerSocketPairYear: n('openstack.supportUsdPerSocketPairYear'),
      controllers: n('openstack.controllers'),
      computesPerExtraController: n('openstack.computesPerExtraController'),
      haHostFailures: n('openstack.haHostFailures'),
      aggregateMaxHosts: n('openstack.aggregateMaxHosts'),
      schedulerEfficiency: n('openstack.schedulerEfficiency'),
      consolidationEnabled: b('openstack.consolidationEnabled'),
      consolidationTargetUtilization: n('openstack.consolidationTargetUtilization'),
      ftStrategy: c('openstack.ftStrategy'),
      storage: c('openstack.storage'),
    },
    staff: {
      vmware: {
        minFte: n('staff.vmware.minFte'),
        fixedFte: n('staff.vmware.fixedFte'),
        hostsPerFte: n('staff.vmware.hostsPerFte'),
        adoptionUsd: n('staff.vmware.adoptionUsd'),
        salaryPremium: 0,
      },
      openstack: {
        minFte: n('staff.openstack.minFte'),
        fixedFte: n('staff.openstack.fixedFte'),
        hostsPerFte: n('staff.openstack.hostsPerFte'),
        adoptionUsd: n('staff.openstack.adoptionUsd'),
        salaryPremium: n('staff.openstack.salaryPremium'),
      },
      salaryUsd: n('staff.salaryUsd'),
      loadedMultiplier: n('staff.loadedMultiplier'),
      hoursPerFteYear: n('staff.hoursPerFteYear'),
      wholeEngineers: b('staff.wholeEngineers'),
    },
    storage: {
      headroom: n('storage.headroom'),
      sanUsdPerUsableTb: n('storage.sanUsdPerUsableTb'),
      sanDepreciationYears: n('storage.sanDepreciationYears'),
      sanSupportPerYear: n('storage.sanSupportPerYear'),
      driveUsdPerRawTb: n('storage.driveUsdPerRawTb'),
      cephReplicas: n('storage.cephReplicas'),
      cephNodeUsd: n('storage.cephNodeUsd'),
      cephRawTbPerNode: n('storage.cephRawTbPerNode'),
      cephNodeWatts: n('storage.cephNodeWatts'),
      localOverhead: n('storage.localOverhead'),
    },
    maintenance: {
      eventsPerHostYear: n('maintenance.eventsPerHostYear'),
      engineerHoursPerEvent: n('maintenance.engineerHoursPerEvent'),
      attendedFraction: n('maintenance.attendedFraction'),
    },
    migration: {
      linkEfficiency: n('migration.linkEfficiency'),
      dirtyFactor: n('migration.dirtyFactor'),
      vmware: {
        concurrentLive: n('migration.vmware.concurrentLive'),
        concurrentBlock: n('migration.vmware.concurrentBlock'),
        gbpsPerMigration: n('migration.vmware.gbpsPerMigration'),
      },
      openstack: {
        concurrentLive: n('migration.openstack.concurrentLive'),
        concurrentBlock: n('migration.openstack.concurrentBlock'),
        gbpsPerMigration: n('migration.openstack.gbpsPerMigration'),
      },
      setupSecondsPerVm: n('migration.setupSecondsPerVm'),
    },
    power: {
      usdPerKwh: n('power.usdPerKwh'),
      pue: n('power.pue'),
      kgCo2PerKwh: n('power.kgCo2PerKwh'),
      managementUtilization: n('power.managementUtilization'),
    },
    finance: {
      horizonYears: n('finance.horizonYears'),
      discountRate: n('finance.discountRate'),
      vmwarePriceEscalation: n('finance.vmwarePriceEscalation'),
      wageEscalation: n('finance.wageEscalation'),
      energyEscalation: n('finance.energyEscalation'),
      openstackSupportEscalation: n('finance.openstackSupportEscalation'),
      currency: s('finance.currency'),
      usdToCurrency: n('finance.usdToCurrency'),
    },
    transition: {
      isEnabled: b('transition.enabled'),
      startMonth: n('transition.startMonth'),
      vmsPerMonth: n('transition.vmsPerMonth'),
      hoursPerVm: n('transition.hoursPerVm'),
      toolingUsdPerVm: n('transition.toolingUsdPerVm'),
      consultancyUsd: n('transition.consultancyUsd'),
      retrainingUsdPerFte: n('transition.retrainingUsdPerFte'),
      buildAheadMonths: n('transition.buildAheadMonths'),
      isReusingHosts: b('transition.reuseHosts'),
      strandedLifeFraction: n('transition.strandedLifeFraction'),
    },
  }
}
