import type { AssumptionValue } from '../catalog/catalog'
import { DEFAULT_CURVE } from './limits'

/** Probability distribution an assumption may carry for Monte Carlo (issue "Analysis"). */
export interface Distribution {
  kind: 'uniform' | 'triangular' | 'pert' | 'lognormal'
  /** Low end (P5 for lognormal's 90 % interval). */
  low: number
  /** High end (P95 for lognormal's 90 % interval). */
  high: number
  /** Most likely value for triangular and PERT. */
  likely?: number
}

/** A named set of overrides on top of the plan's base assumptions. */
export interface Scenario {
  id: string
  name: string
  overrides: Record<string, AssumptionValue>
}

export type CostMetric = 'annual' | 'npv' | 'perVmMonth'

/** How the plan was last looked at; saved so a colleague opens the same view. */
export interface ViewSettings {
  metric: CostMetric
  activeScenarioId: string
  fleetUnit: 'vms' | 'hosts'
  curveFromVms: number
  curveToVms: number
  curvePoints: number
}

/** One round of the VMware-vs-OpenStack scorecard, scored out of 10 per platform. */
export interface ScoreRound {
  vmware: number
  openstack: number
  weight: number
}

/** The classic four-round comparison; the value round is scored from the cost model, only its weight is kept. */
export interface Scorecard {
  design: ScoreRound
  features: ScoreRound
  useCases: ScoreRound
  valueWeight: number
}

/** How Monte Carlo runs for this plan: saved so a colleague reproduces the same numbers. */
export interface MonteCarloSettings {
  /** Samples per run, 1–100,000. */
  samples: number
  /** Seed of the random streams, 0–4,294,967,295. */
  seed: number
}

/**
 * One size class of a workload mix: its VMs' mean vCPU, RAM (GiB) and provisioned disk (GiB), how many
 * VMs it holds, and its own pet / FT shares where the source said (a plain VM CSV), else null.
 */
export interface WorkloadClass {
  vcpu: number
  ramGib: number
  diskGib: number
  count: number
  petShare: number | null
  ftShare: number | null
}

/** Kinds of inventory source a mix can come from. */
export type InventorySourceKind = 'rvtools-xlsx' | 'rvtools-csv' | 'plain-csv'

/**
 * What a plan keeps of an imported inventory: aggregates only — the source files' names, the date, counts
 * and totals. Never VM or host names, addresses, annotations, cluster names or the file itself.
 */
export interface ImportedEstate {
  sources: { name: string; kind: InventorySourceKind }[]
  /** ISO 8601 date and time of the import. */
  importedAt: string
  includePoweredOff: boolean
  includeTemplates: boolean
  vms: { rows: number; templates: number; poweredOn: number; poweredOff: number; included: number }
  hosts: {
    count: number
    sockets: number | null
    cores: number
    ramGib: number | null
    licensedCores: number | null
  } | null
  /** Row-level problems the import counted (rows left out or read with a default). */
  warnings: number
}

/** A workload of several VM sizes (usually imported) instead of one average VM. */
export interface WorkloadMix {
  classes: WorkloadClass[]
  estate: ImportedEstate | null
}

/** A plan: everything a planning file holds besides its envelope. */
export interface Plan {
  name: string
  notes: string
  /** Base assumption values that differ from the catalog default. */
  assumptions: Record<string, AssumptionValue>
  /** Uncertainty per assumption key (Monte Carlo, sensitivity low/high). */
  ranges: Record<string, Distribution>
  /** At least one; the first is shown when a file opens unless the view says otherwise. */
  scenarios: Scenario[]
  view: ViewSettings
  scorecard: Scorecard
  /** Monte Carlo sample count and seed; absent until the user changes them (defaults 2,000 and 1). */
  monteCarlo?: MonteCarloSettings
  /**
   * The workload as a mix of VM classes; absent in the simple mode (one average VM from the workload.*
   * assumptions). The classes give the mix's shape; fleet.vms and the per-VM assumptions its size.
   */
  workloadMix?: WorkloadMix
  /** Data from other tools or newer versions, kept unread and written back unchanged. */
  extensions: Record<string, unknown>
}

export const BASELINE_SCENARIO_ID = 'baseline'

/** The scorecard defaults from the comparison this product grew from (design 7/8, features 6/9, use cases 8/6). */
export function defaultScorecard(): Scorecard {
  return {
    design: { openstack: 7, vmware: 8, weight: 1 },
    features: { openstack: 6, vmware: 9, weight: 1 },
    useCases: { openstack: 8, vmware: 6, weight: 1 },
    valueWeight: 1,
  }
}

/** The built-in default plan: catalog defaults, one baseline scenario. */
export function createDefaultPlan(): Plan {
  return {
    name: 'Untitled plan',
    notes: '',
    assumptions: {},
    ranges: {},
    scenarios: [{ id: BASELINE_SCENARIO_ID, name: 'Baseline', overrides: {} }],
    view: {
      metric: 'annual',
      activeScenarioId: BASELINE_SCENARIO_ID,
      fleetUnit: 'vms',
      curveFromVms: DEFAULT_CURVE.fromVms,
      curveToVms: DEFAULT_CURVE.toVms,
      curvePoints: DEFAULT_CURVE.points,
    },
    scorecard: defaultScorecard(),
    extensions: {},
  }
}

/** Finds a scenario by name (case-insensitive) or id; undefined when there is none. */
export function findScenario(plan: Plan, nameOrId: string): Scenario | undefined {
  const wanted = nameOrId.toLowerCase()
  return (
    plan.scenarios.find((s) => s.id === nameOrId) ??
    plan.scenarios.find((s) => s.name.toLowerCase() === wanted)
  )
}
