/**
 * A small hand-written schema kit for IPC payloads. Every validator either returns a fresh, plain copy of
 * exactly the declared shape or throws an IpcPayloadError naming the field. Nothing is coerced.
 */
export class IpcPayloadError extends Error {
  override name = 'IpcPayloadError'
}

export type Validator<T> = (value: unknown, where: string) => T

function fail(where: string, problem: string): never {
  throw new IpcPayloadError(`${where} ${problem}`)
}

export interface StringRule {
  maxLength: number
  /** @default 0 */
  minLength?: number
  pattern?: RegExp
}

export function string(rule: StringRule): Validator<string> {
  const { maxLength, minLength = 0, pattern } = rule
  return (value, where) => {
    if (typeof value !== 'string') fail(where, `must be a string, got ${describe(value)}`)
    if (value.length < minLength) fail(where, `must be at least ${minLength} characters`)
    if (value.length > maxLength) fail(where, `must be at most ${maxLength} characters (got ${value.length})`)
    if (pattern && !pattern.test(value)) fail(where, `has an invalid format`)
    return value
  }
}

export interface NumberRule {
  min?: number
  max?: number
  /** @default false */
  isInteger?: boolean
}

export function finiteNumber(rule: NumberRule = {}): Validator<number> {
  const { min = -Number.MAX_VALUE, max = Number.MAX_VALUE, isInteger = false } = rule
  return (value, where) => {
    if (typeof value !== 'number') fail(where, `must be a number, got ${describe(value)}`)
    if (!Number.isFinite(value)) fail(where, `must be a finite number, got ${String(value)}`)
    if (isInteger && !Number.isInteger(value)) fail(where, `must be a whole number`)
    if (value < min || value > max) fail(where, `must be between ${min} and ${max}`)
    return value
  }
}

export const boolean: Validator<boolean> = (value, where) => {
  if (typeof value !== 'boolean') fail(where, `must be true or false, got ${describe(value)}`)
  return value
}

/** One of a fixed list of strings. */
export function oneOf<const T extends string>(values: readonly T[]): Validator<T> {
  return (value, where) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
      fail(where, `must be one of ${values.join(', ')}`)
    return value as T
  }
}

/** Binary data (a Uint8Array or Buffer) of at most `maxBytes`; copied so later changes cannot reach it. */
export function bytes(rule: { maxBytes: number }): Validator<Uint8Array> {
  return (value, where) => {
    if (!(value instanceof Uint8Array)) fail(where, `must be binary data, got ${describe(value)}`)
    if (value.byteLength > rule.maxBytes)
      fail(where, `must be at most ${rule.maxBytes} bytes (got ${value.byteLength})`)
    return new Uint8Array(value)
  }
}

export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return (value, where) => (value === null ? null : inner(value, where))
}

type Shape = Record<string, Validator<unknown>>
type ShapeValue<S extends Shape> = { [K in keyof S]: S[K] extends Validator<infer T> ? T : never }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** An object with exactly these keys: a missing or an extra key is refused. */
export function object<S extends Shape>(shape: S): Validator<ShapeValue<S>> {
  const expectedKeys = Object.keys(shape)
  return (value, where) => {
    if (!isPlainObject(value)) fail(where, `must be an object, got ${describe(value)}`)
    const extra = Object.keys(value).filter((key) => !Object.hasOwn(shape, key))
    if (extra.length > 0) fail(where, `has unexpected field(s): ${extra.slice(0, 5).join(', ')}`)
    const result: Record<string, unknown> = {}
    for (const key of expectedKeys) {
      if (!Object.hasOwn(value, key)) fail(where, `is missing the field "${key}"`)
      result[key] = (shape[key] as Validator<unknown>)(value[key], `${where}.${key}`)
    }
    return result as ShapeValue<S>
  }
}

type TupleValue<V extends readonly Validator<unknown>[]> = {
  -readonly [I in keyof V]: V[I] extends Validator<infer T> ? T : never
}

/** The argument list of a channel: exactly this many arguments, each validated. */
export function args<V extends readonly Validator<unknown>[]>(
  ...validators: V
): (values: unknown[]) => TupleValue<V> {
  return (values) => {
    if (!Array.isArray(values) || values.length !== validators.length) {
      fail(
        'arguments',
        `must be ${validators.length} value(s), got ${Array.isArray(values) ? values.length : 0}`
      )
    }
    return validators.map((validate, index) =>
      validate(values[index], `argument ${index + 1}`)
    ) as TupleValue<V>
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}
