import { CATALOG, describeRange, findAssumption, type Assumption, type AssumptionValue } from './catalog'
import { ISO_4217_CODES } from './iso-4217'
import { profileProblem } from './profile'

/** Assumption values by key. Only the keys that differ from the catalog default need to be present. */
export type AssumptionValues = Readonly<Record<string, AssumptionValue>>

/** Why a value was refused, as a code the window translates (it adds the label and the range). */
export type ValueIssueCode =
  | 'notFinite'
  | 'outOfRange'
  | 'notWhole'
  | 'notBoolean'
  | 'notOption'
  | 'notCurrency'
  | 'badProfile'
  | 'unknownKey'

/**
 * A refused value as data: the code, the assumption's key, the refused number where there is one, and the
 * allowed range of a numeric assumption. `describeValueIssue` words it in English for the CLI and files.
 */
export interface ValueIssue {
  code: ValueIssueCode
  key: string
  /** The refused number (outOfRange). */
  value?: number
  /** The allowed range (numeric assumptions). */
  range?: { min: number; max: number; isMinExclusive: boolean; isInteger: boolean }
  /** What is wrong with a weekly profile, in English. */
  detail?: string
}

/** A refusal that names the key and the allowed range, in a sentence a user understands, and as data. */
export interface ValueProblem {
  key: string
  message: string
  issue: ValueIssue
}

/** Why `value` is not allowed for assumption `a` as data, or null when it is. Never coerces. */
export function valueIssue(a: Assumption, value: unknown): ValueIssue | null {
  const key = a.key
  switch (a.kind) {
    case 'number': {
      const range = {
        min: a.min,
        max: a.max,
        isMinExclusive: a.minExclusive === true,
        isInteger: a.isInteger,
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'notFinite', key, range }
      const belowMin = a.minExclusive ? value <= a.min : value < a.min
      if (belowMin || value > a.max) return { code: 'outOfRange', key, value, range }
      if (a.isInteger && !Number.isInteger(value)) return { code: 'notWhole', key, value, range }
      return null
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : { code: 'notBoolean', key }
    case 'choice':
      return typeof value === 'string' && a.options.includes(value) ? null : { code: 'notOption', key }
    case 'currency':
      return typeof value === 'string' && ISO_4217_CODES.has(value) ? null : { code: 'notCurrency', key }
    case 'profile': {
      const detail = profileProblem(value)
      return detail ? { code: 'badProfile', key, detail } : null
    }
  }
}

/** A value issue as the English sentence the CLI and the planning file speak: it names the key and range. */
export function describeValueIssue(issue: ValueIssue): string {
  const { key } = issue
  const a = findAssumption(key)
  if (!a || issue.code === 'unknownKey')
    return `unknown assumption key "${key}" (run \`stackplan assumptions\` for the list)`
  const allowed = `allowed: ${describeRange(a)}`
  switch (issue.code) {
    case 'notFinite':
      return `${key} must be a finite number (${allowed})`
    case 'outOfRange':
      return `${key} = ${issue.value} is out of range (${allowed})`
    case 'notWhole':
      return `${key} must be a whole number (${allowed})`
    case 'notBoolean':
      return `${key} must be true or false`
    case 'notOption':
    case 'notCurrency':
      return `${key} must be ${describeRange(a)}`
    case 'badProfile':
      return `${key}: ${issue.detail}`
  }
}

/** Why `value` is not allowed for assumption `a`, or null when it is. Never coerces: "12" is not a number. */
export function valueProblem(a: Assumption, value: unknown): string | null {
  const issue = valueIssue(a, value)
  return issue ? describeValueIssue(issue) : null
}

/** Checks a set of values: unknown keys and out-of-range values are reported, one problem per key. */
export function valuesProblems(values: Readonly<Record<string, unknown>>): ValueProblem[] {
  const problems: ValueProblem[] = []
  for (const key of Object.keys(values)) {
    const a = findAssumption(key)
    const issue: ValueIssue | null = a ? valueIssue(a, values[key]) : { code: 'unknownKey', key }
    if (issue) problems.push({ key, message: describeValueIssue(issue), issue })
  }
  return problems
}

/**
 * Parses the text form of a value for `--set KEY=VALUE` and form fields: numbers (with optional
 * thousands separators "_" or ","), true/false/on/off/yes/no, choices, currency codes, and 168
 * comma-separated profile values. Returns the value or a problem naming the key and range.
 */
export function parseValueText(
  key: string,
  text: string
): { ok: true; value: AssumptionValue } | { ok: false; message: string; issue: ValueIssue } {
  const a = findAssumption(key)
  if (!a) {
    const issue: ValueIssue = { code: 'unknownKey', key }
    return { ok: false, message: describeValueIssue(issue), issue }
  }
  const trimmed = text.trim()
  let value: unknown
  switch (a.kind) {
    case 'number':
      // Thousands separators group three digits ("1,000,000", "1_000"): "1,5" is refused, never 15.
      value = /^[-+]?(?:(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(
        trimmed
      )
        ? Number(trimmed.replace(/[_,]/g, ''))
        : NaN
      break
    case 'boolean': {
      const t = trimmed.toLowerCase()
      value = ['true', 'on', 'yes', '1'].includes(t)
        ? true
        : ['false', 'off', 'no', '0'].includes(t)
          ? false
          : trimmed
      break
    }
    case 'currency':
      value = trimmed.toUpperCase()
      break
    case 'choice':
      value = a.options.find((o) => o.toLowerCase() === trimmed.toLowerCase()) ?? trimmed
      break
    case 'profile':
      value = trimmed
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(Number)
      break
  }
  const issue = valueIssue(a, value)
  return issue
    ? { ok: false, message: describeValueIssue(issue), issue }
    : { ok: true, value: value as AssumptionValue }
}

/** Every catalog default, by key. */
export function catalogDefaults(): Record<string, AssumptionValue> {
  const out: Record<string, AssumptionValue> = {}
  for (const a of CATALOG) out[a.key] = a.kind === 'profile' ? [...a.default] : a.default
  return out
}

/** True when `value` equals the catalog default of `key` (profiles compared value by value). */
export function isDefaultValue(key: string, value: AssumptionValue): boolean {
  const a = findAssumption(key)
  if (!a) return false
  if (a.kind === 'profile') {
    const v = value as readonly number[]
    return Array.isArray(v) && v.length === a.default.length && v.every((x, i) => x === a.default[i])
  }
  return a.default === value
}
