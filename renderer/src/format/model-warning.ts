import { VSAN_POLICY_NAMES, type ModelWarning } from '@models'

type Translate = (key: string, params: Record<string, string | number>) => string

/**
 * A model warning worded in the UI's language (the model's `describeModelWarning` is English only);
 * numbers through `number`, the locale's format with at most one decimal.
 */
export function modelWarningText(t: Translate, w: ModelWarning, number: (value: number) => string): string {
  switch (w.code) {
    case 'ftAppPairs':
      return t('capabilities.checks.ftAppPairs', {
        edition: t(`capabilities.editions.names.${w.edition}`, {}),
        limit: w.limitVcpus,
        vcpu: number(w.vcpuPerVm),
      })
    case 'vsanPolicyHosts':
      return t('capabilities.checks.vsanPolicyHosts', {
        policy: VSAN_POLICY_NAMES[w.policy],
        minHosts: w.minHosts,
        addedHosts: w.addedHosts,
      })
    case 'toleranceMismatch':
      return t('capabilities.checks.toleranceMismatch', {
        vmware: w.vmwareFailures,
        openstack: w.openstackFailures,
      })
    case 'editionNotSold':
      return t('capabilities.checks.editionNotSold', {
        edition: t(`capabilities.editions.names.${w.edition}`, {}),
        status: t(`capabilities.editions.sale.${w.status}`, { version: w.versionCap }),
      })
    case 'vvfVsanWholeCapacity':
      return t('capabilities.checks.vvfVsanWholeCapacity', {
        rawTib: number(w.rawTib),
        entitledTib: number(w.entitledTib),
      })
  }
}
