import * as v from 'valibot'
import {
  findAssumption,
  type Assumption,
  type AssumptionValue,
  type NumberAssumption,
} from '../catalog/catalog'
import { isDefaultValue, valuesProblems } from '../catalog/values'
import {
  createDefaultPlan,
  defaultScorecard,
  type CostMetric,
  type Distribution,
  type InventorySourceKind,
  type Plan,
  type ScoreRound,
  type ViewSettings,
} from '../plan/plan'
import {
  CURVE_LIMITS,
  FLEET_VMS_LIMITS,
  MAX_MONTE_CARLO_SAMPLES,
  MAX_SEED,
  MONTE_CARLO_DEFAULTS,
  PLAN_FILE_LIMITS,
  SCORE_MAX,
  WORKLOAD_MIX_LIMITS,
} from '../plan/limits'
import { createSchemaRules, plainZero, type Schema } from '../schema/rules'
import { FILE_WORDING, formatCount, type NumberRule } from '../schema/wording'
import { copyJsonData } from './document-safety'
import { refuse } from './errors'
import { refuseIssue, wholeRefusal } from './issue-refusal'

/**
 * The plan object of a planning file as one valibot schema: what each key holds, in the order the file
 * writes it (models/plan-file/key-order.ts reads that order from here), with its defaults and limits. The
 * rules and their words come from models/schema/, shared with the IPC payloads. Hand-written here: only
 * the catalog-driven value checks (valuesProblems) and the copy of extensions (copyJsonData).
 */

const { text, number, flag, choice, object, dictionary } = createSchemaRules(FILE_WORDING)

export const DISTRIBUTION_KINDS: readonly Distribution['kind'][] = [
  'uniform',
  'triangular',
  'pert',
  'lognormal',
]
export const COST_METRICS: readonly CostMetric[] = ['annual', 'npv', 'perVmMonth']
export const FLEET_UNITS: readonly ViewSettings['fleetUnit'][] = ['vms', 'hosts']
const SOURCE_KINDS: readonly InventorySourceKind[] = ['rvtools-xlsx', 'rvtools-csv', 'plain-csv']

/** A path step to `key` of `input`, for an issue a whole-object check reports at one of its keys. */
function at(input: Record<string, unknown>, key: string): [v.ObjectPathItem] {
  return [{ type: 'object', origin: 'value', input, key, value: input[key] }]
}

/** Abort at the first problem: a planning file is refused naming the first one found. */
export const FIRST_PROBLEM = { abortEarly: true } as const

// ----- Assumption values: checked by the catalog (valuesProblems), hand-written. -----

/** The catalog's message for a value problem, without the key it starts with (the refusal names it). */
function withoutKeyPrefix(message: string, key: string): string {
  for (const prefix of [`${key} = `, `${key}: `, `${key} `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length)
  }
  return message
}

function copyAssumptionValue(value: AssumptionValue): AssumptionValue {
  if (Array.isArray(value)) return value.map((n: number) => plainZero(n))
  return typeof value === 'number' ? plainZero(value) : value
}

/**
 * Validates assumption values with the catalog (valuesProblems): unknown keys and out-of-range values are
 * refused naming the key. `scenarioName` names the scenario in messages about overrides. Base values equal
 * to the catalog default are dropped when `isDroppingDefaults` (a plan stores only what differs).
 */
function assumptionValues(
  obj: Record<string, unknown>,
  where: string,
  scenarioName: string | null,
  isDroppingDefaults: boolean
): Record<string, AssumptionValue> {
  const inScenario = scenarioName === null ? '' : ` in scenario "${scenarioName}"`
  const [problem] = valuesProblems(obj)
  if (problem) {
    if (!findAssumption(problem.key)) {
      refuse(
        'unknownKey',
        `Unknown key at ${where}: "${problem.key}" is not an assumption this version of Stackplan knows${inScenario} (run \`stackplan assumptions\` for the list)`,
        problem.key
      )
    }
    refuse(
      'invalidValue',
      `Invalid value at ${problem.key}${inScenario}: ${withoutKeyPrefix(problem.message, problem.key)}`,
      problem.key,
      problem.issue
    )
  }
  const out: Record<string, AssumptionValue> = {}
  for (const key of Object.keys(obj)) {
    const value = obj[key] as AssumptionValue
    if (isDroppingDefaults && isDefaultValue(key, value)) continue
    out[key] = copyAssumptionValue(value)
  }
  return out
}

