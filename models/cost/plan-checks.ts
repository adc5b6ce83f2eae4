import type { ModelInputs } from '../catalog/inputs'
import { EDITION_FEATURES } from './editions'
import type { ModelWarning } from './model-warnings'
import type { PlatformResult } from './types'
import { TB_PER_TIB } from './storage'
import { VSAN_POLICY_FACTS } from './vsan-policy'
import { placedWorkload } from './workload-mix'

/**
 * The rules of thumb an evaluated plan runs into, in a fixed order (docs/MODEL.md, "Checks"): the VMware
 * edition is no longer sold or is capped at an old version; its FT limit turns FT VMs into app-level
 * pairs; the vSAN policy needed more hosts than the workload; the two platforms' storage survives a
 * different number of host failures; VVF's whole vSAN capacity is licensed because it exceeds the
 * entitlement (Broadcom KB 326663).
 */
export function planWarnings(
  inp: ModelInputs,
  vmware: PlatformResult,
  openstack: PlatformResult
): ModelWarning[] {
  const warnings: ModelWarning[] = []
  const edition = inp.vmware.edition
  const features = EDITION_FEATURES[edition]
  if (features.saleStatus !== 'sold')
    warnings.push({
      code: 'editionNotSold',
      edition,
      status: features.saleStatus,
      versionCap: features.versionCap ?? '',
    })
  if (vmware.capacity.ftProtection === 'appPairs')
    warnings.push({
      code: 'ftAppPairs',
      edition,
      limitVcpus: features.ftMaxVcpusPerVm,
      // The largest FT VM sized as pairs: the per-VM assumption, or the largest such class of a mix.
      vcpuPerVm: placedWorkload(inp, 'vmware', 1).appPairVcpu,
    })
  if (vmware.capacity.vsanAddedHosts > 0)
    warnings.push({
      code: 'vsanPolicyHosts',
      policy: inp.vmware.vsanPolicy,
      minHosts: VSAN_POLICY_FACTS[inp.vmware.vsanPolicy].minHosts,
      addedHosts: vmware.capacity.vsanAddedHosts,
    })
  const v = vmware.storage.failuresTolerated
  const o = openstack.storage.failuresTolerated
  if (v !== null && o !== null && v !== o)
    warnings.push({ code: 'toleranceMismatch', vmwareFailures: v, openstackFailures: o })
  if (vmware.storage.isVsanWholeCapacityLicensed)
    warnings.push({
      code: 'vvfVsanWholeCapacity',
      rawTib: vmware.storage.rawTb / TB_PER_TIB,
      entitledTib: vmware.storage.vsanEntitledTib,
    })
  return warnings
}
