import { findAssumption, isNumberAssumption } from '../catalog/catalog'
import { clampToCatalog } from '../catalog/input-setters'
import { isDefaultValue } from '../catalog/values'
import { WORKLOAD_MIX_LIMITS } from './limits'
import type { ImportedEstate, Plan, WorkloadClass } from './plan'

/** The included VMs of an imported inventory: totals, and optionally their size classes and the import record. */
export interface ImportedWorkloadTotals {
  vms: number
  vcpu: number
  ramGib: number
  diskGib: number
  /** Size classes (each its members' means); they become the plan's workload mix. */
  classes?: readonly WorkloadClass[]
  /** What the plan keeps of the import (aggregates, file names, date). */
  estate?: ImportedEstate | null
}

/** A value the catalog's range moved, reported so the user knows the plan differs from the import. */
export interface WorkloadAdjustment {
  key: string
  imported: number
  used: number
}

/** A class kept inside the file format's ranges (an imported VM may report 0 vCPU or 0 MiB). */
function boundedClass(c: WorkloadClass): WorkloadClass {
  const L = WORKLOAD_MIX_LIMITS
  const within = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v))
  return {
    vcpu: within(c.vcpu, 0.001, L.maxVcpu),
    ramGib: within(c.ramGib, 0.001, L.maxRamGib),
    diskGib: within(c.diskGib, 0, L.maxDiskGib),
    count: c.count,
    petShare: c.petShare,
    ftShare: c.ftShare,
  }
}

/**
 * The plan with its fleet set to an imported workload, as one new plan (one undoable edit): fleet.vms =
 * the included VMs and the per-VM vCPU, RAM and disk = their means (totals ÷ VMs), each kept inside its
 * catalog range (a clamped value is reported); with classes, the plan's workload mix becomes them (the
 * means give its size, the classes its shape: see workloadShapes) together with the import record.
 * Values equal to the catalog default are dropped, as everywhere in a plan.
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
  if (totals.classes && totals.classes.length > 0) {
    next.workloadMix = { classes: totals.classes.map(boundedClass), estate: totals.estate ?? null }
  } else {
    delete next.workloadMix
  }
  return { plan: next, adjustments }
}
