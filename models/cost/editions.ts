/** The VMware editions a plan can price (catalog key vmware.edition). */
export type EditionId = 'vvs' | 'vvep' | 'vvf' | 'vcf'

/** What one VMware edition brings, and whether it can still be bought. */
export interface EditionFeatures {
  /** DRS: continuous rebalancing, and with it placement at the DRS efficiency. */
  hasDrs: boolean
  /** DPM: host power-down. It is a DRS feature, so it needs DRS. */
  hasDpm: boolean
  /** Largest VM (vCPU) vSphere Fault Tolerance protects under this licence. */
  ftMaxVcpusPerVm: number
  /** vSAN capacity included per licensed core (the amount is a catalog assumption). */
  includesVsan: boolean
  /** A dedicated management domain (VCF). */
  hasManagementDomain: boolean
  /** Whether the edition is still sold to new customers, as reported. */
  saleStatus: 'sold' | 'endOfSale' | 'restricted'
  /** Newest vSphere major version the edition runs, or null when it follows the current release. */
  versionCap: string | null
}

/**
 * The feature matrix per edition. Sources:
 * - DRS and DPM need vSphere Enterprise Plus or higher; vSphere Standard has neither (vSphere 5.0 licensing
 *   white paper edition table; DPM "can not be enabled, unless DRS is enabled as well", vSphere API
 *   ClusterDpmConfigInfo, Broadcom developer docs 8.0U2). VVF and VCF include DRS (Redress Compliance, VVF
 *   licensing guide, 2026).
 * - FT vCPU per VM: "vSphere Standard and Enterprise: up to 2 vCPUs; vSphere Enterprise Plus: up to 8 vCPUs"
 *   (VMware, vSphere 8.0 Availability, "Fault Tolerance Requirements, Limits, and Licensing").
 * - vSphere Standard and Enterprise Plus are capped at vSphere 8 U3, VVF and VCF run vSphere 9 (Redress
 *   Compliance, 2026); vSphere Standard 8 reached end of sale on 31 July 2025 (vmwaremadesimple.com,
 *   2026-03-30); standalone Enterprise Plus is no longer sold to most new customers (broadcomaudits,
 *   "vSphere licensing changes under Broadcom", 2025-08, updated 2026-05).
 */
export const EDITION_FEATURES: Readonly<Record<EditionId, EditionFeatures>> = {
  vvs: {
    hasDrs: false,
    hasDpm: false,
    ftMaxVcpusPerVm: 2,
    includesVsan: false,
    hasManagementDomain: false,
    saleStatus: 'endOfSale',
    versionCap: '8',
  },
  vvep: {
    hasDrs: true,
    hasDpm: true,
    ftMaxVcpusPerVm: 8,
    includesVsan: false,
    hasManagementDomain: false,
    saleStatus: 'restricted',
    versionCap: '8',
  },
  vvf: {
    hasDrs: true,
    hasDpm: true,
    ftMaxVcpusPerVm: 8,
    includesVsan: true,
    hasManagementDomain: false,
    saleStatus: 'sold',
    versionCap: null,
  },
  vcf: {
    hasDrs: true,
    hasDpm: true,
    ftMaxVcpusPerVm: 8,
    includesVsan: true,
    hasManagementDomain: true,
    saleStatus: 'sold',
    versionCap: null,
  },
}

/** The features of one edition. */
export function editionFeatures(edition: EditionId): EditionFeatures {
  return EDITION_FEATURES[edition]
}

/**
 * How VMware protects the fault-tolerant share of the fleet under an edition: 'ft' when a VM of
 * `vcpuPerVm` vCPU fits the edition's FT limit (a live shadow copy on another host, counted against the
 * per-host FT limits); 'appPairs' when it does not. Stackplan does not refuse such a plan: the VMs are
 * sized as application-level pairs (two VMs, as on OpenStack), which is what an architect would build, and
 * the evaluation carries a warning that says so. An FT share of 0 protects nothing ('none').
 * Example: Standard (2 vCPU), 4-vCPU VMs → 'appPairs'; Enterprise Plus (8 vCPU), 4-vCPU VMs → 'ft'.
 */
export function vmwareFtProtection(options: {
  edition: EditionId
  vcpuPerVm: number
  ftShare: number
}): 'ft' | 'appPairs' | 'none' {
  if (!(options.ftShare > 0)) return 'none'
  return options.vcpuPerVm <= EDITION_FEATURES[options.edition].ftMaxVcpusPerVm ? 'ft' : 'appPairs'
}
