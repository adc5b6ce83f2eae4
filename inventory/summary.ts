import {
  vmwareLicensedCores,
  type ImportedEstate,
  type VmwareEdition,
  type WorkloadClass,
} from '../models/index'
import { sizeClasses, type VmSizeClass } from './classes'
import { PowerState, type HostRow, type InventoryRows, type InventoryWarning, type SourceFile } from './rows'

export interface SummaryOptions {
  /** Count powered-off (and suspended) VMs in the workload. @default false */
  includePoweredOff?: boolean
  /** Count templates in the workload. @default false */
  includeTemplates?: boolean
  /** Licensing rules and prices of the plan the estate is compared with. */
  licensing: LicensingTerms
}

/** The plan's VMware licensing terms an estate's renewal is priced with. */
export interface LicensingTerms {
  minCoresPerCpu: number
  /** Order minimum in cores, or null when that rule is off. */
  minCoresPerOrder: number | null
  usdPerCoreYear: Record<VmwareEdition, number>
}

/** A group of hosts (by cluster or CPU model): names only as the export gives them. */
export interface HostGroup {
  name: string | null
  hosts: number
  cores: number
}

export interface HostSummary {
  count: number
  /** Null when the export has no `# CPU` column. */
  sockets: number | null
  cores: number
  /** Null when the export has no `# Memory` column. */
  ramGib: number | null
  /** Σ sockets × max(cores per CPU, minimum), null without sockets. */
  licensedCores: number | null
  /** Licensed cores after the order minimum, and the yearly cost of renewing them per edition (USD). */
  renewal: {
    licensedCores: number
    usdPerYear: Record<VmwareEdition, number>
    cpusBelowMinimum: number
  } | null
  byCluster: HostGroup[]
  byCpuModel: HostGroup[]
  /** Mean CPU and memory usage across hosts that report them (RVTools `CPU usage %`, `Memory usage %`). */
  usage: { cpuPercent: number | null; memoryPercent: number | null; hosts: number } | null
}

export interface EstateSummary {
  files: SourceFile[]
  vcenters: number
  includePoweredOff: boolean
  includeTemplates: boolean
  vms: {
    /** VM rows read, usable or not. */
    rows: number
    templates: number
    /** Non-template VMs by state; suspended VMs count as powered off. */
    poweredOn: number
    poweredOff: number
    suspended: number
    /** Rows that could not be sized (see warnings). */
    unusable: number
    included: number
  }
  included: { vcpu: number; ramGib: number; diskGib: number }
  classes: VmSizeClass[]
  hosts: HostSummary | null
  warnings: InventoryWarning[]
}

const MIB_PER_GIB = 1024
const EDITIONS: readonly VmwareEdition[] = ['vvs', 'vvep', 'vvf', 'vcf']

/**
 * Summarizes an inventory: VM counts by state, the included workload's totals and size classes, and the
 * hosts with today's licence position. Included VMs are the powered-on non-templates, plus powered-off or
 * suspended ones and templates when asked.
 */
export function summarizeInventory(rows: InventoryRows, options: SummaryOptions): EstateSummary {
  const includePoweredOff = options.includePoweredOff ?? false
  const includeTemplates = options.includeTemplates ?? false
  const { vms } = rows
  const isIncluded = (i: number): boolean => {
    if (vms.isTemplate[i] === 1) return includeTemplates
    return vms.state[i] === PowerState.On || includePoweredOff
  }
  let templates = 0
  let poweredOn = 0
  let poweredOff = 0
  let suspended = 0
  let included = 0
  let vcpu = 0
  let ramMib = 0
  let diskMib = 0
  for (let i = 0; i < vms.count; i++) {
    if (vms.isTemplate[i] === 1) templates++
    else if (vms.state[i] === PowerState.On) poweredOn++
    else {
      poweredOff++
      if (vms.state[i] === PowerState.Suspended) suspended++
    }
    if (!isIncluded(i)) continue
    included++
    vcpu += vms.vcpu[i] as number
    ramMib += vms.ramMib[i] as number
    diskMib += vms.diskMib[i] as number
  }
  return {
    files: rows.files,
    vcenters: rows.vcenterCount,
    includePoweredOff,
    includeTemplates,
    vms: {
      rows: vms.count + vms.unusable,
      templates,
      poweredOn,
      poweredOff,
      suspended,
      unusable: vms.unusable,
      included,
    },
    included: { vcpu, ramGib: ramMib / MIB_PER_GIB, diskGib: diskMib / MIB_PER_GIB },
    classes: sizeClasses(vms, isIncluded),
    hosts: rows.hosts.length === 0 ? null : summarizeHosts(rows.hosts, options.licensing),
    warnings: rows.warnings,
  }
}

/**
 * Hosts and today's licence position: every CPU is licensed for max(its cores, minCoresPerCpu) (VMware's
 * per-core subscription, via the model's vmwareLicensedCores), the order lifted to its minimum, priced per
 * edition at the plan's list prices per core-year.
 */
