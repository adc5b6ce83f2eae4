import type { ModelInputs } from '../catalog/inputs'
import { annualRunRate } from './tco'
import type { Platform } from './types'

/**
 * A platform's year-1 annual run rate at `vms` VMs, total only, in the plan's currency per year — the
 * figure `evaluatePlatform(inp, platform, vms).annual.total` reports (tco.ts annualRunRate), for analyses
 * that evaluate the model many times (Monte Carlo, break-even scans). A test holds the two equal.
 */
export function annualTotalAt(inp: ModelInputs, platform: Platform, vms: number): number {
  return annualRunRate(inp, platform, vms).total
}

/**
 * VMware's annual run rate minus OpenStack's at `vms` VMs, in the plan's currency per year (positive:
 * OpenStack is cheaper) — evaluateInputs' gapAnnual, computed with annualTotalAt.
 */
export function annualGapAt(inp: ModelInputs, vms: number): number {
  return annualTotalAt(inp, 'vmware', vms) - annualTotalAt(inp, 'openstack', vms)
}
