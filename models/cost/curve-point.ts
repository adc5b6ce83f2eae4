import type { ModelInputs } from '../catalog/inputs'
import type { CostMetric } from '../plan/plan'
import { evaluatePlatform } from './tco'
import { CATEGORIES, type CategoryCosts, type Platform } from './types'

/** Category costs of a platform in a metric: annual run rate, horizon NPV, or annual per VM-month. */
export function metricCosts(result: ReturnType<typeof evaluatePlatform>, metric: CostMetric): CategoryCosts {
  if (metric === 'annual') return result.annual
  if (metric === 'npv') return result.horizon.npvByCategory
  const perVmMonth = { ...result.annual }
  const divisor = result.vms * 12
  for (const c of CATEGORIES) perVmMonth[c] = result.annual[c] / divisor
  perVmMonth.total = result.annual.total / divisor
  return perVmMonth
}

/** Both platforms' category costs at `vms` VMs in a metric, without the hour-by-hour week. */
export function evaluatePlanInputsAt(
  inputs: ModelInputs,
  vms: number,
  metric: CostMetric
): Record<Platform, CategoryCosts> {
  return {
    vmware: metricCosts(evaluatePlatform(inputs, 'vmware', vms, { wantWeek: false }), metric),
    openstack: metricCosts(evaluatePlatform(inputs, 'openstack', vms, { wantWeek: false }), metric),
  }
}
