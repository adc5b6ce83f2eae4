import { findAssumption, isNumberAssumption } from '../catalog/catalog'
import { clampToCatalog } from '../catalog/input-setters'
import { isDefaultValue } from '../catalog/values'
import type { Plan } from './plan'

/** The included VMs of an imported inventory, as totals. */
export interface ImportedWorkloadTotals {
  vms: number
  vcpu: number
  ramGib: number
  diskGib: number
}

/** A value the catalog's range moved, reported so the user knows the plan differs from the import. */
export interface WorkloadAdjustment {
  key: string
  imported: number
  used: number
}

/**
 * The plan with its fleet set to an imported workload: fleet.vms = the included VMs and the per-VM
 * vCPU, RAM and disk = their means (totals ÷ VMs), each kept inside its catalog range (a clamped value is
 * reported). Values equal to the catalog default are dropped, as everywhere in a plan.
 */
export function planWithImportedWorkload(
  plan: Plan,
  totals: ImportedWorkloadTotals
): { plan: Plan; adjustments: WorkloadAdjustment[] } {
  if (!(totals.vms >= 1)) throw new RangeError('an imported workload needs at least one VM')
  const next: Plan = structuredClone(plan)
  const adjustments: WorkloadAdjustment[] = []
  const values: [string, number][] = [
    ['fleet.vms', totals.vms],
    ['workload.vcpuPerVm', totals.vcpu / totals.vms],
    ['workload.ramGibPerVm', totals.ramGib / totals.vms],
    ['workload.diskGibPerVm', totals.diskGib / totals.vms],
  ]
  for (const [key, imported] of values) {
    const a = findAssumption(key)
    if (!isNumberAssumption(a)) throw new Error(`catalog has no number ${key}`)
    const used = clampToCatalog(a, imported)
    if (used !== imported) adjustments.push({ key, imported, used })
    if (isDefaultValue(key, used)) delete next.assumptions[key]
    else next.assumptions[key] = used
  }
  return { plan: next, adjustments }
}
