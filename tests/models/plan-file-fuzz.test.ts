import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PLAN_FILE_ERROR_KINDS,
  parsePlanFile,
  serializePlanFile,
  type PlanFileResult,
} from '../../models/plan-file/plan-file'
import { TEST_MIGRATIONS } from '../support/legacy-v0-migration'

// Hostile and broken input: every one must end in a valid plan or a typed error, never a throw, and must
// leave the built-in prototypes as they were.

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
const DEFAULT_TEXT = readFileSync(resolve(FIXTURES, 'format-v1-default.stackplan'), 'utf8')
const FULL_TEXT = readFileSync(resolve(FIXTURES, 'format-v1-full.stackplan'), 'utf8')
const LEGACY_TEXT = readFileSync(resolve(FIXTURES, 'format-v0-legacy.stackplan'), 'utf8')
const SOURCES = [DEFAULT_TEXT, FULL_TEXT, LEGACY_TEXT]
const META = { appVersion: 'fuzz', savedAt: new Date(0) }

let inputCount = 0
const outcomes = new Map<string, number>()

/** Parses one input and checks the outcome is a valid plan or a well-formed typed error. */
function check(text: string): PlanFileResult {
  inputCount++
  const result = parsePlanFile(text, { migrations: TEST_MIGRATIONS })
  const outcome = result.ok ? 'ok' : result.error.kind
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
  if (result.ok) {
    // A plan that loaded is a valid plan: it saves, and loads back the same.
    const again = parsePlanFile(serializePlanFile(result.value.plan, META))
    expect(again.ok && again.value.plan).toEqual(result.value.plan)
  } else {
    const { kind, message, line, column } = result.error
    expect(PLAN_FILE_ERROR_KINDS).toContain(kind)
    expect(typeof message).toBe('string')
    expect(message.length).toBeGreaterThan(10)
    expect(message).not.toMatch(/\bundefined\b|\[object Object\]/)
    if (line !== undefined) expect(Number.isInteger(line) && line >= 1).toBe(true)
    if (column !== undefined) expect(Number.isInteger(column) && column >= 1).toBe(true)
  }
  return result
}

const objectPrototypeNames = Object.getOwnPropertyNames(Object.prototype).sort()
const arrayPrototypeNames = Object.getOwnPropertyNames(Array.prototype).sort()

function expectPrototypesUntouched(): void {
  const probe = {} as Record<string, unknown>
  expect(probe.polluted).toBeUndefined()
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(objectPrototypeNames)
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayPrototypeNames)
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype)
}

/** Every path to a value in a JSON tree, as key lists. */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = []
): (string | number)[][] {
  out.push(prefix)
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out))
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out)
  }
  return out
}

function setAt(root: unknown, path: (string | number)[], value: unknown, isDelete: boolean): unknown {
  if (path.length === 0) return value
  let node = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  if (isDelete && !Array.isArray(node)) delete node[last]
  else node[last] = value
  return root
}

