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
  /** Plan on the imported hosts' hardware: host.sockets, host.coresPerSocket and host.ramGib. */
  hostHardware?: { sockets: number; coresPerSocket: number; ramGib: number } | null
  /** Set workload.peakCpuUtilization (fraction of allocated vCPU busy), e.g. from the hosts' CPU usage. */
  peakCpuUtilization?: number | null
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
 * Steps the per-VM means are rounded to: they become assumptions the user reads and edits, so they carry the
 * precision a typed value would (3.87 vCPU, 16.0 GiB), not a division's 16.019933554. The error is at most
 * half a step per VM (0.05 GiB against a 16 GiB VM: 0.3 %), well inside what a per-VM average means; the
 * classes keep their exact means (they give the mix's shape, and sum to the import's totals).
 */
export const IMPORTED_MEAN_STEPS: Readonly<Record<string, number>> = {
  'fleet.vms': 1,
  'workload.vcpuPerVm': 0.01,
  'workload.ramGibPerVm': 0.1,
  'workload.diskGibPerVm': 0.1,
  'workload.peakCpuUtilization': 0.01,
  'host.sockets': 1,
  'host.coresPerSocket': 1,
  'host.ramGib': 1,
}

/** `value` rounded to a multiple of `step`, without binary noise (16.0 rather than 16.000000000000004). */
function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)))
  return Number((Math.round(value / step) * step).toFixed(decimals))
}

/**
 * The value an imported figure becomes in the plan: rounded to its IMPORTED_MEAN_STEPS step, then kept inside
 * the catalog's range (e.g. workload.peakCpuUtilization 0.00698 → 0.01, the catalog's minimum).
 */
export function importedAssumptionValue(key: string, imported: number): number {
  const a = findAssumption(key)
  const step = IMPORTED_MEAN_STEPS[key]
  if (!isNumberAssumption(a) || step === undefined) throw new Error(`${key} is not an imported number`)
  return clampToCatalog(a, roundToStep(imported, step))
}

/**
 * The plan with its fleet set to an imported workload, as one new plan (one undoable edit): fleet.vms =
 * the included VMs and the per-VM vCPU, RAM and disk = their means (totals ÷ VMs) rounded to
 * IMPORTED_MEAN_STEPS, each kept inside its catalog range (a clamped value is reported); with classes, the
 * plan's workload mix becomes them (the means give its size, the classes its shape: see workloadShapes)
 * together with the import record. Optionally, in the same edit, the host hardware (sockets, cores per socket,
 * RAM per host) and the peak CPU utilization, rounded and kept inside their ranges the same way. Values equal
 * to the catalog default are dropped, as everywhere in a plan.
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
  const hw = totals.hostHardware
  if (hw) {
    values.push(
      ['host.sockets', hw.sockets],
      ['host.coresPerSocket', hw.coresPerSocket],
      ['host.ramGib', hw.ramGib]
    )
  }
  if (totals.peakCpuUtilization != null)
    values.push(['workload.peakCpuUtilization', totals.peakCpuUtilization])
  for (const [key, imported] of values) {
    const a = findAssumption(key)
    if (!isNumberAssumption(a)) throw new Error(`catalog has no number ${key}`)
    const rounded = roundToStep(imported, IMPORTED_MEAN_STEPS[key] as number)
    const used = clampToCatalog(a, rounded)
    if (used !== rounded) adjustments.push({ key, imported, used })
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