const ASSUMPTION_VALUES_WHAT = 'an object of assumption values by key'

const assumptionsSchema = v.pipe(
  dictionary(ASSUMPTION_VALUES_WHAT, { keyOrder: 'sorted' }),
  v.transform((obj) => assumptionValues(obj, 'assumptions', null, true))
)

// ----- Ranges: a distribution per numeric assumption, within the assumption's catalog range. -----

function catalogRule(a: NumberAssumption): NumberRule {
  return { min: a.min, max: a.max, isMinExclusive: a.minExclusive === true }
}

function kindWord(a: Assumption): string {
  return a.kind === 'choice' ? 'a choice' : a.kind === 'currency' ? 'a currency code' : `a ${a.kind}`
}

/** A distribution whose low, likely and high keep to `rule`; likely is checked after low and high. */
function distributionSchema(rule: NumberRule) {
  const likelyNumber = number(rule)
  return v.pipe(
    object(
      { kind: choice(DISTRIBUTION_KINDS), low: number(rule), likely: v.unknown(), high: number(rule) },
      'an object with kind, low, high and (for triangular and PERT) likely'
    ),
    v.rawTransform(({ dataset, addIssue, NEVER }): Distribution => {
      const { kind, low, likely, high } = dataset.value
      const input = dataset.value as Record<string, unknown>
      if (low > high) {
        addIssue({ message: `low (${low}) is above high (${high})` })
        return NEVER
      }
      if (kind === 'lognormal' && low <= 0) {
        addIssue({ message: `a lognormal range needs a low above 0 (found ${low})`, path: at(input, 'low') })
        return NEVER
      }
      if (likely === undefined) {
        if (kind === 'triangular' || kind === 'pert') {
          addIssue({
            message: `a ${kind === 'pert' ? 'PERT' : kind} range needs a most likely value between low and high`,
            path: at(input, 'likely'),
          })
          return NEVER
        }
        return { kind, low, high }
      }
      const checked = v.safeParse(likelyNumber, likely, FIRST_PROBLEM)
      if (!checked.success) {
        addIssue({ message: checked.issues[0].message, path: at(input, 'likely') })
        return NEVER
      }
      if (checked.output < low || checked.output > high) {
        addIssue({
          message: `${checked.output} must lie between low (${low}) and high (${high})`,
          path: at(input, 'likely'),
        })
        return NEVER
      }
      return { kind, low, likely: checked.output, high }
    })
  )
}

/** The shape of every distribution, for the order its keys are written in (no ranges checked). */
const DISTRIBUTION_ORDER = distributionSchema({})

const distributionByKey = new Map<string, Schema>()

/** The distribution schema of a numeric assumption, built once per key. */
function distributionOf(key: string, a: NumberAssumption): Schema {
  let schema = distributionByKey.get(key)
  if (!schema) {
    schema = distributionSchema(catalogRule(a))
    distributionByKey.set(key, schema)
  }
  return schema
}

const rangesSchema = v.pipe(
  dictionary('an object of ranges by assumption key', {
    keyOrder: 'sorted',
    valueSchema: DISTRIBUTION_ORDER,
  }),
  v.transform((obj) => {
    const out: Record<string, Distribution> = {}
    for (const key of Object.keys(obj)) {
      const a = findAssumption(key)
      if (!a) {
        refuse(
          'unknownKey',
          `Unknown key at ranges: "${key}" is not an assumption this version of Stackplan knows (run \`stackplan assumptions\` for the list)`,
          key
        )
      }
      if (a.kind !== 'number') {
        refuse(
          'invalidValue',
          `Invalid value at ranges.${key}: only numeric assumptions can have a range (${key} is ${kindWord(a)})`,
          `ranges.${key}`
        )
      }
      const checked = v.safeParse(distributionOf(key, a), obj[key], FIRST_PROBLEM)
      if (!checked.success) refuseIssue(checked.issues[0], `ranges.${key}`)
      out[key] = checked.output as Distribution
    }
    return out
  })
)

