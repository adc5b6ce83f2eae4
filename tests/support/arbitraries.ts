import fc from 'fast-check'
import {
  CATALOG,
  type Assumption,
  type AssumptionValue,
  type NumberAssumption,
} from '../../models/catalog/catalog'
import { ISO_4217_CODES } from '../../models/catalog/iso-4217'
import { HOURS_PER_WEEK } from '../../models/catalog/profile'
import type {
  CostMetric,
  Distribution,
  Plan,
  Scenario,
  ScoreRound,
  ViewSettings,
} from '../../models/plan/plan'
import { isDefaultValue } from '../../models/catalog/values'

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** -0 becomes 0: JSON writes both as 0, so a plan holding -0 cannot survive a round trip bit for bit. */
function plainZero(value: number): number {
  return value === 0 ? 0 : value
}

/** A finite double in [min, max] (min excluded when `isMinExclusive`), never -0. */
function arbDoubleIn(min: number, max: number, isMinExclusive = false): fc.Arbitrary<number> {
  return fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: isMinExclusive })
    .map(plainZero)
}

/** A value for one catalog assumption anywhere in its allowed range, boundaries and default included. */
export function arbAssumptionValue(a: Assumption): fc.Arbitrary<AssumptionValue> {
  switch (a.kind) {
    case 'number': {
      const inRange = a.isInteger
        ? fc.integer({ min: Math.ceil(a.min), max: Math.floor(a.max) })
        : arbDoubleIn(a.min, a.max, a.minExclusive === true)
      const edges = a.minExclusive ? [a.max, a.default] : [a.min, a.max, a.default]
      return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(...edges) })
    }
    case 'boolean':
      return fc.boolean()
    case 'choice':
      return fc.constantFrom(...a.options)
    case 'currency':
      return fc.constantFrom(...ISO_4217_CODES)
    case 'profile':
      return fc
        .tuple(
          fc.array(arbDoubleIn(0, 1), { minLength: HOURS_PER_WEEK, maxLength: HOURS_PER_WEEK }),
          fc.integer({ min: 0, max: HOURS_PER_WEEK - 1 })
        )
        .map(([values, peakHour]) => values.map((v, hour) => (hour === peakHour ? 1 : v)))
  }
}

/** A random subset of catalog keys with valid values of the right kind. */
export function arbAssumptionValues(): fc.Arbitrary<Record<string, AssumptionValue>> {
  return fc
    .subarray([...CATALOG], { maxLength: 12 })
    .chain((assumptions) =>
      fc.tuple(...assumptions.map((a) => arbAssumptionValue(a).map((v) => [a.key, v] as const)))
    )
    .map((entries) => Object.fromEntries(entries))
}

const NUMERIC = CATALOG.filter((a): a is NumberAssumption => a.kind === 'number')

/** A valid uncertainty range for a numeric assumption: low ≤ likely ≤ high inside the catalog range. */
export function arbDistribution(a: NumberAssumption): fc.Arbitrary<Distribution> {
  // Lognormal ranges need low > 0; every numeric assumption's maximum is positive, so one exists.
  const kinds: Distribution['kind'][] = ['uniform', 'triangular', 'pert', 'lognormal']
  return fc.constantFrom(...kinds).chain((kind) => {
    const point =
      kind === 'lognormal'
        ? arbDoubleIn(Math.max(a.min, 0), a.max, true)
        : arbDoubleIn(a.min, a.max, a.minExclusive === true)
    return fc.tuple(point, point, point, fc.boolean()).map(([x, y, z, hasLikely]): Distribution => {
      const [low, likely, high] = [x, y, z].sort((p, q) => p - q) as [number, number, number]
      const needsLikely = kind === 'triangular' || kind === 'pert'
      return needsLikely || hasLikely ? { kind, low, likely, high } : { kind, low, high }
    })
  })
}

export function arbRanges(): fc.Arbitrary<Record<string, Distribution>> {
  return fc
    .subarray(NUMERIC, { maxLength: 8 })
    .chain((assumptions) =>
      fc.tuple(...assumptions.map((a) => arbDistribution(a).map((d) => [a.key, d] as const)))
    )
    .map((entries) => Object.fromEntries(entries))
}

