import { PLAN_FILE_LIMITS } from '../plan/limits'
import { isJsonObject, plainZero } from '../schema/rules'
import { formatCount } from '../schema/wording'
import { refuse } from './errors'

/** A parsed JSON object. */
export type JsonObject = { [key: string]: unknown }

/** Keys refused anywhere in a planning file: they are how prototype pollution travels. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`
}

function describeNonJson(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'object' && value !== null)
    return `an object of type ${value.constructor?.name ?? 'unknown'}`
  return `a ${typeof value}`
}

/** A leaf JSON can hold exactly: null, text, true/false, a finite number (-0 read as 0). */
function copyJsonLeaf(value: unknown, where: string): unknown {
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
  return refuse(
    'invalidValue',
    `Invalid value at ${where}: only JSON data (text, numbers, true/false, null, lists and objects) can be stored, not ${describeNonJson(value)}`,
    where
  )
}

/**
 * The one walk over a JSON tree: refuses nesting beyond the depth limit (`depth` is the level of `value`,
 * the envelope is 1; the limit also stops cycles), lists and objects over their size limits, and the
 * prototype keys `__proto__`, `constructor` and `prototype`. When `isCopying`, it also refuses what JSON
 * cannot hold exactly (non-finite numbers, undefined, functions, class instances, holes) and returns a
 * deep copy; otherwise it returns `value` itself.
 */
function walkJson(value: unknown, where: string, depth: number, isCopying: boolean): unknown {
  if (typeof value !== 'object' || value === null) return isCopying ? copyJsonLeaf(value, where) : value
  const isArray = Array.isArray(value)
  if (isCopying && !isArray) {
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) copyJsonLeaf(value, where)
  }
  if (depth > PLAN_FILE_LIMITS.maxDepth) {
    refuse(
      'invalidStructure',
      `This planning file is nested too deeply at ${where || 'the top level'} (more than ${PLAN_FILE_LIMITS.maxDepth} levels)`,
      where
    )
  }
  if (isArray) {
    if (value.length > PLAN_FILE_LIMITS.maxArrayItems) {
      refuse(
        'tooLarge',
        `This planning file is too large: the list at ${where || 'the top level'} has ${formatCount(value.length)} items; the limit is ${formatCount(PLAN_FILE_LIMITS.maxArrayItems)}`,
        where
      )
    }
    const out: unknown[] = []
    // An index loop, not map(): map skips holes, which JSON cannot hold.
    for (let i = 0; i < value.length; i++) {
      const item = walkJson(value[i], `${where}[${i}]`, depth + 1, isCopying)
      if (isCopying) out.push(item)
    }
    return isCopying ? out : value
  }
  const obj = value as JsonObject
  const keys = Object.keys(obj)
  if (keys.length > PLAN_FILE_LIMITS.maxObjectKeys) {
    refuse(
      'tooLarge',
      `This planning file is too large: the object at ${where || 'the top level'} has ${formatCount(keys.length)} keys; the limit is ${formatCount(PLAN_FILE_LIMITS.maxObjectKeys)}`,
      where
    )
  }
  const out: JsonObject = {}
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) {
      refuse(
        'invalidStructure',
        `Refused key "${key}" at ${where || 'the top level'}: keys named __proto__, constructor or prototype are not allowed in a planning file`,
        joinPath(where, key)
      )
    }
    const item = walkJson(obj[key], joinPath(where, key), depth + 1, isCopying)
    // Safe: prototype keys were refused just above, so this assignment only ever creates an own property.
    if (isCopying) out[key] = item
  }
  return isCopying ? out : value
}

/**
 * Walks a whole parsed document and refuses prototype keys (`__proto__`, `constructor`, `prototype`),
 * objects with too many keys, arrays with too many items and nesting beyond the depth limit (the root is
 * level 1). Recursion is bounded by that limit. copyJsonData is the same walk, copying.
 */
export function checkDocumentSafety(value: unknown, path = '', depth = 1): void {
  walkJson(value, path, depth, false)
}

/**
 * A deep copy of JSON data kept for other tools or newer versions. Refuses what JSON cannot hold exactly
 * (non-finite numbers, undefined, functions, class instances, holes), prototype keys, and nesting beyond
 * the depth limit (which also stops cycles). `depth` is the level of `value` in the whole document.
 */
export function copyJsonData(value: unknown, where: string, depth: number): unknown {
  return walkJson(value, where, depth, true)
}

export { isJsonObject }
