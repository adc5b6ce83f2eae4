import { findAssumption, isNumberAssumption, type NumberAssumption } from './catalog'
import { toModelInputs, type ModelInputs } from './inputs'

/** Where a numeric assumption lands in ModelInputs: the object holding the field, and the field's name. */
type FieldPath = readonly string[]

type NestedRecord = Record<string, unknown>

function isRecord(value: unknown): value is NestedRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Paths of the numeric fields that are NaN in `probed` and not in `base`. */
function nanPaths(base: unknown, probed: unknown, prefix: string[], out: FieldPath[]): void {
  if (!isRecord(base) || !isRecord(probed)) return
  for (const field of Object.keys(probed)) {
    const p = probed[field]
    const b = base[field]
    if (typeof p === 'number') {
      if (Number.isNaN(p) && !Number.isNaN(b)) out.push([...prefix, field])
    } else if (isRecord(p)) nanPaths(b, p, [...prefix, field], out)
  }
}

const BASE_INPUTS = toModelInputs()
/** A value no assumption holds by default, to check that a field takes the key's value unchanged. */
const PROBE_VALUE = 987654.321
const PATHS = new Map<string, FieldPath | 'none' | 'derived'>()

function readPath(inputs: ModelInputs, path: FieldPath): unknown {
  let value: unknown = inputs
  for (const field of path) value = (value as NestedRecord)[field]
  return value
}

/**
 * The ModelInputs field a numeric assumption key maps to: a path of field names; 'none' when the model
 * reads no field from the key; 'derived' when the key feeds more than one field or a computed one.
 * Found by probing rather than by a second key-to-field table, so toModelInputs stays the only mapping:
 * the inputs built with the key set to NaN differ from the defaults in exactly that field, and with the
 * key set to a probe value that field holds the probe value.
 */
export function inputFieldPath(key: string): FieldPath | 'none' | 'derived' {
  const known = PATHS.get(key)
  if (known !== undefined) return known
  let path: FieldPath | 'none' | 'derived' = 'none'
  if (isNumberAssumption(findAssumption(key))) {
    const found: FieldPath[] = []
    nanPaths(BASE_INPUTS, toModelInputs({ [key]: NaN }), [], found)
    const only = found[0]
    if (found.length > 1) path = 'derived'
    else if (only) {
      const probed = readPath(toModelInputs({ [key]: PROBE_VALUE }), only)
      path = probed === PROBE_VALUE ? only : 'derived'
    }
  }
  PATHS.set(key, path)
  return path
}

/**
 * A function that writes a value of numeric assumption `key` straight into `inputs` (which it mutates),
 * so analyses that change one value thousands of times need not rebuild ModelInputs each time. The value
 * is written as given: callers pass values valid for the catalog (see clampToCatalog). A key the model
 * does not read gets a setter that does nothing. Throws when the key feeds a computed field, which
 * toModelInputs does not do today (a test checks every catalog key).
 */
export function numericInputSetter(inputs: ModelInputs, key: string): (value: number) => void {
  const path = inputFieldPath(key)
  if (path === 'none') return () => {}
  if (path === 'derived')
    throw new Error(`${key} maps to a computed model input; it cannot be varied directly`)
  let holder = inputs as unknown as NestedRecord
  for (const field of path.slice(0, -1)) holder = holder[field] as NestedRecord
  const field = path[path.length - 1] as string
  return (value) => {
    holder[field] = value
  }
}

/**
 * A value made valid for a numeric assumption: clamped to [min, max] (just above min when min is
 * exclusive), and rounded to the nearest whole number for integer keys (then kept inside the range).
 */
export function clampToCatalog(a: NumberAssumption, value: number): number {
  let v = Math.min(a.max, Math.max(a.min, value))
  if (a.isInteger) v = Math.min(Math.floor(a.max), Math.max(Math.ceil(a.min), Math.round(v)))
  if (a.minExclusive && v <= a.min) v = a.min + Math.max(Number.EPSILON, Math.abs(a.min) * Number.EPSILON)
  return v
}
