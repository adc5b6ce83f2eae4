import {
  findAssumption,
  type Assumption,
  type AssumptionValue,
  type NumberAssumption,
} from '../catalog/catalog'
import {
  createDefaultPlan,
  defaultScorecard,
  type CostMetric,
  type Distribution,
  type ImportedEstate,
  type InventorySourceKind,
  type WorkloadClass,
  type WorkloadMix,
  type MonteCarloSettings,
  type Plan,
  type Scenario,
  type ScoreRound,
  type Scorecard,
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
import { formatCount, refuse } from './errors'
import { isDefaultValue, valuesProblems } from '../catalog/values'

/** A parsed JSON object. */
export type JsonObject = { [key: string]: unknown }

/** Keys refused anywhere in a planning file: they are how prototype pollution travels. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

const PLAN_KEYS = [
  'name',
  'notes',
  'assumptions',
  'ranges',
  'scenarios',
  'view',
  'scorecard',
  'monteCarlo',
  'workloadMix',
  'extensions',
] as const
const MONTE_CARLO_KEYS = ['samples', 'seed'] as const
const SCENARIO_KEYS = ['id', 'name', 'overrides'] as const
const DISTRIBUTION_KEYS = ['kind', 'low', 'likely', 'high'] as const
const VIEW_KEYS = [
  'metric',
  'activeScenarioId',
  'fleetUnit',
  'curveFromVms',
  'curveToVms',
  'curvePoints',
] as const
const SCORECARD_KEYS = ['design', 'features', 'useCases', 'valueWeight'] as const
const SCORE_ROUND_KEYS = ['vmware', 'openstack', 'weight'] as const

export const DISTRIBUTION_KINDS: readonly Distribution['kind'][] = [
  'uniform',
  'triangular',
  'pert',
  'lognormal',
]
export const COST_METRICS: readonly CostMetric[] = ['annual', 'npv', 'perVmMonth']
export const FLEET_UNITS: readonly ViewSettings['fleetUnit'][] = ['vms', 'hosts']

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasValue(obj: JsonObject, key: string): boolean {
  return Object.hasOwn(obj, key) && obj[key] !== undefined
}

/** An own property only: a missing key never reads through to Object.prototype. */
function own(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined
}

function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`
}

function fmt(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 })
}

/** -0 reads as 0: JSON writes it as 0 anyway, so a round trip stays exact. */
function plainZero(value: number): number {
  return value === 0 ? 0 : value
}

/** Refuses nesting beyond the depth limit; `depth` is the level of the value at `where` (the root is 1). */
function checkDepth(where: string, depth: number): void {
  if (depth > PLAN_FILE_LIMITS.maxDepth) {
    refuse(
      'invalidStructure',
      `This planning file is nested too deeply at ${where || 'the top level'} (more than ${PLAN_FILE_LIMITS.maxDepth} levels)`,
      where
    )
  }
}

/** Refuses a list with more items than the limit. */
function checkListSize(items: readonly unknown[], where: string): void {
  if (items.length > PLAN_FILE_LIMITS.maxArrayItems) {
    refuse(
      'tooLarge',
      `This planning file is too large: the list at ${where || 'the top level'} has ${formatCount(items.length)} items; the limit is ${formatCount(PLAN_FILE_LIMITS.maxArrayItems)}`,
      where
    )
  }
}

/** Refuses an object with more keys than the limit. */
function checkObjectSize(keys: readonly string[], where: string): void {
  if (keys.length > PLAN_FILE_LIMITS.maxObjectKeys) {
    refuse(
      'tooLarge',
      `This planning file is too large: the object at ${where || 'the top level'} has ${formatCount(keys.length)} keys; the limit is ${formatCount(PLAN_FILE_LIMITS.maxObjectKeys)}`,
      where
    )
  }
}

/** Refuses the prototype keys `__proto__`, `constructor` and `prototype`. */
function checkKey(key: string, where: string): void {
  if (FORBIDDEN_KEYS.has(key)) {
    refuse(
      'invalidStructure',
      `Refused key "${key}" at ${where || 'the top level'}: keys named __proto__, constructor or prototype are not allowed in a planning file`,
      joinPath(where, key)
    )
  }
}

/**
 * Walks a whole parsed document and refuses prototype keys (`__proto__`, `constructor`, `prototype`),
 * objects with too many keys, arrays with too many items and nesting beyond the depth limit (the root is
 * level 1). Recursion is bounded by that limit. The same checks guard `copyJsonData`.
 */
export function checkDocumentSafety(value: unknown, path = '', depth = 1): void {
  if (typeof value !== 'object' || value === null) return
  checkDepth(path, depth)
  if (Array.isArray(value)) {
    checkListSize(value, path)
    for (let i = 0; i < value.length; i++) checkDocumentSafety(value[i], `${path}[${i}]`, depth + 1)
    return
  }
  const keys = Object.keys(value)
  checkObjectSize(keys, path)
  for (const key of keys) {
    checkKey(key, path)
    checkDocumentSafety((value as JsonObject)[key], joinPath(path, key), depth + 1)
  }
}

function expectObject(value: unknown, where: string, what: string): JsonObject {
  if (!isJsonObject(value))
    refuse('invalidStructure', `Invalid planning file: ${where} must be ${what}`, where)
  return value
}

function rejectUnknownKeys(obj: JsonObject, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      refuse(
        'unknownKey',
        `Unknown key at ${where}: "${key}" is not something this version of Stackplan reads (expected ${allowed.join(', ')})`,
        joinPath(where, key)
      )
    }
  }
}

function text(value: unknown, where: string, maxChars: number): string {
  if (typeof value !== 'string') {
    refuse(
      'invalidValue',
      `Invalid value at ${where}: must be text of at most ${formatCount(maxChars)} characters`,
      where
    )
  }
  if (value.length > maxChars) {
    refuse(
      'invalidValue',
      `Invalid value at ${where}: the text is ${formatCount(value.length)} characters long; the limit is ${formatCount(maxChars)}`,
      where
    )
  }
  return value
}

function choice<T extends string>(value: unknown, where: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    refuse('invalidValue', `Invalid value at ${where}: must be one of ${options.join(', ')}`, where)
  }
  return value as T
}

interface NumberRule {
  min: number
  max: number
  isInteger?: boolean
  /** The minimum itself is not allowed. */
  isMinExclusive?: boolean
}

function describeRule(rule: NumberRule): string {
  const range = rule.isMinExclusive
    ? `greater than ${fmt(rule.min)} and at most ${fmt(rule.max)}`
    : `${fmt(rule.min)} to ${fmt(rule.max)}`
  return `allowed: ${range}${rule.isInteger ? ', whole numbers' : ''}`
}

function numberIn(value: unknown, where: string, rule: NumberRule): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    refuse(
      'invalidValue',
      `Invalid value at ${where}: must be a finite number (${describeRule(rule)})`,
      where
    )
  }
  const isBelow = rule.isMinExclusive ? value <= rule.min : value < rule.min
  if (isBelow || value > rule.max) {
    refuse(
      'invalidValue',
      `Invalid value at ${where}: ${value} is out of range (${describeRule(rule)})`,
      where
    )
  }
  if (rule.isInteger && !Number.isInteger(value)) {
    refuse(
      'invalidValue',
      `Invalid value at ${where}: ${value} must be a whole number (${describeRule(rule)})`,
      where
    )
  }
  return plainZero(value)
}

/** The catalog's message for a value problem, without the key it starts with (the refusal names it). */
function withoutKeyPrefix(message: string, key: string): string {
  for (const prefix of [`${key} = `, `${key}: `, `${key} `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length)
  }
  return message
}

function copyAssumptionValue(value: AssumptionValue): AssumptionValue {
  if (Array.isArray(value)) return value.map((v: number) => plainZero(v))
  return typeof value === 'number' ? plainZero(value) : value
}

/**
 * Validates assumption values with the catalog (valuesProblems): unknown keys and out-of-range values are
 * refused naming the key. `scenarioName` names the scenario in messages about overrides. Base values equal
 * to the catalog default are dropped when `isDroppingDefaults` (a plan stores only what differs).
 */
function assumptionValues(
  value: unknown,
  where: string,
  scenarioName: string | null,
  isDroppingDefaults: boolean
): Record<string, AssumptionValue> {
  const obj = expectObject(value, where, 'an object of assumption values by key')
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
    const v = obj[key] as AssumptionValue
    if (isDroppingDefaults && isDefaultValue(key, v)) continue
    out[key] = copyAssumptionValue(v)
  }
  return out
}

function catalogRule(a: NumberAssumption): NumberRule {
  return { min: a.min, max: a.max, isMinExclusive: a.minExclusive === true }
}

function kindWord(a: Assumption): string {
  return a.kind === 'choice' ? 'a choice' : a.kind === 'currency' ? 'a currency code' : `a ${a.kind}`
}

function distribution(value: unknown, key: string, a: NumberAssumption): Distribution {
  const where = `ranges.${key}`
  const obj = expectObject(
    value,
    where,
    'an object with kind, low, high and (for triangular and PERT) likely'
  )
  rejectUnknownKeys(obj, DISTRIBUTION_KEYS, where)
  const kind = choice(own(obj, 'kind'), `${where}.kind`, DISTRIBUTION_KINDS)
  const rule = catalogRule(a)
  const low = numberIn(own(obj, 'low'), `${where}.low`, rule)
  const high = numberIn(own(obj, 'high'), `${where}.high`, rule)
  if (low > high)
    refuse('invalidValue', `Invalid value at ${where}: low (${low}) is above high (${high})`, where)
  if (kind === 'lognormal' && low <= 0) {
    refuse(
      'invalidValue',
      `Invalid value at ${where}.low: a lognormal range needs a low above 0 (found ${low})`,
      `${where}.low`
    )
  }
  if (!hasValue(obj, 'likely')) {
    if (kind === 'triangular' || kind === 'pert') {
      refuse(
        'invalidValue',
        `Invalid value at ${where}.likely: a ${kind === 'pert' ? 'PERT' : kind} range needs a most likely value between low and high`,
        `${where}.likely`
      )
    }
    return { kind, low, high }
  }
  const likely = numberIn(obj.likely, `${where}.likely`, rule)
  if (likely < low || likely > high) {
    refuse(
      'invalidValue',
      `Invalid value at ${where}.likely: ${likely} must lie between low (${low}) and high (${high})`,
      `${where}.likely`
    )
  }
  return { kind, low, likely, high }
}

function ranges(value: unknown): Record<string, Distribution> {
  const obj = expectObject(value, 'ranges', 'an object of ranges by assumption key')
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
    out[key] = distribution(obj[key], key, a)
  }
  return out
}

function scenarios(value: unknown): Scenario[] {
  if (!Array.isArray(value))
    refuse('invalidStructure', 'Invalid planning file: scenarios must be a list of scenarios', 'scenarios')
  if (value.length === 0)
    refuse('invalidStructure', 'Invalid planning file: a plan needs at least one scenario', 'scenarios')
  if (value.length > PLAN_FILE_LIMITS.maxScenarios) {
    refuse(
      'tooLarge',
      `This plan has ${formatCount(value.length)} scenarios; the limit is ${formatCount(PLAN_FILE_LIMITS.maxScenarios)}`,
      'scenarios'
    )
  }
  const ids = new Set<string>()
  const out: Scenario[] = []
  // An index loop, not map(): map skips holes, and a hole must be refused like any non-object.
  for (let i = 0; i < value.length; i++) {
    const where = `scenarios[${i}]`
    const obj = expectObject(value[i], where, 'an object with id, name and overrides')
    rejectUnknownKeys(obj, SCENARIO_KEYS, where)
    const id = own(obj, 'id')
    if (typeof id !== 'string' || id.length === 0 || id.length > PLAN_FILE_LIMITS.maxScenarioIdChars) {
      refuse(
        'invalidValue',
        `Invalid value at ${where}.id: must be text of 1 to ${PLAN_FILE_LIMITS.maxScenarioIdChars} characters`,
        `${where}.id`
      )
    }
    if (ids.has(id)) {
      refuse(
        'invalidValue',
        `Invalid value at ${where}.id: "${id}" is used by two scenarios; ids must be unique`,
        `${where}.id`
      )
    }
    ids.add(id)
    const name = text(own(obj, 'name'), `${where}.name`, PLAN_FILE_LIMITS.maxNameChars)
    const overrides = hasValue(obj, 'overrides')
      ? assumptionValues(obj.overrides, `${where}.overrides`, name, false)
      : {}
    out.push({ id, name, overrides })
  }
  return out
}

function view(value: unknown, scenarioIds: readonly string[]): ViewSettings {
  const defaults = createDefaultPlan().view
  const firstId = scenarioIds[0] ?? defaults.activeScenarioId
  const obj = value === undefined ? {} : expectObject(value, 'view', 'an object of view settings')
  rejectUnknownKeys(obj, VIEW_KEYS, 'view')
  const metric = hasValue(obj, 'metric') ? choice(obj.metric, 'view.metric', COST_METRICS) : defaults.metric
  const fleetUnit = hasValue(obj, 'fleetUnit')
    ? choice(obj.fleetUnit, 'view.fleetUnit', FLEET_UNITS)
    : defaults.fleetUnit
  let activeScenarioId = scenarioIds.includes(defaults.activeScenarioId) ? defaults.activeScenarioId : firstId
  if (hasValue(obj, 'activeScenarioId')) {
    const id = text(obj.activeScenarioId, 'view.activeScenarioId', PLAN_FILE_LIMITS.maxScenarioIdChars)
    // A view that points at a scenario no longer in the plan opens the first one rather than refusing the file.
    activeScenarioId = scenarioIds.includes(id) ? id : firstId
  }
  const vmsRule: NumberRule = { min: CURVE_LIMITS.minVms, max: CURVE_LIMITS.maxVms, isInteger: true }
  const curveFromVms = hasValue(obj, 'curveFromVms')
    ? numberIn(obj.curveFromVms, 'view.curveFromVms', vmsRule)
    : defaults.curveFromVms
  const curveToVms = hasValue(obj, 'curveToVms')
    ? numberIn(obj.curveToVms, 'view.curveToVms', vmsRule)
    : defaults.curveToVms
  if (curveToVms <= curveFromVms) {
    refuse(
      'invalidValue',
      `Invalid value at view.curveToVms: ${curveToVms} must be above view.curveFromVms (${curveFromVms})`,
      'view.curveToVms'
    )
  }
  const curvePoints = hasValue(obj, 'curvePoints')
    ? numberIn(obj.curvePoints, 'view.curvePoints', {
        min: CURVE_LIMITS.minPoints,
        max: CURVE_LIMITS.maxPoints,
        isInteger: true,
      })
    : defaults.curvePoints
  return { metric, activeScenarioId, fleetUnit, curveFromVms, curveToVms, curvePoints }
}

function scoreRound(value: unknown, where: string, defaults: ScoreRound): ScoreRound {
  const obj =
    value === undefined ? {} : expectObject(value, where, 'an object with vmware, openstack and weight')
  rejectUnknownKeys(obj, SCORE_ROUND_KEYS, where)
  const rule: NumberRule = { min: 0, max: SCORE_MAX }
  const field = (key: keyof ScoreRound): number =>
    hasValue(obj, key) ? numberIn(obj[key], `${where}.${key}`, rule) : defaults[key]
  return { vmware: field('vmware'), openstack: field('openstack'), weight: field('weight') }
}

function scorecard(value: unknown): Scorecard {
  const defaults = defaultScorecard()
  const obj = value === undefined ? {} : expectObject(value, 'scorecard', 'an object of scorecard rounds')
  rejectUnknownKeys(obj, SCORECARD_KEYS, 'scorecard')
  return {
    design: scoreRound(own(obj, 'design'), 'scorecard.design', defaults.design),
    features: scoreRound(own(obj, 'features'), 'scorecard.features', defaults.features),
    useCases: scoreRound(own(obj, 'useCases'), 'scorecard.useCases', defaults.useCases),
    valueWeight: hasValue(obj, 'valueWeight')
      ? numberIn(obj.valueWeight, 'scorecard.valueWeight', { min: 0, max: SCORE_MAX })
      : defaults.valueWeight,
  }
}

function describeNonJson(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'object' && value !== null)
    return `an object of type ${value.constructor?.name ?? 'unknown'}`
  return `a ${typeof value}`
}

/**
 * A deep copy of JSON data kept for other tools or newer versions. Refuses what JSON cannot hold exactly
 * (non-finite numbers, undefined, functions, class instances, holes), prototype keys, and nesting beyond
 * the depth limit (which also stops cycles). `depth` is the level of `value` in the whole document.
 */
export function copyJsonData(value: unknown, where: string, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      refuse(
        'invalidValue',
        `Invalid value at ${where}: ${value} is not a finite number; only finite numbers can be stored`,
        where
      )
    }
    return plainZero(value)
  }
  const isArray = Array.isArray(value)
  const isPlainObject =
    isJsonObject(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null)
  if (!isArray && !isPlainObject) {
    refuse(
      'invalidValue',
      `Invalid value at ${where}: only JSON data (text, numbers, true/false, null, lists and objects) can be stored, not ${describeNonJson(value)}`,
      where
    )
  }
  checkDepth(where, depth)
  if (isArray) {
    const items = value as unknown[]
    checkListSize(items, where)
    const out: unknown[] = []
    // An index loop, not map(): map skips holes, which JSON cannot hold.
    for (let i = 0; i < items.length; i++) out.push(copyJsonData(items[i], `${where}[${i}]`, depth + 1))
    return out
  }
  const obj = value as JsonObject
  const keys = Object.keys(obj)
  checkObjectSize(keys, where)
  const out: JsonObject = {}
  for (const key of keys) {
    checkKey(key, where)
    // Safe: prototype keys were refused just above, so this assignment only ever creates an own property.
    out[key] = copyJsonData(obj[key], joinPath(where, key), depth + 1)
  }
  return out
}

/** Level of `plan.extensions` in the document: envelope 1, plan 2, extensions 3. */
const EXTENSIONS_DEPTH = 3

/**
 * Validates a plan object as it stands in a planning file (or as the app holds it) and returns a fresh,
 * normalized Plan: missing optional parts take the defaults of createDefaultPlan(), base values equal to
 * the catalog default are dropped, a view pointing at a missing scenario falls back to the first one.
 * Throws a PlanFileRefusal naming the first problem found.
 */
export function validatePlan(value: unknown): Plan {
  const obj = expectObject(value, 'plan', 'an object holding the plan')
  rejectUnknownKeys(obj, PLAN_KEYS, 'plan')
  const defaults = createDefaultPlan()
  const name = hasValue(obj, 'name') ? text(obj.name, 'name', PLAN_FILE_LIMITS.maxNameChars) : defaults.name
  const notes = hasValue(obj, 'notes')
    ? text(obj.notes, 'notes', PLAN_FILE_LIMITS.maxNotesChars)
    : defaults.notes
  const assumptions = hasValue(obj, 'assumptions')
    ? assumptionValues(obj.assumptions, 'assumptions', null, true)
    : {}
  const rangesByKey = hasValue(obj, 'ranges') ? ranges(obj.ranges) : {}
  const scenarioList = hasValue(obj, 'scenarios') ? scenarios(obj.scenarios) : defaults.scenarios
  const viewSettings = view(
    own(obj, 'view'),
    scenarioList.map((s) => s.id)
  )
  const card = scorecard(own(obj, 'scorecard'))
  const monteCarlo = hasValue(obj, 'monteCarlo') ? monteCarloSettings(obj.monteCarlo) : undefined
  const mix = hasValue(obj, 'workloadMix') ? workloadMix(obj.workloadMix) : undefined
  const extensions = hasValue(obj, 'extensions')
    ? (copyJsonData(
        expectObject(obj.extensions, 'extensions', 'an object'),
        'extensions',
        EXTENSIONS_DEPTH
      ) as JsonObject)
    : {}
  return {
    name,
    notes,
    assumptions,
    ranges: rangesByKey,
    scenarios: scenarioList,
    view: viewSettings,
    scorecard: card,
    ...(monteCarlo ? { monteCarlo } : {}),
    ...(mix ? { workloadMix: mix } : {}),
    extensions,
  }
}

/** Monte Carlo sample count (1–100,000) and seed (0–4,294,967,295), both whole numbers. */
function monteCarloSettings(value: unknown): MonteCarloSettings {
  const obj = expectObject(value, 'monteCarlo', 'an object with samples and seed')
  rejectUnknownKeys(obj, MONTE_CARLO_KEYS, 'monteCarlo')
  return {
    samples: numberIn(own(obj, 'samples') ?? MONTE_CARLO_DEFAULTS.samples, 'monteCarlo.samples', {
      min: 1,
      max: MAX_MONTE_CARLO_SAMPLES,
      isInteger: true,
    }),
    seed: numberIn(own(obj, 'seed') ?? MONTE_CARLO_DEFAULTS.seed, 'monteCarlo.seed', {
      min: 0,
      max: MAX_SEED,
      isInteger: true,
    }),
  }
}

const WORKLOAD_MIX_KEYS = ['classes', 'estate'] as const
const WORKLOAD_CLASS_KEYS = ['vcpu', 'ramGib', 'diskGib', 'count', 'petShare', 'ftShare'] as const
const ESTATE_KEYS = [
  'sources',
  'importedAt',
  'includePoweredOff',
  'includeTemplates',
  'vms',
  'hosts',
  'warnings',
] as const
const ESTATE_VMS_KEYS = ['rows', 'templates', 'poweredOn', 'poweredOff', 'included'] as const
const ESTATE_HOSTS_KEYS = ['count', 'sockets', 'cores', 'ramGib', 'licensedCores'] as const
const SOURCE_KEYS = ['name', 'kind'] as const
const SOURCE_KINDS: readonly InventorySourceKind[] = ['rvtools-xlsx', 'rvtools-csv', 'plain-csv']

function flag(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean')
    refuse('invalidValue', `Invalid value at ${where}: must be true or false`, where)
  return value
}

function shareOrNull(value: unknown, where: string): number | null {
  return value === null || value === undefined ? null : numberIn(value, where, { min: 0, max: 1 })
}

function countIn(value: unknown, where: string, max: number): number {
  return numberIn(value, where, { min: 0, max, isInteger: true })
}

function countOrNull(value: unknown, where: string, max: number): number | null {
  return value === null ? null : countIn(value, where, max)
}

function workloadClass(value: unknown, where: string): WorkloadClass {
  const obj = expectObject(value, where, 'an object with vcpu, ramGib, diskGib and count')
  rejectUnknownKeys(obj, WORKLOAD_CLASS_KEYS, where)
  const L = WORKLOAD_MIX_LIMITS
  return {
    vcpu: numberIn(own(obj, 'vcpu'), `${where}.vcpu`, { min: 0, max: L.maxVcpu, isMinExclusive: true }),
    ramGib: numberIn(own(obj, 'ramGib'), `${where}.ramGib`, {
      min: 0,
      max: L.maxRamGib,
      isMinExclusive: true,
    }),
    diskGib: numberIn(own(obj, 'diskGib'), `${where}.diskGib`, { min: 0, max: L.maxDiskGib }),
    count: numberIn(own(obj, 'count'), `${where}.count`, { min: 1, max: L.maxCount, isInteger: true }),
    petShare: shareOrNull(own(obj, 'petShare'), `${where}.petShare`),
    ftShare: shareOrNull(own(obj, 'ftShare'), `${where}.ftShare`),
  }
}

function importedEstate(value: unknown): ImportedEstate {
  const where = 'workloadMix.estate'
  const obj = expectObject(value, where, 'an object describing the imported inventory')
  rejectUnknownKeys(obj, ESTATE_KEYS, where)
  const L = WORKLOAD_MIX_LIMITS
  const sourceList = own(obj, 'sources')
  if (!Array.isArray(sourceList) || sourceList.length > L.maxSources) {
    refuse(
      'invalidValue',
      `Invalid value at ${where}.sources: must be a list of at most ${L.maxSources} files`,
      `${where}.sources`
    )
  }
  const sources = sourceList.map((item: unknown, i) => {
    const at = `${where}.sources[${i}]`
    const source = expectObject(item, at, 'an object with name and kind')
    rejectUnknownKeys(source, SOURCE_KEYS, at)
    return {
      name: text(own(source, 'name'), `${at}.name`, L.maxSourceNameChars),
      kind: choice(own(source, 'kind'), `${at}.kind`, SOURCE_KINDS),
    }
  })
  const importedAt = text(own(obj, 'importedAt'), `${where}.importedAt`, 40)
  if (!Number.isFinite(Date.parse(importedAt))) {
    refuse(
      'invalidValue',
      `Invalid value at ${where}.importedAt: must be an ISO 8601 date and time`,
      `${where}.importedAt`
    )
  }
  const vmsObj = expectObject(own(obj, 'vms'), `${where}.vms`, 'an object of VM counts')
  rejectUnknownKeys(vmsObj, ESTATE_VMS_KEYS, `${where}.vms`)
  const vmCount = (key: (typeof ESTATE_VMS_KEYS)[number]) =>
    countIn(own(vmsObj, key), `${where}.vms.${key}`, L.maxRows)
  const hostsValue = own(obj, 'hosts')
  let hosts: ImportedEstate['hosts'] = null
  if (hostsValue !== null && hostsValue !== undefined) {
    const at = `${where}.hosts`
    const h = expectObject(hostsValue, at, 'an object of host totals, or null')
    rejectUnknownKeys(h, ESTATE_HOSTS_KEYS, at)
    hosts = {
      count: countIn(own(h, 'count'), `${at}.count`, L.maxHosts),
      sockets: countOrNull(own(h, 'sockets') ?? null, `${at}.sockets`, 8 * L.maxHosts),
      cores: numberIn(own(h, 'cores'), `${at}.cores`, { min: 0, max: 1024 * L.maxHosts }),
      ramGib:
        own(h, 'ramGib') == null
          ? null
          : numberIn(own(h, 'ramGib'), `${at}.ramGib`, { min: 0, max: L.maxRamGib * L.maxHosts }),
      licensedCores:
        own(h, 'licensedCores') == null
          ? null
          : numberIn(own(h, 'licensedCores'), `${at}.licensedCores`, { min: 0, max: 1024 * L.maxHosts }),
    }
  }
  return {
    sources,
    importedAt,
    includePoweredOff: flag(own(obj, 'includePoweredOff'), `${where}.includePoweredOff`),
    includeTemplates: flag(own(obj, 'includeTemplates'), `${where}.includeTemplates`),
    vms: {
      rows: vmCount('rows'),
      templates: vmCount('templates'),
      poweredOn: vmCount('poweredOn'),
      poweredOff: vmCount('poweredOff'),
      included: vmCount('included'),
    },
    hosts,
    warnings: countIn(own(obj, 'warnings') ?? 0, `${where}.warnings`, L.maxRows),
  }
}

/**
 * A workload mix: 1 to WORKLOAD_MIX_LIMITS.maxClasses classes (each with vCPU and RAM above 0, disk ≥ 0, a
 * whole count ≥ 1, shares 0–1 or null) whose counts add up to at most the largest fleet, and the import it
 * came from (aggregates only), or null.
 */
function workloadMix(value: unknown): WorkloadMix {
  const obj = expectObject(value, 'workloadMix', 'an object with classes and estate')
  rejectUnknownKeys(obj, WORKLOAD_MIX_KEYS, 'workloadMix')
  const list = own(obj, 'classes')
  if (!Array.isArray(list) || list.length === 0 || list.length > WORKLOAD_MIX_LIMITS.maxClasses) {
    refuse(
      'invalidValue',
      `Invalid value at workloadMix.classes: must be a list of 1 to ${WORKLOAD_MIX_LIMITS.maxClasses} VM classes`,
      'workloadMix.classes'
    )
  }
  const classes = list.map((item: unknown, i) => workloadClass(item, `workloadMix.classes[${i}]`))
  const total = classes.reduce((n, c) => n + c.count, 0)
  if (total > FLEET_VMS_LIMITS.max) {
    refuse(
      'invalidValue',
      `Invalid value at workloadMix.classes: the classes hold ${formatCount(total)} VMs; the most a plan takes is ${formatCount(FLEET_VMS_LIMITS.max)}`,
      'workloadMix.classes'
    )
  }
  const estate = own(obj, 'estate')
  return { classes, estate: estate === null || estate === undefined ? null : importedEstate(estate) }
}
