import { describe, expect, it } from 'vitest'
import { findDuplicateKey } from '../../models/plan-file/positions'

describe('findDuplicateKey', () => {
  it.each([
    ['{"a":1,"b":2}', null],
    // the same key in sibling objects and in array items is fine
    ['{"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]}', null],
    // a key equal to a string value is fine
    ['{"a":"b","b":1}', null],
  ])('%s has no duplicate', (text, expected) => {
    expect(findDuplicateKey(text)).toBe(expected)
  })

  it.each([
    // offsets: {"a":1,"a":2} — the second "a" starts at 7
    ['{"a":1,"a":2}', 'a', 7, 1],
    // "\u0061" is "a": escapes are compared after unescaping; the second key starts at 7
    ['{"a":1,"\\u0061":2}', 'a', 7, 1],
    // nested: {"p":{"n":1,"n":{}}} — inner second "n" at 12, first at 6
    ['{"p":{"n":1,"n":{}}}', 'n', 12, 6],
    // after a nested object closes, the outer object goes on: second "a" at 13
    ['{"a":{"b":1},"a":2}', 'a', 13, 1],
  ])('%s repeats %j', (text, key, position, firstPosition) => {
    expect(findDuplicateKey(text)).toEqual({ key, position, firstPosition })
  })
})
