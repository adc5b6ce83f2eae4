import { CATALOG, describeRange, findAssumption, type Assumption, type AssumptionValue } from './catalog'
import { profileProblem } from './profile'

/** Assumption values by key. Only the keys that differ from the catalog default need to be present. */
export type AssumptionValues = Readonly<Record<string, AssumptionValue>>

/** A refusal that names the key and the allowed range, in a sentence a user understands. */
export interface ValueProblem {
  key: string
  message: string
}

const ISO_CURRENCY = /^[A-Z]{3}$/

/** Why `value` is not allowed for assumption `a`, or null when it is. Never coerces: "12" is not a number. */
export function valueProblem(a: Assumption, value: unknown): string | null {
  const allowed = `allowed: ${describeRange(a)}`
  switch (a.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return `${a.key} must be a finite number (${allowed})`
      const belowMin = a.minExclusive ? value <= a.min : value < a.min
      if (belowMin || value > a.max) return `${a.key} = ${value} is out of range (${allowed})`
      if (a.isInteger && !Number.isInteger(value)) return `${a.key} must be a whole number (${allowed})`
      return null
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${a.key} must be true or false`
    case 'choice':
      return typeof value === 'string' && a.options.includes(value)
        ? null
        : `${a.key} must be ${describeRange(a)}`
    case 'currency':
      return typeof value === 'string' && ISO_CURRENCY.test(value)
        ? null
        : `${a.key} must be ${describeRange(a)}`
    case 'profile': {
      const problem = profileProblem(value)
      return problem ? `${a.key}: ${problem}` : null
    }
  }
}

/** Checks a set of values: unknown keys and out-of-range values are reported, one problem per key. */
export function valuesProblems(values: Readonly<Record<string, unknown>>): ValueProblem[] {
  const problems: ValueProblem[] = []
  for (const key of Object.keys(values)) {
    const a = findAssumption(key)
    if (!a) {
      problems.push({
        key,
        message: `unknown assumption key "${key}" (run \`stackplan assumptions\` for the list)`,
      })
      continue
    }
    const problem = valueProblem(a, values[key])
    if (problem) problems.push({ key, message: problem })
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
): { ok: true; value: AssumptionValue } | { ok: false; message: string } {
  const a = findAssumption(key)
  if (!a)
    return {
      ok: false,
      message: `unknown assumption key "${key}" (run \`stackplan assumptions\` for the list)`,
    }
  const trimmed = text.trim()
  let value: unknown
  switch (a.kind) {
    case 'number':
      value = /^[-+]?(\d[\d_,]*\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)
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
  const problem = valueProblem(a, value)
  return problem ? { ok: false, message: problem } : { ok: true, value: value as AssumptionValue }
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