// ----- Scenarios -----

const scenarioSchema = object(
  {
    id: text({ minChars: 1, maxChars: PLAN_FILE_LIMITS.maxScenarioIdChars }),
    name: text({ maxChars: PLAN_FILE_LIMITS.maxNameChars }),
    overrides: v.optional(dictionary(ASSUMPTION_VALUES_WHAT, { keyOrder: 'sorted' }), () => ({})),
  },
  'an object with id, name and overrides'
)

/**
 * One to PLAN_FILE_LIMITS.maxScenarios scenarios. Once each has the right shape, in order: ids are unique and
 * overrides keep to the catalog.
 */
const scenariosSchema = v.pipe(
  v.unknown(),
  v.rawCheck(({ dataset, addIssue }) => {
    const list = dataset.value
    if (!Array.isArray(list)) {
      addIssue({
        expected: wholeRefusal('invalidStructure'),
        message: 'Invalid planning file: scenarios must be a list of scenarios',
      })
    } else if (list.length === 0) {
      addIssue({
        expected: wholeRefusal('invalidStructure'),
        message: 'Invalid planning file: a plan needs at least one scenario',
      })
    } else if (list.length > PLAN_FILE_LIMITS.maxScenarios) {
      addIssue({
        expected: wholeRefusal('tooLarge'),
        message: `This plan has ${formatCount(list.length)} scenarios; the limit is ${formatCount(PLAN_FILE_LIMITS.maxScenarios)}`,
      })
    }
  }),
  v.transform((list) => list as unknown[]),
  v.array(scenarioSchema),
  v.transform((list) => {
    const ids = new Set<string>()
    return list.map(({ id, name, overrides }, i) => {
      if (ids.has(id)) {
        refuse(
          'invalidValue',
          `Invalid value at scenarios[${i}].id: "${id}" is used by two scenarios; ids must be unique`,
          `scenarios[${i}].id`
        )
      }
      ids.add(id)
      return { id, name, overrides: assumptionValues(overrides, `scenarios[${i}].overrides`, name, false) }
    })
  })
)

// ----- View, scorecard, Monte Carlo -----

const DEFAULT_VIEW = createDefaultPlan().view
const curveVms: NumberRule = { min: CURVE_LIMITS.minVms, max: CURVE_LIMITS.maxVms, isInteger: true }

/** View settings; activeScenarioId is resolved against the scenarios once they are read (see PLAN_SCHEMA). */
const viewSchema = v.pipe(
  object(
    {
      metric: v.optional(choice(COST_METRICS), DEFAULT_VIEW.metric),
      activeScenarioId: v.optional(text({ maxChars: PLAN_FILE_LIMITS.maxScenarioIdChars })),
      fleetUnit: v.optional(choice(FLEET_UNITS), DEFAULT_VIEW.fleetUnit),
      curveFromVms: v.optional(number(curveVms), DEFAULT_VIEW.curveFromVms),
      curveToVms: v.optional(number(curveVms), DEFAULT_VIEW.curveToVms),
      curvePoints: v.optional(
        number({ min: CURVE_LIMITS.minPoints, max: CURVE_LIMITS.maxPoints, isInteger: true }),
        DEFAULT_VIEW.curvePoints
      ),
    },
    'an object of view settings'
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const { curveFromVms, curveToVms } = dataset.value
    if (curveToVms > curveFromVms) return
    addIssue({
      message: `${curveToVms} must be above view.curveFromVms (${curveFromVms})`,
      path: at(dataset.value, 'curveToVms'),
    })
  })
)

