import { CATALOG, findAssumption, type AssumptionValue, type GroupId } from '../catalog/catalog'
import { catalogDefaults, isDefaultValue, valueProblem } from '../catalog/values'
import type { MonteCarloSettings, Plan, Scenario, Scorecard } from './plan'
import { baseValues, sameValue } from './scenario-values'

/**
 * Pure edits on a plan: each returns a new plan and leaves its input untouched, so the store can keep old
 * plans as undo snapshots without copying them. Values are checked with the model's `valueProblem`; an
 * invalid value throws here and never reaches a plan (the inputs check before they call).
 */

export const FLEET_KEY = 'fleet.vms'

const DEFAULTS = catalogDefaults()

function clone(plan: Plan): Plan {
  return structuredClone(plan)
}

/** True when the scenario is the plan's first one, whose values are the plan's base assumptions. */
export function isBaseScenario(plan: Plan, scenarioId: string): boolean {
  return plan.scenarios[0]?.id === scenarioId
}

/** The value the scenario falls back to when its own entry is reset: base for scenarios, default for base. */
export function fallbackValue(plan: Plan, scenarioId: string, key: string): AssumptionValue | undefined {
  return isBaseScenario(plan, scenarioId) ? DEFAULTS[key] : baseValues(plan)[key]
}

function assertValid(key: string, value: AssumptionValue): void {
  const a = findAssumption(key)
  if (!a) throw new Error(`unknown assumption key "${key}"`)
  const problem = valueProblem(a, value)
  if (problem) throw new Error(problem)
}

function setBase(plan: Plan, key: string, value: AssumptionValue): void {
  if (isDefaultValue(key, value)) delete plan.assumptions[key]
  else plan.assumptions[key] = Array.isArray(value) ? [...value] : value
}

/** Sets one value in the scenario: the base assumptions for the first scenario, overrides for the others. */
export function withValue(plan: Plan, scenarioId: string, key: string, value: AssumptionValue): Plan {
  if (key === FLEET_KEY) return withFleetVms(plan, value as number)
  assertValid(key, value)
  const next = clone(plan)
  const scenario = next.scenarios.find((s) => s.id === scenarioId)
  if (!scenario || isBaseScenario(next, scenarioId)) {
    setBase(next, key, value)
    if (scenario) delete scenario.overrides[key]
    return next
  }
  const base = baseValues(next)[key]
  if (sameValue(base, value)) delete scenario.overrides[key]
  else scenario.overrides[key] = Array.isArray(value) ? [...value] : value
  return next
}

/** Removes the scenario's own entry for `key` (back to base, or to the catalog default for the base). */
export function withReset(plan: Plan, scenarioId: string, keys: readonly string[]): Plan {
  const next = clone(plan)
  const scenario = next.scenarios.find((s) => s.id === scenarioId)
  for (const key of keys) {
    if (!scenario || isBaseScenario(next, scenarioId)) {
      delete next.assumptions[key]
      if (scenario) delete scenario.overrides[key]
      if (key === FLEET_KEY) for (const s of next.scenarios) delete s.overrides[key]
    } else delete scenario.overrides[key]
  }
  return next
}

/** The keys of one group the scenario has changed (what "reset group" resets). */
export function changedKeys(plan: Plan, scenarioId: string, group?: GroupId): string[] {
  const overrides = plan.scenarios.find((s) => s.id === scenarioId)?.overrides ?? {}
  // The first scenario's own overrides (a file may carry some) count as base changes too.
  const own = isBaseScenario(plan, scenarioId) ? { ...plan.assumptions, ...overrides } : overrides
  return CATALOG.filter((a) => (!group || a.group === group) && a.key in own).map((a) => a.key)
}

/** The fleet size is one number for every scenario: it lives in the base and no scenario overrides it. */
export function withFleetVms(plan: Plan, vms: number): Plan {
  assertValid(FLEET_KEY, vms)
  const next = clone(plan)
  setBase(next, FLEET_KEY, vms)
  for (const s of next.scenarios) delete s.overrides[FLEET_KEY]
  return next
}

function uniqueId(plan: Plan): string {
  const ids = new Set(plan.scenarios.map((s) => s.id))
  for (let i = plan.scenarios.length + 1; ; i++) if (!ids.has(`scenario-${i}`)) return `scenario-${i}`
}

/** A name not yet used in the plan: "name", else "name 2", "name 3", … */
export function uniqueName(plan: Plan, name: string): string {
  const names = new Set(plan.scenarios.map((s) => s.name.toLowerCase()))
  if (!names.has(name.toLowerCase())) return name
  for (let i = 2; ; i++) if (!names.has(`${name} ${i}`.toLowerCase())) return `${name} ${i}`
}

export function withAddedScenario(plan: Plan, name: string): { plan: Plan; id: string } {
  const next = clone(plan)
  const id = uniqueId(next)
  next.scenarios.push({ id, name: uniqueName(next, name), overrides: {} })
  return { plan: next, id }
}

/** Copies a scenario with its overrides, placed right after it. A copy of the base starts with no overrides. */
export function withDuplicatedScenario(
  plan: Plan,
  scenarioId: string,
  name: string
): { plan: Plan; id: string } {
  const next = clone(plan)
  const index = next.scenarios.findIndex((s) => s.id === scenarioId)
  const source = next.scenarios[index]
  if (!source) return { plan, id: scenarioId }
  const id = uniqueId(next)
  const overrides = index === 0 ? {} : structuredClone(source.overrides)
  const copy: Scenario = { id, name: uniqueName(next, name), overrides }
  next.scenarios.splice(index + 1, 0, copy)
  return { plan: next, id }
}

export function withRenamedScenario(plan: Plan, scenarioId: string, name: string): Plan {
  const trimmed = name.trim()
  if (!trimmed) return plan
  const next = clone(plan)
  const scenario = next.scenarios.find((s) => s.id === scenarioId)
  if (scenario) scenario.name = trimmed
  return next
}

/** Deletes a scenario; the last one cannot go. Moves the view to a neighbour when it showed the deleted one. */
export function withDeletedScenario(plan: Plan, scenarioId: string): Plan {
  if (plan.scenarios.length <= 1) return plan
  const next = clone(plan)
  const index = next.scenarios.findIndex((s) => s.id === scenarioId)
  if (index < 0) return plan
  next.scenarios.splice(index, 1)
  if (next.view.activeScenarioId === scenarioId) {
    next.view.activeScenarioId = (next.scenarios[Math.max(0, index - 1)] ?? next.scenarios[0])!.id
  }
  return next
}

export function withMovedScenario(plan: Plan, scenarioId: string, toIndex: number): Plan {
  const from = plan.scenarios.findIndex((s) => s.id === scenarioId)
  const to = Math.max(0, Math.min(plan.scenarios.length - 1, toIndex))
  if (from < 0 || from === to) return plan
  const next = clone(plan)
  const [moved] = next.scenarios.splice(from, 1)
  next.scenarios.splice(to, 0, moved!)
  return next
}

export function withMonteCarlo(plan: Plan, settings: MonteCarloSettings): Plan {
  const next = clone(plan)
  next.monteCarlo = { samples: settings.samples, seed: settings.seed }
  return next
}

export function withScorecard(plan: Plan, scorecard: Scorecard): Plan {
  const next = clone(plan)
  next.scorecard = structuredClone(scorecard)
  return next
}

export function withName(plan: Plan, name: string): Plan {
  const next = clone(plan)
  next.name = name
  return next
}
