import type { AssumptionValue } from '../catalog/catalog'
import { catalogDefaults, type AssumptionValues } from '../catalog/values'
import { findScenario, type Plan, type Scenario } from './plan'

/**
 * Scenario resolution, the one place that says which values the model sees for a scenario (DESIGN.md, The
 * model): the catalog defaults, then the plan's base assumptions, then the scenario's overrides, then any
 * extra values (CLI --set, an analysis's trial value). The stores, the evaluation, the analyses, the CLI,
 * the report and the exports all resolve through these functions.
 */

/** The value layers of a scenario above the catalog defaults, lowest first: base, overrides, extra values. */
export function scenarioLayers(
  plan: Plan,
  scenario: Scenario | undefined,
  extra?: AssumptionValues
): AssumptionValues[] {
  const layers = scenario ? [plan.assumptions, scenario.overrides] : [plan.assumptions]
  if (extra) layers.push(extra)
  return layers
}

/**
 * The scenario a plan-level option names: by id, else by name (case-insensitive); the first scenario when
 * the option is left out. Undefined when nothing matches (resolveScenario turns that into an error).
 */
export function scenarioOf(plan: Plan, scenarioId: string | undefined): Scenario | undefined {
  return scenarioId === undefined ? plan.scenarios[0] : findScenario(plan, scenarioId)
}

/**
 * Every assumption's value as the model sees the scenario: catalog defaults, then the plan's base values,
 * then the scenario's overrides, then `extra`. A scenario that does not exist contributes no overrides.
 */
export function scenarioValues(
  plan: Plan,
  scenarioId: string | undefined,
  extra?: AssumptionValues
): Record<string, AssumptionValue> {
  return Object.assign(catalogDefaults(), ...scenarioLayers(plan, scenarioOf(plan, scenarioId), extra))
}

/** The plan's base values: catalog defaults, then the base assumptions (what a scenario falls back to). */
export function baseValues(plan: Plan): Record<string, AssumptionValue> {
  return Object.assign(catalogDefaults(), ...scenarioLayers(plan, undefined))
}

/** True when two values are equal (profiles compared value by value). */
export function sameValue(a: AssumptionValue | undefined, b: AssumptionValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i])
  return a === b
}

/** One value a scenario sets differently from the base. */
export interface ScenarioDifference {
  scenarioId: string
  scenarioName: string
  key: string
  /** The base value (catalog default where the base does not set it). */
  base: AssumptionValue | undefined
  value: AssumptionValue
}

/**
 * The scenario's entries that differ from the base (its overrides that change a value), for the window's
 * "differs from base" list and the scenario comparison; every scenario's when `scenarioId` is left out, in
 * scenario order, for the report and the exports. The first scenario is the base and has none.
 */
export function scenarioDifferences(plan: Plan, scenarioId?: string): ScenarioDifference[] {
  const base = baseValues(plan)
  const scenarios =
    scenarioId === undefined ? plan.scenarios.slice(1) : plan.scenarios.filter((s) => s.id === scenarioId)
  return scenarios
    .filter((s) => s !== plan.scenarios[0])
    .flatMap((s) =>
      Object.entries(s.overrides)
        .map(([key, value]) => ({ scenarioId: s.id, scenarioName: s.name, key, value, base: base[key] }))
        .filter((d) => !sameValue(d.value, d.base))
    )
}