export function summarizeHosts(hosts: readonly HostRow[], terms: LicensingTerms): HostSummary {
  const hasSockets = hosts.every((h) => h.sockets !== null)
  const hasRam = hosts.every((h) => h.ramMib !== null)
  let sockets = 0
  let cores = 0
  let ramMib = 0
  let licensed = 0
  let cpusBelowMinimum = 0
  let usageHosts = 0
  let cpuUsage = 0
  let memoryUsage = 0
  let memoryUsageHosts = 0
  for (const h of hosts) {
    cores += h.cores
    sockets += h.sockets ?? 0
    ramMib += h.ramMib ?? 0
    if (hasSockets && h.sockets !== null && h.sockets > 0) {
      const perSocket = h.coresPerSocket ?? h.cores / h.sockets
      licensed += vmwareLicensedCores({
        hosts: 1,
        sockets: h.sockets,
        coresPerSocket: perSocket,
        minCoresPerCpu: terms.minCoresPerCpu,
        minCoresPerOrder: null,
      })
      if (perSocket < terms.minCoresPerCpu) cpusBelowMinimum += h.sockets
    }
    if (h.cpuUsagePercent !== null) {
      usageHosts++
      cpuUsage += h.cpuUsagePercent
    }
    if (h.memoryUsagePercent !== null) {
      memoryUsageHosts++
      memoryUsage += h.memoryUsagePercent
    }
  }
  let renewal: HostSummary['renewal'] = null
  if (hasSockets) {
    const orderCores = terms.minCoresPerOrder === null ? licensed : Math.max(licensed, terms.minCoresPerOrder)
    const usdPerYear = {} as Record<VmwareEdition, number>
    for (const e of EDITIONS) usdPerYear[e] = orderCores * terms.usdPerCoreYear[e]
    renewal = { licensedCores: orderCores, usdPerYear, cpusBelowMinimum }
  }
  return {
    count: hosts.length,
    sockets: hasSockets ? sockets : null,
    cores,
    ramGib: hasRam ? ramMib / MIB_PER_GIB : null,
    licensedCores: hasSockets ? licensed : null,
    renewal,
    byCluster: groupHosts(hosts, (h) => h.cluster),
    byCpuModel: groupHosts(hosts, (h) => h.cpuModel),
    usage:
      usageHosts + memoryUsageHosts === 0
        ? null
        : {
            cpuPercent: usageHosts > 0 ? cpuUsage / usageHosts : null,
            memoryPercent: memoryUsageHosts > 0 ? memoryUsage / memoryUsageHosts : null,
            hosts: Math.max(usageHosts, memoryUsageHosts),
          },
  }
}

/** Hosts grouped by a text field, largest group first (ties by name). */
function groupHosts(hosts: readonly HostRow[], key: (h: HostRow) => string | null): HostGroup[] {
  const groups = new Map<string | null, HostGroup>()
  for (const h of hosts) {
    const name = key(h)
    const g = groups.get(name) ?? { name, hosts: 0, cores: 0 }
    g.hosts++
    g.cores += h.cores
    groups.set(name, g)
  }
  return [...groups.values()].sort(
    (a, b) => b.hosts - a.hosts || String(a.name).localeCompare(String(b.name))
  )
}

/**
 * What a plan keeps of an import: the file names (without folders), the date, counts and totals —
 * never names of VMs, hosts, clusters or vCenters.
 */
export function importedEstateOf(summary: EstateSummary, importedAt: Date): ImportedEstate {
  const h = summary.hosts
  return {
    sources: summary.files.map((f) => ({ name: baseName(f.name), kind: f.kind })),
    importedAt: importedAt.toISOString(),
    includePoweredOff: summary.includePoweredOff,
    includeTemplates: summary.includeTemplates,
    vms: {
      rows: summary.vms.rows,
      templates: summary.vms.templates,
      poweredOn: summary.vms.poweredOn,
      poweredOff: summary.vms.poweredOff,
      included: summary.vms.included,
    },
    hosts: h
      ? {
          count: h.count,
          sockets: h.sockets,
          cores: h.cores,
          ramGib: h.ramGib,
          licensedCores: h.licensedCores,
        }
      : null,
    warnings: summary.warnings.reduce((n, w) => n + w.count, 0),
  }
}

/** A file's name without any folder ("export/RVTools_tabvInfo.csv" → "RVTools_tabvInfo.csv"). */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name
}

/** The summary's size classes as a plan's workload classes. */
export function workloadClassesOf(summary: EstateSummary): WorkloadClass[] {
  return summary.classes.map((c) => ({
    vcpu: c.vcpu,
    ramGib: c.ramGib,
    diskGib: c.diskGib,
    count: c.count,
    petShare: c.petShare,
    ftShare: c.ftShare,
  }))
}