const score: NumberRule = { min: 0, max: SCORE_MAX }

function scoreRoundSchema(defaults: ScoreRound) {
  return v.optional(
    object(
      {
        vmware: v.optional(number(score), defaults.vmware),
        openstack: v.optional(number(score), defaults.openstack),
        weight: v.optional(number(score), defaults.weight),
      },
      'an object with vmware, openstack and weight'
    ),
    () => ({})
  )
}

const DEFAULT_SCORECARD = defaultScorecard()

const scorecardSchema = object(
  {
    design: scoreRoundSchema(DEFAULT_SCORECARD.design),
    features: scoreRoundSchema(DEFAULT_SCORECARD.features),
    useCases: scoreRoundSchema(DEFAULT_SCORECARD.useCases),
    valueWeight: v.optional(number(score), DEFAULT_SCORECARD.valueWeight),
  },
  'an object of scorecard rounds'
)

/** Monte Carlo sample count (1–100,000) and seed (0–4,294,967,295), both whole numbers; null reads as the default. */
const monteCarloSchema = object(
  {
    samples: v.nullish(
      number({ min: 1, max: MAX_MONTE_CARLO_SAMPLES, isInteger: true }),
      MONTE_CARLO_DEFAULTS.samples
    ),
    seed: v.nullish(number({ min: 0, max: MAX_SEED, isInteger: true }), MONTE_CARLO_DEFAULTS.seed),
  },
  'an object with samples and seed'
)

// ----- Workload mix and the import it came from -----

const L = WORKLOAD_MIX_LIMITS

function count(max: number) {
  return number({ min: 0, max, isInteger: true })
}

/** A list whose length is checked (with `message`) before its items. */
function listOf<S extends Schema>(item: S, isLengthOk: (length: number) => boolean, message: string) {
  return v.pipe(
    v.unknown(),
    v.check((list) => Array.isArray(list) && isLengthOk(list.length), message),
    v.transform((list) => list as unknown[]),
    v.array(item)
  )
}

const share = v.nullish(number({ min: 0, max: 1 }), null)

const workloadClassSchema = object(
  {
    vcpu: number({ min: 0, max: L.maxVcpu, isMinExclusive: true }),
    ramGib: number({ min: 0, max: L.maxRamGib, isMinExclusive: true }),
    diskGib: number({ min: 0, max: L.maxDiskGib }),
    count: number({ min: 1, max: L.maxCount, isInteger: true }),
    petShare: share,
    ftShare: share,
  },
  'an object with vcpu, ramGib, diskGib and count'
)

const estateSchema = object(
  {
    sources: listOf(
      object(
        { name: text({ maxChars: L.maxSourceNameChars }), kind: choice(SOURCE_KINDS) },
        'an object with name and kind'
      ),
      (length) => length <= L.maxSources,
      `must be a list of at most ${L.maxSources} files`
    ),
    importedAt: v.pipe(
      text({ maxChars: 40 }),
      v.check((s) => Number.isFinite(Date.parse(s)), 'must be an ISO 8601 date and time')
    ),
    includePoweredOff: flag,
    includeTemplates: flag,
    vms: object(
      {
        rows: count(L.maxRows),
        templates: count(L.maxRows),
        poweredOn: count(L.maxRows),
        poweredOff: count(L.maxRows),
        included: count(L.maxRows),
      },
      'an object of VM counts'
    ),
    hosts: v.nullish(
      object(
        {
          count: count(L.maxHosts),
          sockets: v.nullish(count(8 * L.maxHosts), null),
          cores: number({ min: 0, max: 1024 * L.maxHosts }),
          ramGib: v.nullish(number({ min: 0, max: L.maxRamGib * L.maxHosts }), null),
          licensedCores: v.nullish(number({ min: 0, max: 1024 * L.maxHosts }), null),
        },
        'an object of host totals, or null'
      ),
      null
    ),
    warnings: v.nullish(count(L.maxRows), 0),
  },
  'an object describing the imported inventory'
)

