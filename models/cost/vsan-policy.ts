/** vSAN storage policies a plan can choose (catalog key vmware.vsanPolicy). */
export type VsanPolicy = 'raid1' | 'raid5' | 'raid6' | 'raid1ftt2'

export const VSAN_POLICIES: readonly VsanPolicy[] = ['raid1', 'raid5', 'raid6', 'raid1ftt2']

export interface VsanPolicyFacts {
  /** Raw capacity consumed per unit of usable capacity. */
  rawPerUsable: number
  /** Host failures the data survives. */
  failuresTolerated: number
  /** Fewest hosts the policy can place its components on. */
  minHosts: number
}

/**
 * Raw ÷ usable, failures tolerated and minimum hosts per policy (OSA layouts):
 * RAID-1 FTT=1: 2 copies, 2·FTT+1 = 3 hosts; RAID-1 FTT=2: 3 copies, 5 hosts (VMware vSAN 8.0 Planning,
 * "Sizing the vSAN cluster for failures to tolerate": hosts = 2·FTT + 1); RAID-5 3+1 = 4/3 ≈ 1.33×, at
 * least 4 hosts; RAID-6 4+2 = 1.5×, at least 6 hosts (Cormac Hogan, "VSAN 6.2 Part 2 – RAID-5 and RAID-6
 * configurations", 2016-02-15). vSAN ESA also runs RAID-5 as 2+1 (1.5×) on 3–5 hosts and 4+1 (1.25×) on 6
 * or more (Duncan Epping, Yellow Bricks); this model uses the OSA layout throughout, see docs/MODEL.md.
 */
export const VSAN_POLICY_FACTS: Readonly<Record<VsanPolicy, VsanPolicyFacts>> = {
  raid1: { rawPerUsable: 2, failuresTolerated: 1, minHosts: 3 },
  raid5: { rawPerUsable: 4 / 3, failuresTolerated: 1, minHosts: 4 },
  raid6: { rawPerUsable: 1.5, failuresTolerated: 2, minHosts: 6 },
  raid1ftt2: { rawPerUsable: 3, failuresTolerated: 2, minHosts: 5 },
}

/** vSAN clusters hold at most 64 hosts (VMware vSAN 6.6 configuration maximums; Yellow Bricks, 2022-12-20: ESA and OSA alike). */
export const VSAN_MAX_CLUSTER_HOSTS = 64

/**
 * Host failures a storage architecture's data survives: vSAN by its policy; Ceph replicas − 1 (size 3
 * keeps serving with two copies lost); an external SAN is outside the host failure domain (reported as
 * null: not comparable); local disks survive no host failure (0).
 */
export function storageFailuresTolerated(options: {
  architecture: 'vsan' | 'ceph' | 'san' | 'local'
  vsanPolicy: VsanPolicy
  cephReplicas: number
}): number | null {
  switch (options.architecture) {
    case 'vsan':
      return VSAN_POLICY_FACTS[options.vsanPolicy].failuresTolerated
    case 'ceph':
      return Math.max(0, Math.floor(options.cephReplicas) - 1)
    case 'local':
      return 0
    case 'san':
      return null
  }
}

/**
 * The VM hosts a vSAN cluster must have for its policy: every cluster at least the policy's minimum hosts.
 * Returns the extra compute hosts to add, 0 when the clusters are large enough. With `clusters` clusters of
 * `hostsPerCluster` VM hosts (compute + reserve) the shortfall is clusters · (minHosts − hostsPerCluster).
 * Example: RAID-5 (4 hosts), one cluster of 3 → 1 extra host.
 */
export function vsanPolicyShortfallHosts(options: {
  policy: VsanPolicy
  clusters: number
  vmHosts: number
}): number {
  const { policy, clusters, vmHosts } = options
  if (clusters <= 0) return 0
  return Math.max(0, clusters * VSAN_POLICY_FACTS[policy].minHosts - vmHosts)
}

/**
 * Usable fraction of a host's CPU and memory once vSAN's own share is taken (vSAN only; other storage
 * keeps the host whole). The memory overhead is capped at half of the host's usable memory so that a
 * small host never ends with none.
 */
export function vsanHostShare(options: {
  cpuOverheadFraction: number
  ramOverheadGib: number
  usableRamGib: number
}): { cpuFraction: number; ramGib: number } {
  const { cpuOverheadFraction, ramOverheadGib, usableRamGib } = options
  return {
    cpuFraction: 1 - Math.min(0.5, Math.max(0, cpuOverheadFraction)),
    ramGib: usableRamGib - Math.min(usableRamGib / 2, Math.max(0, ramOverheadGib)),
  }
}
