import * as v from 'valibot'

/**
 * IPC payload schemas, built on valibot. Every validator either returns a fresh, plain copy of exactly the
 * declared shape or throws an IpcPayloadError naming the field ("argument 1.path must be …"). Nothing is
 * coerced. Kept here: the messages, and what valibot does not check by itself (plain objects only, and own
 * `__proto__`/`constructor` keys refused like any unexpected field).
 */
export class IpcPayloadError extends Error {
  override name = 'IpcPayloadError'
}

// The schema types of this module: any valibot schema, synchronous.
type Schema = v.GenericSchema

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}

export interface StringRule {
  maxLength: number
  /** @default 0 */
  minLength?: number
  pattern?: RegExp
}

export function string(rule: StringRule) {
  const { maxLength, minLength = 0, pattern } = rule
  return v.pipe(
    v.string((issue) => `must be a string, got ${describe(issue.input)}`),
    v.minLength(minLength, `must be at least ${minLength} characters`),
    v.maxLength(maxLength, (issue) => `must be at most ${maxLength} characters (got ${issue.input.length})`),
    v.regex(pattern ?? /(?:)/, 'has an invalid format')
  )
}

export interface NumberRule {
  min?: number
  max?: number
  /** @default false */
  isInteger?: boolean
}

export function finiteNumber(rule: NumberRule = {}) {
  const { min = -Number.MAX_VALUE, max = Number.MAX_VALUE, isInteger = false } = rule
  return v.pipe(
    v.number((issue) =>
      typeof issue.input === 'number'
        ? `must be a finite number, got ${String(issue.input)}`
        : `must be a number, got ${describe(issue.input)}`
    ),
    v.finite((issue) => `must be a finite number, got ${String(issue.input)}`),
    v.check((n) => !isInteger || Number.isInteger(n), 'must be a whole number'),
    v.check((n) => n >= min && n <= max, `must be between ${min} and ${max}`)
  )
}

export const boolean = v.boolean((issue) => `must be true or false, got ${describe(issue.input)}`)

/** One of a fixed list of strings. */
export function oneOf<const T extends string>(values: readonly T[]) {
  return v.picklist(values, `must be one of ${values.join(', ')}`)
}

/** Binary data (a Uint8Array or Buffer) of at most `maxBytes`; copied so later changes cannot reach it. */
export function bytes(rule: { maxBytes: number }) {
  return v.pipe(
    v.instance(Uint8Array, (issue) => `must be binary data, got ${describe(issue.input)}`),
    v.check(
      (b) => b.byteLength <= rule.maxBytes,
      (issue) => `must be at most ${rule.maxBytes} bytes (got ${(issue.input as Uint8Array).byteLength})`
    ),
    v.transform((b) => new Uint8Array(b))
  )
}

export function nullable<S extends Schema>(inner: S) {
  return v.nullable(inner)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** An object with exactly these keys: a missing or an extra key (own `__proto__` included) is refused. */
export function object<S extends Record<string, Schema>>(shape: S) {
  const expectedKeys = Object.keys(shape)
  const extraKeys = (value: Record<string, unknown>): string[] =>
    Object.keys(value).filter((key) => !Object.hasOwn(shape, key))
  return v.pipe(
    v.custom<Record<string, unknown>>(
      isPlainObject,
      (issue) => `must be an object, got ${describe(issue.input)}`
    ),
    v.check(
      (value) => extraKeys(value).length === 0,
      (issue) =>
        `has unexpected field(s): ${extraKeys(issue.input as Record<string, unknown>)
          .slice(0, 5)
          .join(', ')}`
    ),
    v.check(
      (value) => expectedKeys.every((key) => Object.hasOwn(value, key)),
      (issue) =>
        `is missing the field "${expectedKeys.find((key) => !Object.hasOwn(issue.input as object, key))}"`
    ),
    v.strictObject(shape)
  )
}

/** Where an issue is: "argument 2.expected.sha256" (path keys after the argument index). */
function issuePlace(issue: v.BaseIssue<unknown>): string {
  const [first, ...rest] = issue.path ?? []
  if (!first) return 'arguments'
  return `argument ${Number(first.key) + 1}` + rest.map((item) => `.${String(item.key)}`).join('')
}

type ArgsOutput<V extends readonly Schema[]> = {
  -readonly [I in keyof V]: v.InferOutput<V[I]>
}

/** The argument list of a channel: exactly this many arguments, each validated. */
export function args<V extends readonly Schema[]>(...schemas: V): (values: unknown[]) => ArgsOutput<V> {
  const schema = v.pipe(
    v.array(v.unknown()),
    v.check(
      (values) => values.length === schemas.length,
      (issue) =>
        `must be ${schemas.length} value(s), got ${Array.isArray(issue.input) ? issue.input.length : 0}`
    ),
    v.strictTuple([...schemas])
  )
  return (values) => {
    const result = v.safeParse(schema, Array.isArray(values) ? values : [], { abortEarly: true })
    if (result.success) return result.output as ArgsOutput<V>
    const [issue] = result.issues
    throw new IpcPayloadError(`${issuePlace(issue)} ${issue.message}`)
  }
}
