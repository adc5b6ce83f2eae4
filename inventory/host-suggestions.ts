import type { HostRow } from './rows'

const MIB_PER_GIB = 1024

/** The most common host configuration of an estate, offered as the plan's host hardware. */
export interface PredominantHosts {
  sockets: number
  coresPerSocket: number
  /** RAM per host, whole GiB (ESXi reports a little less than is installed: 511.9 GiB of 512 rounds to 512). */
  ramGib: number
  /** Hosts with exactly this configuration, and hosts whose configuration is known. */
  hosts: number
  ofHosts: number
}

/**
 * The predominant (most common) host configuration: sockets, cores per socket and RAM (whole GiB), over the
 * hosts that report all three (RVTools vHost `# CPU`, `Cores per CPU` or `# Cores` ÷ `# CPU`, `# Memory`).
 * Ties go to the configuration with more cores per host, then more RAM, so the answer never depends on row
 * order. Null when no host reports all three (a trimmed export with only `# Cores`).
 */
export function predominantHosts(hosts: readonly HostRow[]): PredominantHosts | null {
  const counts = new Map<string, { sockets: number; coresPerSocket: number; ramGib: number; hosts: number }>()
  let known = 0
  for (const h of hosts) {
    if (h.sockets === null || h.sockets <= 0 || h.ramMib === null) continue
    const coresPerSocket = h.coresPerSocket ?? h.cores / h.sockets
    if (!Number.isInteger(coresPerSocket) || coresPerSocket <= 0) continue
    const ramGib = Math.round(h.ramMib / MIB_PER_GIB)
    known++
    const id = `${h.sockets}|${coresPerSocket}|${ramGib}`
    const c = counts.get(id) ?? { sockets: h.sockets, coresPerSocket, ramGib, hosts: 0 }
    c.hosts++
    counts.set(id, c)
  }
  let best: PredominantHosts | null = null
  for (const c of counts.values()) {
    const cores = c.sockets * c.coresPerSocket
    const isBetter =
      best === null ||
      c.hosts > best.hosts ||
      (c.hosts === best.hosts &&
        (cores > best.sockets * best.coresPerSocket ||
          (cores === best.sockets * best.coresPerSocket && c.ramGib > best.ramGib)))
    if (isBetter) best = { ...c, ofHosts: known }
  }
  return best
}

/** A suggested `workload.peakCpuUtilization` and its basis. */
export interface SuggestedPeakCpu {
  /** Fraction of allocated vCPU busy: busy physical cores ÷ included vCPU. */
  fraction: number
  /** Physical cores busy now: Σ host cores × CPU usage %, scaled to all hosts. */
  busyCores: number
  includedVcpu: number
  /** Hosts whose `CPU usage %` the export gives. */
  hostsReporting: number
}

/**
 * The estate's CPU load as the model's peak CPU utilization (fraction of allocated vCPU busy): busy physical
 * cores = Σ over hosts reporting `CPU usage %` of cores × usage, scaled by all cores ÷ the reporting hosts'
 * cores (hosts that do not report are taken to be as busy), divided by the included VMs' vCPU. RVTools reads
 * usage at the moment of the export, not at the weekly peak, so this is a floor for the peak. Null without
 * usage, cores or vCPU.
 */
export function suggestedPeakCpu(hosts: readonly HostRow[], includedVcpu: number): SuggestedPeakCpu | null {
  let cores = 0
  let reportingCores = 0
  let busy = 0
  let reporting = 0
  for (const h of hosts) {
    cores += h.cores
    if (h.cpuUsagePercent === null) continue
    reporting++
    reportingCores += h.cores
    busy += (h.cores * h.cpuUsagePercent) / 100
  }
  if (reporting === 0 || reportingCores <= 0 || !(includedVcpu > 0)) return null
  const busyCores = (busy * cores) / reportingCores
  return { fraction: busyCores / includedVcpu, busyCores, includedVcpu, hostsReporting: reporting }
}
