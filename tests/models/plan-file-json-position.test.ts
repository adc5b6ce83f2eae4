import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  findExcessiveNesting,
  findJsonSyntaxError,
  lineColumnAt,
  positionFromSyntaxError,
} from '../../models/plan-file/positions'

describe('lineColumnAt', () => {
  it.each([
    ['abc', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['abc', 3, 1, 4],
    ['a\nbc', 2, 2, 1],
    ['a\nbc', 3, 2, 2],
    ['a\r\nbc', 3, 2, 1],
    ['a\rbc', 2, 2, 1],
    ['\n\n\nx', 3, 4, 1],
    ['abc', 99, 1, 4],
  ])('%j at %i is line %i, column %i', (text, position, line, column) => {
    expect(lineColumnAt(text, position)).toEqual({ line, column })
  })
})

describe('positionFromSyntaxError', () => {
  it('reads V8 "at position N", V8/SpiderMonkey "line L column C", and nothing else', () => {
    expect(
      positionFromSyntaxError('{"a":1', "Expected ',' or '}' after property value in JSON at position 6")
    ).toBe(6)
    expect(positionFromSyntaxError('{\n "a" x}', 'Unexpected token in JSON at line 2 column 6')).toBe(7)
    expect(positionFromSyntaxError('{"a":}', `Unexpected token '}', "{"a":}" is not valid JSON`)).toBeNull()
    // A position beyond the text is not trusted.
    expect(positionFromSyntaxError('{}', 'x at position 99')).toBeNull()
  })
})

describe('findJsonSyntaxError', () => {
  it.each([
    ['{}', null],
    ['[1, -2.5e+3, "x\\u00e9", true, false, null, {"a": []}]', null],
    ['', 0],
    ['{', 1],
    ['{"a":}', 5],
    ['[1,]', 3],
    ['[01]', 2],
    ['nul', 3],
    ['nulx', 3],
    ['"\\u12g4"', 5],
    ['{} {}', 3],
  ])('%j → %s', (text, position) => {
    expect(findJsonSyntaxError(text)?.position ?? null).toBe(position)
  })

  it('agrees with JSON.parse on validity, and on the position wherever the engine names one', () => {
    const significant = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      '-',
      '0',
      '1',
      '.',
      'e',
      't',
      'n',
      ' ',
      '\n',
      'x',
      '\u0001'
    )
    const mutated = fc
      .tuple(
        fc.jsonValue({ maxDepth: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), significant), { maxLength: 3 })
      )
      .map(([value, edits]) => {
        let text = JSON.stringify(value, null, edits.length % 2 === 0 ? 0 : 1) ?? 'null'
        for (const [at, op, ch] of edits) {
          const i = text.length === 0 ? 0 : at % (text.length + 1)
          if (op === 0) text = text.slice(0, i) + ch + text.slice(i)
          else if (op === 1) text = text.slice(0, i) + text.slice(i + 1)
          else text = text.slice(0, i)
        }
        return text
      })
    let withEnginePosition = 0
    fc.assert(
      fc.property(mutated, (text) => {
        const problem = findJsonSyntaxError(text)
        let engineMessage: string | null = null
        try {
          JSON.parse(text)
        } catch (e) {
          engineMessage = (e as Error).message
        }
        expect(problem === null).toBe(engineMessage === null)
        if (engineMessage !== null) {
          const enginePosition = positionFromSyntaxError(text, engineMessage)
          if (enginePosition !== null) {
            withEnginePosition++
            expect(problem?.position).toBe(enginePosition)
          }
        }
      }),
      { numRuns: 3000 }
    )
    expect(withEnginePosition).toBeGreaterThan(100)
  })

  it('scans 100,000 levels of nesting without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    expect(findJsonSyntaxError(deep)).toBeNull()
    expect(findJsonSyntaxError(deep.slice(0, -1))).toEqual({
      position: 199_999,
      reason: 'the file ends too early (it may have been cut off)',
    })
  })
})

describe('findExcessiveNesting', () => {
  it('finds the first bracket past the limit and ignores brackets in quoted text', () => {
    expect(findExcessiveNesting('[[[]]]', 3)).toBeNull()
    expect(findExcessiveNesting('[[[[]]]]', 3)).toBe(3)
    expect(findExcessiveNesting('{"a":{"b":[1]}}', 2)).toBe(10)
    expect(findExcessiveNesting(`["${'['.repeat(100)}"]`, 2)).toBeNull()
    expect(findExcessiveNesting(`["\\"${'['.repeat(100)}"]`, 2)).toBeNull()
    expect(findExcessiveNesting('[]'.repeat(1000), 1)).toBeNull()
  })
})