/**
 * A workload mix: 1 to WORKLOAD_MIX_LIMITS.maxClasses classes (each with vCPU and RAM above 0, disk ≥ 0, a
 * whole count ≥ 1, shares 0–1 or null) whose counts add up to at most the largest fleet, and the import it
 * came from (aggregates only), or null.
 */
const workloadMixSchema = object(
  {
    classes: v.pipe(
      listOf(
        workloadClassSchema,
        (length) => length >= 1 && length <= L.maxClasses,
        `must be a list of 1 to ${L.maxClasses} VM classes`
      ),
      v.check(
        (classes) => classes.reduce((n, c) => n + c.count, 0) <= FLEET_VMS_LIMITS.max,
        (issue) =>
          `the classes hold ${formatCount(issue.input.reduce((n, c) => n + c.count, 0))} VMs; the most a plan takes is ${formatCount(FLEET_VMS_LIMITS.max)}`
      )
    ),
    estate: v.nullish(estateSchema, null),
  },
  'an object with classes and estate'
)

// ----- The plan -----

/** Level of `plan.extensions` in the document: envelope 1, plan 2, extensions 3. */
const EXTENSIONS_DEPTH = 3

const DEFAULT_PLAN = createDefaultPlan()

/** The keys of the plan object, in the order a planning file writes them. */
const planShape = {
  name: v.optional(text({ maxChars: PLAN_FILE_LIMITS.maxNameChars }), DEFAULT_PLAN.name),
  notes: v.optional(text({ maxChars: PLAN_FILE_LIMITS.maxNotesChars }), DEFAULT_PLAN.notes),
  assumptions: v.optional(assumptionsSchema, () => ({})),
  ranges: v.optional(rangesSchema, () => ({})),
  scenarios: v.optional(scenariosSchema, () => createDefaultPlan().scenarios),
  view: v.optional(viewSchema, () => ({})),
  scorecard: v.optional(scorecardSchema, () => ({})),
  // Present only once the user has chosen them, so the default plan's file stays as it was.
  monteCarlo: v.optional(monteCarloSchema),
  // Only in plans with an imported or hand-made mix: a simple plan's file has no such key.
  workloadMix: v.optional(workloadMixSchema),
  extensions: v.optional(
    v.pipe(
      dictionary('an object'),
      v.transform((obj) => copyJsonData(obj, 'extensions', EXTENSIONS_DEPTH) as Record<string, unknown>)
    ),
    () => ({})
  ),
}

/** Optional plan parts that are left out, not written as undefined. */
function withoutUndefined<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  const out = { ...value }
  for (const key of keys) if (out[key] === undefined) delete out[key]
  return out
}

/**
 * The plan object as a planning file holds it (and as the app holds it). Parsing returns a fresh,
 * normalized plan: missing optional parts take the defaults of createDefaultPlan(), base values equal to
 * the catalog default are dropped, -0 reads as 0, and a view pointing at a missing scenario opens the first.
 */
export const PLAN_SCHEMA = v.pipe(
  object(planShape, 'an object holding the plan'),
  v.transform((plan) => {
    const ids = plan.scenarios.map((s) => s.id)
    const wanted = plan.view.activeScenarioId ?? DEFAULT_VIEW.activeScenarioId
    // A view that points at a scenario no longer in the plan opens the first one rather than refusing the file.
    const activeScenarioId = ids.includes(wanted) ? wanted : (ids[0] ?? DEFAULT_VIEW.activeScenarioId)
    return withoutUndefined({ ...plan, view: { ...plan.view, activeScenarioId } }, [
      'monteCarlo',
      'workloadMix',
    ])
  })
)

type PlanOutput = v.InferOutput<typeof PLAN_SCHEMA>

/** True when A and B are assignable to each other. */
type IsMutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/** The compiler checks the Plan type and the schema's output against each other, both ways. */
export const PLAN_TYPE_MATCHES_SCHEMA: IsMutual<PlanOutput, Plan> = true
