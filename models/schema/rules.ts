import * as v from 'valibot'
import type { NumberRule, SchemaWording, TextRule } from './wording'

/**
 * The schema building blocks shared by the planning file and the IPC payloads, on valibot: text, numbers,
 * flags, choices and objects with known keys. Each rule refuses with the words of one SchemaWording, so the
 * same rule reads as "Invalid value at name: …" in a file and "argument 1.name …" in a refused call.
 */

/** Any synchronous valibot schema. */
export type Schema = v.GenericSchema

/** The shapes of an object rule: its keys in order (the order a planning file writes them), each a schema. */
export type Shape = Record<string, Schema>

/** Marks on the issues of object rules, so a reporter can tell a wrong shape from a wrong value. */
export const SHAPE_ISSUE = {
  /** The value is not an object; the message is the wording's notObject. */
  notObject: 'stackplan:object',
  /** The object has a key its rule does not know; `received` is the first such key. */
  unknownKey: 'stackplan:unknown-key',
} as const

/** How a planning file writes a dictionary's keys: sorted (with each value in its schema's order) or as is. */
export type DictionaryOrder = { keyOrder: 'sorted'; valueSchema?: Schema } | { keyOrder: 'asIs' }

/** -0 reads as 0: JSON writes it as 0 anyway, so a round trip stays exact. */
export function plainZero(value: number): number {
  return value === 0 ? 0 : value
}

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isJsonObject(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function isInRange(rule: NumberRule, value: number): boolean {
  const { min = -Number.MAX_VALUE, max = Number.MAX_VALUE } = rule
  const isBelow = rule.isMinExclusive ? value <= min : value < min
  return !isBelow && value <= max
}

/** The rules of one wording. */
export function createSchemaRules(wording: SchemaWording) {
  const isObject = wording.isPlainObjectOnly ? isPlainObject : isJsonObject

  /** Text within the rule's length (checked in this order: text, long enough, short enough, pattern). */
  function text(rule: TextRule) {
    const { minChars = 0, maxChars, pattern } = rule
    return v.pipe(
      v.string((issue) => wording.notText(rule, issue.input)),
      // One step for every check, so a plan of many fields stays quick to read.
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return
        const { length } = dataset.value
        if (length < minChars) addIssue({ message: wording.textTooShort(rule, length) })
        else if (length > maxChars) addIssue({ message: wording.textTooLong(rule, length) })
        else if (pattern !== undefined && !pattern.test(dataset.value))
          addIssue({ message: wording.textFormat(rule) })
      })
    )
  }

  /** A finite number within the rule (checked in this order: a number, finite, in range, whole); -0 → 0. */
  function number(rule: NumberRule = {}) {
    return v.pipe(
      v.number((issue) => wording.notNumber(rule, issue.input)),
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const n = dataset.value
        if (!Number.isFinite(n)) addIssue({ message: wording.notNumber(rule, n) })
        else if (!isInRange(rule, n)) addIssue({ message: wording.outOfRange(rule, n) })
        else if (rule.isInteger && !Number.isInteger(n)) addIssue({ message: wording.notWhole(rule, n) })
        else return plainZero(n)
        return NEVER
      })
    )
  }

  const flag = v.boolean((issue) => wording.notFlag(issue.input))

  /** One of a fixed list of strings. */
  function choice<const T extends string>(options: readonly T[]) {
    return v.picklist(options, (issue) => wording.notChoice(options, issue.input))
  }

  /**
   * An object with the keys of `shape`, checked in this order: an object at all, no key it does not know
   * (own `__proto__` included), every key present (when the wording names missing keys), then each key in
   * the order of `shape`. The output is a fresh object of own keys in that order; it never reads through
   * the prototype. `what` describes the object in the planning file's words.
   */
  function object<S extends Shape>(shape: S, what = 'an object') {
    const keys = Object.keys(shape)
    const { missingKey } = wording
    return v.pipe(
      v.unknown(),
      // One step for the shape, so a plan of many small objects stays quick to read.
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const input = dataset.value
        if (!isObject(input)) {
          addIssue({ expected: SHAPE_ISSUE.notObject, message: wording.notObject(what, input) })
          return NEVER
        }
        const extraKeys = Object.keys(input).filter((key) => !Object.hasOwn(shape, key))
        if (extraKeys.length > 0) {
          addIssue({
            expected: SHAPE_ISSUE.unknownKey,
            received: extraKeys[0],
            message: wording.unknownKeys(extraKeys, keys),
          })
          return NEVER
        }
        const missing = missingKey === null ? undefined : keys.find((key) => !Object.hasOwn(input, key))
        if (missingKey !== null && missing !== undefined) {
          addIssue({ message: missingKey(missing) })
          return NEVER
        }
        // Own keys only, every known key present: a missing key is checked by its rule as undefined.
        const own: Record<string, unknown> = {}
        for (const key of keys) own[key] = Object.hasOwn(input, key) ? input[key] : undefined
        return own
      }),
      v.object(shape)
    )
  }

  /**
   * An object of any keys (a record such as assumption values by key): only "an object at all" is checked
   * here; `keyOrder` says how a planning file writes its keys, `valueSchema` what each value is (for
   * that order, see models/plan-file/key-order.ts).
   */
  function dictionary(what: string, order: DictionaryOrder = { keyOrder: 'asIs' }) {
    return v.pipe(
      v.unknown(),
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        if (isObject(dataset.value)) return dataset.value
        addIssue({ expected: SHAPE_ISSUE.notObject, message: wording.notObject(what, dataset.value) })
        return NEVER
      }),
      v.metadata(order)
    )
  }

  return { text, number, flag, choice, object, dictionary }
}

/** The key path of an issue as a planning file names it: `scenarios[0].overrides`, `view.metric`. */
export function issueKeyPath(issue: v.BaseIssue<unknown>): string {
  let path = ''
  for (const item of issue.path ?? []) {
    const key = item.key
    if (typeof key === 'number') path += `[${key}]`
    else path += path === '' ? String(key) : `.${String(key)}`
  }
  return path
}