/** Strings of any code points, lone surrogates included (JSON escapes them and reads them back). */
function arbText(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(fc.string({ maxLength }), fc.string({ maxLength: Math.min(maxLength, 50), unit: 'binary' }))
}

function arbScenario(id: string): fc.Arbitrary<Scenario> {
  return fc.record({ id: fc.constant(id), name: arbText(200), overrides: arbAssumptionValues() })
}

export function arbScenarios(): fc.Arbitrary<Scenario[]> {
  return fc
    .uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), { minLength: 1, maxLength: 5 })
    .chain((ids) => fc.tuple(...ids.map(arbScenario)))
}

function arbView(scenarioIds: readonly string[]): fc.Arbitrary<ViewSettings> {
  const metrics: CostMetric[] = ['annual', 'npv', 'perVmMonth']
  return fc
    .record({
      metric: fc.constantFrom(...metrics),
      activeScenarioId: fc.constantFrom(...scenarioIds),
      fleetUnit: fc.constantFrom<ViewSettings['fleetUnit']>('vms', 'hosts'),
      ends: fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 2, maxLength: 2 }),
      curvePoints: fc.integer({ min: 2, max: 1000 }),
    })
    .map(({ ends, ...rest }) => {
      const [a, b] = ends as [number, number]
      return { ...rest, curveFromVms: Math.min(a, b), curveToVms: Math.max(a, b) }
    })
}

function arbRound(): fc.Arbitrary<ScoreRound> {
  return fc.record({ vmware: arbDoubleIn(0, 10), openstack: arbDoubleIn(0, 10), weight: arbDoubleIn(0, 10) })
}

/** JSON data without prototype keys and without -0, as a file from another tool would hold it. */
export function arbJsonData(maxDepth = 4): fc.Arbitrary<unknown> {
  return fc.jsonValue({ maxDepth }).map((v) => withoutForbiddenKeys(JSON.parse(JSON.stringify(v)) as unknown))
}

function withoutForbiddenKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutForbiddenKeys)
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    if (!FORBIDDEN_KEYS.has(key)) out[key] = withoutForbiddenKeys((value as Record<string, unknown>)[key])
  }
  return out
}

export function arbExtensions(): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .dictionary(
      fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !FORBIDDEN_KEYS.has(k)),
      arbJsonData(),
      { maxKeys: 4 }
    )
    .map((d) => ({ ...d }))
}

/** Random valid plans built from the catalog: values, ranges, scenarios, view, scorecard, Monte Carlo settings (sometimes) and extensions. */
export function arbPlan(): fc.Arbitrary<Plan> {
  return arbScenarios().chain((scenarios) =>
    fc.record(
      {
        name: arbText(200),
        notes: fc.oneof(arbText(2000), fc.constant('')),
        assumptions: arbAssumptionValues(),
        ranges: arbRanges(),
        scenarios: fc.constant(scenarios),
        view: arbView(scenarios.map((s) => s.id)),
        scorecard: fc.record({
          design: arbRound(),
          features: arbRound(),
          useCases: arbRound(),
          valueWeight: arbDoubleIn(0, 10),
        }),
        monteCarlo: fc.record({
          samples: fc.integer({ min: 1, max: 100_000 }),
          seed: fc.integer({ min: 0, max: 4_294_967_295 }),
        }),
        extensions: arbExtensions(),
      },
      {
        requiredKeys: [
          'name',
          'notes',
          'assumptions',
          'ranges',
          'scenarios',
          'view',
          'scorecard',
          'extensions',
        ],
      }
    )
  )
}

/** What a plan reads back as: base values equal to the catalog default are not stored. */
export function normalizePlan(plan: Plan): Plan {
  const assumptions: Record<string, AssumptionValue> = {}
  for (const [key, value] of Object.entries(plan.assumptions))
    if (!isDefaultValue(key, value)) assumptions[key] = value
  return { ...plan, assumptions }
}
