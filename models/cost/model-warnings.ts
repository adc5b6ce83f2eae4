import type { EditionId } from './editions'
import type { VsanPolicy } from './vsan-policy'

/**
 * A rule the plan runs into that an architect checks first, as data: the window words it in the user's
 * language, `describeModelWarning` in English for the command line and the report.
 */
export type ModelWarning =
  | { code: 'ftAppPairs'; edition: EditionId; limitVcpus: number; vcpuPerVm: number }
  | { code: 'vsanPolicyHosts'; policy: VsanPolicy; minHosts: number; addedHosts: number }
  | { code: 'toleranceMismatch'; vmwareFailures: number; openstackFailures: number }
  | { code: 'editionNotSold'; edition: EditionId; status: 'endOfSale' | 'restricted'; versionCap: string }
  | { code: 'vvfVsanWholeCapacity'; rawTib: number; entitledTib: number }

export const EDITION_NAMES: Readonly<Record<EditionId, string>> = {
  vvs: 'vSphere Standard',
  vvep: 'vSphere Enterprise Plus',
  vvf: 'VMware vSphere Foundation',
  vcf: 'VMware Cloud Foundation',
}

/** The vSAN policies as people name them. */
export const VSAN_POLICY_NAMES: Readonly<Record<VsanPolicy, string>> = {
  raid1: 'RAID-1 (FTT=1)',
  raid5: 'RAID-5 (FTT=1)',
  raid6: 'RAID-6 (FTT=2)',
  raid1ftt2: 'RAID-1 (FTT=2)',
}

/** A model warning as an English sentence. */
export function describeModelWarning(w: ModelWarning): string {
  const n = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 1 })
  switch (w.code) {
    case 'ftAppPairs':
      return `${EDITION_NAMES[w.edition]} protects VMs of at most ${w.limitVcpus} vCPU with fault tolerance; the ${n(w.vcpuPerVm)}-vCPU FT VMs are sized as application-level pairs.`
    case 'vsanPolicyHosts':
      return `The vSAN policy ${VSAN_POLICY_NAMES[w.policy]} needs at least ${w.minHosts} hosts per cluster: ${w.addedHosts} host(s) added.`
    case 'toleranceMismatch':
      return `The storage of the two platforms survives different numbers of host failures (VMware ${w.vmwareFailures}, OpenStack ${w.openstackFailures}): compare like with like.`
    case 'editionNotSold':
      return `${EDITION_NAMES[w.edition]}: ${
        w.status === 'endOfSale'
          ? `End of sale (reported); vSphere ${w.versionCap} only`
          : `Not sold to most new customers (reported); vSphere ${w.versionCap} only`
      }`
    case 'vvfVsanWholeCapacity':
      return `vSAN raw capacity (${n(w.rawTib)} TiB) exceeds the VVF entitlement (${n(w.entitledTib)} TiB): the whole capacity is licensed, not only the excess (Broadcom KB 326663).`
  }
}
