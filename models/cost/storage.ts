import { ceilCount } from './capacity'
import { VSAN_POLICY_FACTS } from './vsan-policy'
import { meanVmSizeGib } from './workload-mix'
import type { ModelInputs, StorageArchitecture } from '../catalog/inputs'
import type { Platform } from './types'

/** Decimal terabytes in one GiB (2^30 bytes / 10^12). */
export const TB_PER_GIB = 1.073741824e-3
/** Decimal terabytes in one TiB (2^40 bytes / 10^12). */
export const TB_PER_TIB = 1.099511627776

/** The storage architecture a platform uses in this plan. */
export function storageArchitecture(inp: ModelInputs, platform: Platform): StorageArchitecture {
  return platform === 'vmware' ? inp.vmware.storage : inp.openstack.storage
}

/** True when VMs' disks sit on storage every host reaches, so live migration moves memory only. */
export function isSharedStorage(architecture: StorageArchitecture): boolean {
  return architecture !== 'local'
}

export interface StorageSizing {
  architecture: StorageArchitecture
  usableTb: number
  rawTb: number
  /** Dedicated storage nodes (Ceph only). */
  storageNodes: number
  /** Capital cost that depreciates with the hosts (drives, Ceph nodes), USD. */
  hostLifeCapexUsd: number
  /** Capital cost that depreciates over the SAN's life, USD. */
  sanCapexUsd: number
  /** Yearly support on storage capital, USD (Ceph nodes at host.hwSupportPerYear, SAN at sanSupportPerYear). */
  supportUsdPerYear: number
  /** Always-on draw of dedicated storage nodes, W. */
  storageNodeWatts: number
}

/**
 * Storage for `vms` VMs (DESIGN.md step 6). Usable TB = vms · diskGib · (1 + headroom), in decimal TB,
 * diskGib being the mean over the workload's classes.
 * vSAN: raw = usable × the storage policy's raw ÷ usable (vmware.vsanPolicy) on host drives. SAN: usable
 * TB at sanUsdPerUsableTb. Ceph: raw = usable × replicas on dedicated nodes, ⌈raw / rawTbPerNode⌉ of them
 * but at least ⌈replicas⌉ + 1 (one copy per host, the default CRUSH failure domain, plus one node to
 * re-create the copies of a failed node on). Local: raw = usable × localOverhead on host drives, no shared
 * storage.
 */
export function sizeStorage(inp: ModelInputs, platform: Platform, vms: number): StorageSizing {
  const architecture = storageArchitecture(inp, platform)
  const s = inp.storage
  const usableTb = vms * meanVmSizeGib(inp).diskGib * (1 + s.headroom) * TB_PER_GIB
  const sizing: StorageSizing = {
    architecture,
    usableTb,
    rawTb: usableTb,
    storageNodes: 0,
    hostLifeCapexUsd: 0,
    sanCapexUsd: 0,
    supportUsdPerYear: 0,
    storageNodeWatts: 0,
  }
  switch (architecture) {
    case 'vsan':
      sizing.rawTb = usableTb * VSAN_POLICY_FACTS[inp.vmware.vsanPolicy].rawPerUsable
      sizing.hostLifeCapexUsd = sizing.rawTb * s.driveUsdPerRawTb
      break
    case 'local':
      sizing.rawTb = usableTb * s.localOverhead
      sizing.hostLifeCapexUsd = sizing.rawTb * s.driveUsdPerRawTb
      break
    case 'san':
      sizing.sanCapexUsd = usableTb * s.sanUsdPerUsableTb
      sizing.supportUsdPerYear = sizing.sanCapexUsd * s.sanSupportPerYear
      break
    case 'ceph': {
      sizing.rawTb = usableTb * s.cephReplicas
      sizing.storageNodes = Math.max(
        cephMinimumNodes(s.cephReplicas),
        ceilCount(sizing.rawTb / s.cephRawTbPerNode)
      )
      const nodesUsd = sizing.storageNodes * s.cephNodeUsd
      sizing.hostLifeCapexUsd = nodesUsd + sizing.rawTb * s.driveUsdPerRawTb
      sizing.supportUsdPerYear = nodesUsd * inp.host.hwSupportPerYear
      sizing.storageNodeWatts = sizing.storageNodes * s.cephNodeWatts
      break
    }
  }
  return sizing
}

/** Fewest Ceph storage nodes: ⌈replicas⌉ + 1, so the copies of a failed node can be re-created elsewhere. */
export function cephMinimumNodes(replicas: number): number {
  return Math.ceil(replicas) + 1
}

/**
 * vSAN capacity bought beyond the licence's entitlement, TiB. Broadcom counts the raw capacity claimed by
 * vSAN against the per-core entitlement. 'excessOnly': max(0, raw TiB − entitled TiB). 'wholeCapacity'
 * (VVF, Broadcom KB 326663): once raw exceeds the entitlement, the entire raw capacity is licensed.
 * Example: raw 110 TiB, entitlement 100 → excessOnly 10 TiB, wholeCapacity 110 TiB; raw 90 → 0 either way.
 */
export function vsanAddOnTib(
  rawTb: number,
  entitledTib: number,
  rule: 'wholeCapacity' | 'excessOnly' = 'excessOnly'
): number {
  const rawTib = rawTb / TB_PER_TIB
  if (rawTib <= entitledTib) return 0
  return rule === 'wholeCapacity' ? rawTib : rawTib - entitledTib
}
