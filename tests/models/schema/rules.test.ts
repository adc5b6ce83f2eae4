import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createSchemaRules, issueKeyPath, SHAPE_ISSUE } from '../../../models/schema/rules'
import { FILE_WORDING, IPC_WORDING } from '../../../models/schema/wording'

// One set of rules, two wordings: the planning file's (after "Invalid value at <key path>: ") and the IPC
// payloads' (after "argument N.<field> ").

const file = createSchemaRules(FILE_WORDING)
const ipc = createSchemaRules(IPC_WORDING)

/** The first issue of parsing `value`, or null when it passes. */
function firstIssue(schema: v.GenericSchema, value: unknown): v.BaseIssue<unknown> | null {
  const result = v.safeParse(schema, value, { abortEarly: true })
  return result.success ? null : (result.issues[0] ?? null)
}

describe('the same rule in both wordings', () => {
  it.each<[string, (rules: typeof file) => v.GenericSchema, unknown, string, string]>([
    [
      'text too long',
      (r) => r.text({ maxChars: 4 }),
      'abcde',
      'the text is 5 characters long; the limit is 4',
      'must be at most 4 characters (got 5)',
    ],
    [
      'not text',
      (r) => r.text({ maxChars: 4 }),
      7,
      'must be text of at most 4 characters',
      'must be a string, got number',
    ],
    [
      'text too short',
      (r) => r.text({ minChars: 1, maxChars: 9 }),
      '',
      'must be text of 1 to 9 characters',
      'must be at least 1 characters',
    ],
    [
      'a NaN',
      (r) => r.number({ min: 0, max: 1 }),
      Number.NaN,
      'must be a finite number (allowed: 0 to 1)',
      'must be a finite number, got NaN',
    ],
    // Range before wholeness: 2.5 is out of [0, 1] first.
    [
      'out of range and not whole',
      (r) => r.number({ min: 0, max: 1, isInteger: true }),
      2.5,
      '2.5 is out of range (allowed: 0 to 1, whole numbers)',
      'must be between 0 and 1',
    ],
    [
      'not whole',
      (r) => r.number({ min: 0, max: 10, isInteger: true }),
      2.5,
      '2.5 must be a whole number (allowed: 0 to 10, whole numbers)',
      'must be a whole number',
    ],
    [
      'the exclusive minimum',
      (r) => r.number({ min: 0, max: 8, isMinExclusive: true }),
      0,
      '0 is out of range (allowed: greater than 0 and at most 8)',
      'must be between 0 and 8',
    ],
    ['not a flag', (r) => r.flag, 'yes', 'must be true or false', 'must be true or false, got string'],
    ['not a choice', (r) => r.choice(['a', 'b']), 'c', 'must be one of a, b', 'must be one of a, b'],
  ])('%s', (_what, rule, value, fileMessage, ipcMessage) => {
    expect(firstIssue(rule(file), value)?.message).toBe(fileMessage)
    expect(firstIssue(rule(ipc), value)?.message).toBe(ipcMessage)
  })

  it('reads -0 as 0 and takes the bounds themselves', () => {
    expect(Object.is(v.parse(file.number({ min: -1, max: 1 }), -0), 0)).toBe(true)
    expect(v.parse(file.number({ min: 2, max: 5, isInteger: true }), 2)).toBe(2)
    expect(v.parse(file.number({ min: 2, max: 5, isInteger: true }), 5)).toBe(5)
  })
})

describe('the object rule', () => {
  const shape = {
    id: file.text({ minChars: 1, maxChars: 9 }),
    size: v.optional(file.number({ min: 0, max: 9 }), 3),
  }

  it('returns a fresh object with its keys in the order of the shape', () => {
    const input = { size: 4, id: 'a' }
    const output = v.parse(file.object(shape), input)
    expect(Object.keys(output)).toEqual(['id', 'size'])
    expect(output).toEqual({ id: 'a', size: 4 })
    expect(output).not.toBe(input)
    expect(v.parse(file.object(shape), { id: 'b' })).toEqual({ id: 'b', size: 3 })
  })

  it('marks a non-object and the first unknown key, so the file can word them', () => {
    expect(firstIssue(file.object(shape, 'an object with id and size'), [])).toMatchObject({
      expected: SHAPE_ISSUE.notObject,
      message: 'an object with id and size',
    })
    expect(firstIssue(file.object(shape), { id: 'a', zz: 1, yy: 2 })).toMatchObject({
      expected: SHAPE_ISSUE.unknownKey,
      received: 'zz',
      message: '"zz" is not something this version of Stackplan reads (expected id, size)',
    })
    expect(firstIssue(ipc.object(shape), { id: 'a', zz: 1, yy: 2 })?.message).toBe(
      'has unexpected field(s): zz, yy'
    )
  })

  it('checks a missing key with its own rule in the file, and names it in a payload', () => {
    const missing = firstIssue(file.object(shape), {})
    expect(missing?.message).toBe('must be text of 1 to 9 characters')
    expect(missing && issueKeyPath(missing)).toBe('id')
    expect(firstIssue(ipc.object(shape), { size: 1 })?.message).toBe('is missing the field "id"')
  })

  it('never reads a key through the prototype', () => {
    const inherited = Object.create({ id: 'from the prototype' }) as Record<string, unknown>
    expect(firstIssue(file.object(shape), inherited)?.message).toBe('must be text of 1 to 9 characters')
    // A payload must be a plain object at all.
    expect(firstIssue(ipc.object(shape), inherited)?.message).toBe('must be an object, got object')
  })

  it('names the place of a nested issue as a planning file does', () => {
    const plan = file.object({ scenarios: v.array(file.object({ overrides: file.dictionary('an object') })) })
    const issue = firstIssue(plan, { scenarios: [{ overrides: {} }, { overrides: 5 }] })
    expect(issue && issueKeyPath(issue)).toBe('scenarios[1].overrides')
    expect(issue?.expected).toBe(SHAPE_ISSUE.notObject)
  })
})