describe('fuzzing parsePlanFile', () => {
  beforeAll(() => expectPrototypesUntouched())

  it('every truncation of the default fixture and every 3rd of the full one', () => {
    for (let end = 0; end <= DEFAULT_TEXT.length; end++) check(DEFAULT_TEXT.slice(0, end))
    for (let end = 0; end <= FULL_TEXT.length; end += 3) check(FULL_TEXT.slice(0, end))
    for (let end = 0; end <= LEGACY_TEXT.length; end += 2) check(LEGACY_TEXT.slice(0, end))
    // Only the untruncated files load.
    expect(check(DEFAULT_TEXT).ok && check(FULL_TEXT).ok).toBe(true)
  })

  it('a format-0 file whose marker was flipped to 1 is refused with a message that names the problem', () => {
    // Byte 17 of the legacy fixture is the "0" of `"stackplan": 0`; one flipped bit makes it "1" (found by
    // the bit-flip property below with seed 889262654).
    const flipped = LEGACY_TEXT.replace('"stackplan": 0', '"stackplan": 1')
    expect(flipped).not.toBe(LEGACY_TEXT)
    const result = check(flipped)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.message).toBe(
      'Could not convert this plan from format 1 to format 2: the document names no formatVersion, ' +
        'while format 1 was expected'
    )
  })

  it('bit flips in the fixtures, decoded as UTF-8 (invalid sequences become U+FFFD)', () => {
    const encoded = SOURCES.map((t) => new TextEncoder().encode(t))
    const decoder = new TextDecoder('utf-8')
    fc.assert(
      fc.property(
        fc.nat({ max: SOURCES.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 7 })), { minLength: 1, maxLength: 4 }),
        (which, flips) => {
          const bytes = encoded[which]!.slice()
          for (const [at, bit] of flips) bytes[at % bytes.length]! ^= 1 << bit
          check(decoder.decode(bytes))
        }
      ),
      { numRuns: 3000 }
    )
  })

  it('random JSON documents and random envelopes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => void check(JSON.stringify(value) ?? 'null')),
      { numRuns: 800 }
    )
    const envelope = fc.record(
      {
        format: fc.oneof(fc.constant('stackplan'), fc.jsonValue({ maxDepth: 1 })),
        formatVersion: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.jsonValue({ maxDepth: 1 })),
        minReaderVersion: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.jsonValue({ maxDepth: 1 })),
        app: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
        stackplan: fc.oneof(fc.constant(0), fc.jsonValue({ maxDepth: 1 })),
        plan: fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.record(
            {
              name: fc.jsonValue({ maxDepth: 1 }),
              assumptions: fc.dictionary(
                fc.constantFrom('fleet.vms', 'vmware.edition', 'workload.profile', 'nope'),
                fc.jsonValue({ maxDepth: 2 })
              ),
              scenarios: fc.array(
                fc.record(
                  {
                    id: fc.jsonValue({ maxDepth: 1 }),
                    name: fc.string(),
                    overrides: fc.jsonValue({ maxDepth: 2 }),
                  },
                  { requiredKeys: [] }
                )
              ),
              view: fc.jsonValue({ maxDepth: 2 }),
              scorecard: fc.jsonValue({ maxDepth: 3 }),
              ranges: fc.dictionary(
                fc.constantFrom('host.capexUsd', 'vmware.edition', 'x'),
                fc.jsonValue({ maxDepth: 2 })
              ),
              extensions: fc.jsonValue({ maxDepth: 5 }),
            },
            { requiredKeys: [] }
          )
        ),
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(envelope, (doc) => void check(JSON.stringify(doc))),
      { numRuns: 1500 }
    )
  })

  it('wrong types: any value of the full fixture replaced by random JSON or removed', () => {
    const paths = pathsOf(JSON.parse(FULL_TEXT))
    fc.assert(
      fc.property(
        fc.nat({ max: paths.length - 1 }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.boolean(),
        (which, value, isDelete) => {
          const doc = setAt(JSON.parse(FULL_TEXT), paths[which]!, value, isDelete)
          check(JSON.stringify(doc) ?? '')
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('huge, tiny and long numbers in place of the fixture numbers', () => {
    const numbers = [...FULL_TEXT.matchAll(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi)]
    const replacements = [
      '1e309',
      '-1e309',
      '1e-400',
      '-0',
      '1e308',
      '5e-324',
      '123456789012345678901234567890',
      '0.1e1',
      '1E2',
    ]
    fc.assert(
      fc.property(
        fc.nat({ max: numbers.length - 1 }),
        fc.constantFrom(...replacements),
        (which, replacement) => {
          const match = numbers[which]!
          const text =
            FULL_TEXT.slice(0, match.index) + replacement + FULL_TEXT.slice(match.index + match[0].length)
          check(text)
        }
      ),
      { numRuns: 600 }
    )
    const infinite = check(DEFAULT_TEXT.replace('"curvePoints": 61', '"curvePoints": 1e309'))
    expect(!infinite.ok && infinite.error.key).toBe('view.curvePoints')
  })

  it('deep nesting: 10,000 levels anywhere is refused with a position, brackets in text are fine', () => {
    const deepArray = '['.repeat(10_000) + ']'.repeat(10_000)
    const deepObject = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)
    const cases = [
      deepArray,
      deepObject,
      DEFAULT_TEXT.replace('"extensions": {}', `"extensions": {"deep": ${deepArray}}`),
      DEFAULT_TEXT.replace('"extensions": {}', `"extensions": {"deep": ${deepObject}}`),
      DEFAULT_TEXT.replace('"notes": ""', `"notes": ${deepArray}`),
      DEFAULT_TEXT.replace('"extensions": {}', `"extensions": {"deep": ${'['.repeat(10_000)}}`),
      '{'.repeat(10_000),
    ]
    for (const text of cases) {
      const result = check(text)
      expect(result.ok).toBe(false)
      if (!result.ok && text.startsWith('{"format"')) expect(result.error.kind).toBe('invalidStructure')
    }
    // Brackets inside quoted text are not nesting: 20,000 of them in the notes are just notes.
    const inText = check(DEFAULT_TEXT.replace('"notes": ""', `"notes": "${'[{'.repeat(10_000)}"`))
    expect(inText.ok && inText.value.plan.notes.length).toBe(20_000)
  })

  it('prototype keys inserted anywhere, including through migrations', () => {
    const payloads = [
      '"__proto__": {"polluted": true}',
      '"constructor": {"prototype": {"polluted": true}}',
      '"prototype": {"polluted": true}',
      '"__proto__": [1]',
      '"a": {"__proto__": {"polluted": true}}',
    ]
    const braces = SOURCES.map((t) => [...t.matchAll(/\{/g)].map((m) => m.index))
    fc.assert(
      fc.property(
        fc.nat({ max: SOURCES.length - 1 }),
        fc.nat(),
        fc.constantFrom(...payloads),
        fc.boolean(),
        (which, at, payload, isComma) => {
          const text = SOURCES[which]!
          const positions = braces[which]!
          const brace = positions[at % positions.length]! + 1
          const inserted =
            text.slice(0, brace) + payload + (isComma && text[brace] !== '}' ? ',' : '') + text.slice(brace)
          const result = check(inserted)
          expect(result.ok).toBe(false)
        }
      ),
      { numRuns: 1200 }
    )
  })

  it('random text of every kind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void check(text)),
      { numRuns: 400 }
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => void check(`{${text}}`)),
      { numRuns: 400 }
    )
  })

  afterAll(() => {
    expectPrototypesUntouched()
  })

  it('covered at least 10,000 inputs, with a spread of outcomes, and left the prototypes alone', () => {
    expect(inputCount).toBeGreaterThanOrEqual(10_000)
    for (const kind of [
      'ok',
      'corrupted',
      'notPlanningFile',
      'invalidValue',
      'invalidStructure',
      'unknownKey',
      'migrationFailed',
      'tooNew',
    ]) {
      expect(outcomes.get(kind) ?? 0, kind).toBeGreaterThan(0)
    }
    expectPrototypesUntouched()
  })
})
