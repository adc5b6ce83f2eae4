import { describe, expect, it } from 'vitest'
import { checkDocumentSafety, copyJsonData } from '../../../models/plan-file/document-safety'
import { PlanFileRefusal, type PlanFileError } from '../../../models/plan-file/errors'

// checkDocumentSafety (the scan of a whole parsed document) and copyJsonData (the copy of extensions) are
// one walk. Each limit is tested at the limit and one past it on both, so a mutation of either fails here.

/** The refusal `run` throws, as data. */
function refusalOf(run: () => unknown): PlanFileError {
  try {
    run()
  } catch (e) {
    if (e instanceof PlanFileRefusal) return e.error
    throw e
  }
  throw new Error('expected a refusal')
}

/** `levels` lists nested in each other: nested(1) is [], nested(2) is [[]]. */
function nested(levels: number): unknown[] {
  let value: unknown[] = []
  for (let i = 1; i < levels; i++) value = [value]
  return value
}

const keysObject = (n: number): Record<string, number> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))

const WALKS = [
  [
    'checkDocumentSafety',
    (value: unknown, where: string, depth: number) => checkDocumentSafety(value, where, depth),
  ],
  ['copyJsonData', (value: unknown, where: string, depth: number) => copyJsonData(value, where, depth)],
] as const

describe.each(WALKS)('%s', (_name, walk) => {
  it('takes 64 levels of nesting and refuses the 65th, naming where', () => {
    // The value at depth 1 holding 63 more levels inside reaches level 64 exactly.
    expect(() => walk(nested(64), 'x', 1)).not.toThrow()
    expect(refusalOf(() => walk(nested(65), 'x', 1))).toEqual({
      kind: 'invalidStructure',
      message: `This planning file is nested too deeply at x${'[0]'.repeat(64)} (more than 64 levels)`,
      key: `x${'[0]'.repeat(64)}`,
    })
    // Starting deeper counts from there: at level 3 (extensions), 62 levels fit and 63 do not (3 + 62 = 65).
    expect(() => walk(nested(62), 'extensions', 3)).not.toThrow()
    expect(refusalOf(() => walk(nested(63), 'extensions', 3)).key).toBe(`extensions${'[0]'.repeat(62)}`)
  })

  it('takes a list of 100,000 items and refuses 100,001', () => {
    expect(() => walk({ list: new Array(100_000).fill(0) }, '', 1)).not.toThrow()
    expect(refusalOf(() => walk({ list: new Array(100_001).fill(0) }, '', 1))).toEqual({
      kind: 'tooLarge',
      message: 'This planning file is too large: the list at list has 100,001 items; the limit is 100,000',
      key: 'list',
    })
  })

  it('takes an object of 10,000 keys and refuses 10,001, also at the top level', () => {
    expect(() => walk({ keys: keysObject(10_000) }, '', 1)).not.toThrow()
    expect(refusalOf(() => walk(keysObject(10_001), '', 1))).toEqual({
      kind: 'tooLarge',
      message:
        'This planning file is too large: the object at the top level has 10,001 keys; the limit is 10,000',
      key: '',
    })
  })

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s however deep', (key) => {
    const value = JSON.parse(`{"a": [{"b": {"${key}": {"polluted": 1}}}]}`) as unknown
    expect(refusalOf(() => walk(value, 'plan', 2))).toEqual({
      kind: 'invalidStructure',
      message: `Refused key "${key}" at plan.a[0].b: keys named __proto__, constructor or prototype are not allowed in a planning file`,
      key: `plan.a[0].b.${key}`,
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('stops a cycle at the depth limit instead of overflowing the stack', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(refusalOf(() => walk(cycle, 'c', 1)).message).toBe(
      `This planning file is nested too deeply at c${'.self'.repeat(64)} (more than 64 levels)`
    )
  })
})

describe('checkDocumentSafety', () => {
  it('checks structure only: leaves are left to the schema, and nothing is changed', () => {
    const doc = { a: [Number.NaN, -0, undefined, 'x'], b: { c: Infinity } }
    expect(checkDocumentSafety(doc)).toBeUndefined()
    expect(doc).toEqual({ a: [Number.NaN, -0, undefined, 'x'], b: { c: Infinity } })
    expect(Object.is(doc.a[1], -0)).toBe(true)
  })
})

describe('copyJsonData', () => {
  it('returns a deep copy with -0 read as 0, sharing no object with the input', () => {
    const input = { list: [1, -0, { deep: [true, null, 'x'] }], empty: {} }
    const copy = copyJsonData(input, 'extensions', 3) as typeof input
    expect(copy).toEqual({ list: [1, 0, { deep: [true, null, 'x'] }], empty: {} })
    expect(Object.is(copy.list[1], 0)).toBe(true)
    expect(copy).not.toBe(input)
    expect(copy.list).not.toBe(input.list)
    expect(copy.list[2]).not.toBe(input.list[2])
    expect(copy.empty).not.toBe(input.empty)
  })

  it('keeps an object without a prototype, as a plain object', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 })
    const copy = copyJsonData(bare, 'x', 1)
    expect(copy).toEqual({ a: 1 })
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
  })

  it.each<[string, unknown, string]>([
    [
      'NaN',
      Number.NaN,
      'Invalid value at x.v: NaN is not a finite number; only finite numbers can be stored',
    ],
    [
      'Infinity',
      -Infinity,
      'Invalid value at x.v: -Infinity is not a finite number; only finite numbers can be stored',
    ],
    [
      'undefined',
      undefined,
      'Invalid value at x.v: only JSON data (text, numbers, true/false, null, lists and objects) can be stored, not undefined',
    ],
    [
      'a function',
      () => 1,
      'Invalid value at x.v: only JSON data (text, numbers, true/false, null, lists and objects) can be stored, not a function',
    ],
    [
      'a date',
      new Date(0),
      'Invalid value at x.v: only JSON data (text, numbers, true/false, null, lists and objects) can be stored, not an object of type Date',
    ],
    [
      'a map',
      new Map(),
      'Invalid value at x.v: only JSON data (text, numbers, true/false, null, lists and objects) can be stored, not an object of type Map',
    ],
  ])('refuses %s, naming where', (_what, value, message) => {
    expect(refusalOf(() => copyJsonData({ v: value }, 'x', 1))).toEqual({
      kind: 'invalidValue',
      message,
      key: 'x.v',
    })
  })

  it('refuses a hole in a list, which JSON cannot hold', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed = [1, , 3]
    expect(refusalOf(() => copyJsonData(holed, 'x', 1)).key).toBe('x[1]')
  })
})
