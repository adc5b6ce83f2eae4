/** Why a JSON text is not valid JSON, in words a user understands, and where (UTF-16 offset). */
export interface JsonSyntaxProblem {
  position: number
  reason: string
}

/** A 1-based line and column, as editors show them (columns count UTF-16 code units). */
export interface LineColumn {
  line: number
  column: number
}

/** Line and column of a UTF-16 offset in `text`; "\r\n", "\n" and a lone "\r" each end a line. */
export function lineColumnAt(text: string, position: number): LineColumn {
  const end = Math.max(0, Math.min(position, text.length))
  let line = 1
  let lineStart = 0
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}

/**
 * The offset a JSON.parse SyntaxError message names, when the engine gives one: V8 writes
 * "… in JSON at position N" (sometimes with "(line L column C)"), SpiderMonkey "at line L column C".
 * Null when the message carries no position (V8's "Unexpected token 'x', … is not valid JSON").
 */
export function positionFromSyntaxError(text: string, message: string): number | null {
  const byPosition = /at position (\d{1,10})/.exec(message)
  if (byPosition?.[1] !== undefined) {
    const position = Number(byPosition[1])
    return position <= text.length ? position : null
  }
  const byLine = /line (\d{1,10}) column (\d{1,10})/.exec(message)
  if (byLine?.[1] !== undefined && byLine[2] !== undefined) {
    return offsetOfLineColumn(text, Number(byLine[1]), Number(byLine[2]))
  }
  return null
}

function offsetOfLineColumn(text: string, line: number, column: number): number | null {
  let currentLine = 1
  let i = 0
  while (currentLine < line) {
    const next = text.indexOf('\n', i)
    if (next < 0) return null
    i = next + 1
    currentLine++
  }
  const position = i + column - 1
  return position <= text.length ? position : null
}

type Expect = 'value' | 'valueOrArrayEnd' | 'afterValue' | 'keyOrObjectEnd' | 'key' | 'colon'

const ARRAY = 0
const OBJECT = 1

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
}

const UNEXPECTED = 'unexpected character'
const ENDS_EARLY = 'the file ends too early (it may have been cut off)'

/** Scans a string literal starting at the opening quote; returns the offset after it or a problem. */
function scanString(text: string, start: number): number | JsonSyntaxProblem {
  let i = start + 1
  for (;;) {
    if (i >= text.length) return { position: text.length, reason: 'text in quotes is never closed' }
    const c = text.charCodeAt(i)
    if (c === 0x22) return i + 1
    if (c < 0x20) return { position: i, reason: 'a line break or control character inside quoted text' }
    if (c === 0x5c) {
      const e = text.charCodeAt(i + 1)
      if (Number.isNaN(e)) return { position: text.length, reason: 'text in quotes is never closed' }
      if (e === 0x75) {
        for (let k = i + 2; k < i + 6; k++) {
          if (k >= text.length) return { position: text.length, reason: 'text in quotes is never closed' }
          if (!isHexDigit(text.charCodeAt(k)))
            return { position: k, reason: 'an invalid escape in quoted text' }
        }
        i += 6
        continue
      }
      // " \ / b f n r t
      if (![0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74].includes(e)) {
        return { position: i + 1, reason: 'an invalid escape in quoted text' }
      }
      i += 2
      continue
    }
    i++
  }
}

/** Scans a number starting at `start` (a minus sign or a digit); returns the offset after it or a problem. */
function scanNumber(text: string, start: number): number | JsonSyntaxProblem {
  let i = start
  if (text.charCodeAt(i) === 0x2d) i++
  if (i >= text.length) return { position: i, reason: ENDS_EARLY }
  const first = text.charCodeAt(i)
  if (first === 0x30) i++
  else if (isDigit(first)) while (isDigit(text.charCodeAt(i))) i++
  else return { position: i, reason: 'an invalid number' }
  if (text.charCodeAt(i) === 0x2e) {
    i++
    if (!isDigit(text.charCodeAt(i))) return { position: i, reason: 'an invalid number' }
    while (isDigit(text.charCodeAt(i))) i++
  }
  const e = text.charCodeAt(i)
  if (e === 0x65 || e === 0x45) {
    i++
    const sign = text.charCodeAt(i)
    if (sign === 0x2b || sign === 0x2d) i++
    if (!isDigit(text.charCodeAt(i))) return { position: i, reason: 'an invalid number' }
    while (isDigit(text.charCodeAt(i))) i++
  }
  return i
}

function scanLiteral(text: string, start: number): number | JsonSyntaxProblem {
  for (const word of ['true', 'false', 'null']) {
    if (word.charCodeAt(0) !== text.charCodeAt(start)) continue
    for (let k = 1; k < word.length; k++) {
      if (start + k >= text.length) return { position: text.length, reason: ENDS_EARLY }
      if (text.charCodeAt(start + k) !== word.charCodeAt(k))
        return { position: start + k, reason: UNEXPECTED }
    }
    return start + word.length
  }
  return { position: start, reason: UNEXPECTED }
}

/**
 * The first syntax error of a JSON text (RFC 8259), or null when it is valid JSON. Iterative, so any
 * nesting depth is scanned without recursion; linear in the length of the text.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  const containers: number[] = []
  let expect: Expect = 'value'
  let i = 0
  const n = text.length
  for (;;) {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++
    if (expect === 'afterValue' && containers.length === 0) {
      return i < n ? { position: i, reason: 'unexpected text after the end of the data' } : null
    }
    if (i >= n) return { position: n, reason: ENDS_EARLY }
    const c = text.charCodeAt(i)
    let next: number | JsonSyntaxProblem
    switch (expect) {
      case 'value':
      case 'valueOrArrayEnd':
        if (c === 0x5d && expect === 'valueOrArrayEnd') {
          containers.pop()
          next = i + 1
          expect = 'afterValue'
        } else if (c === 0x7b) {
          containers.push(OBJECT)
          next = i + 1
          expect = 'keyOrObjectEnd'
        } else if (c === 0x5b) {
          containers.push(ARRAY)
          next = i + 1
          expect = 'valueOrArrayEnd'
        } else if (c === 0x22) {
          next = scanString(text, i)
          expect = 'afterValue'
        } else if (c === 0x2d || isDigit(c)) {
          next = scanNumber(text, i)
          expect = 'afterValue'
        } else {
          next = scanLiteral(text, i)
          expect = 'afterValue'
        }
        break
      case 'afterValue': {
        const inObject = containers[containers.length - 1] === OBJECT
        if (c === 0x2c) {
          next = i + 1
          expect = inObject ? 'key' : 'value'
        } else if (c === (inObject ? 0x7d : 0x5d)) {
          containers.pop()
          next = i + 1
        } else {
          return { position: i, reason: UNEXPECTED }
        }
        break
      }
      case 'keyOrObjectEnd':
      case 'key':
        if (c === 0x7d && expect === 'keyOrObjectEnd') {
          containers.pop()
          next = i + 1
          expect = 'afterValue'
        } else if (c === 0x22) {
          next = scanString(text, i)
          expect = 'colon'
        } else {
          return { position: i, reason: UNEXPECTED }
        }
        break
      case 'colon':
        if (c !== 0x3a) return { position: i, reason: UNEXPECTED }
        next = i + 1
        expect = 'value'
        break
    }
    if (typeof next !== 'number') return next
    i = next
  }
}

/**
 * The offset of the first "{" or "[" nested deeper than `maxDepth` levels, or null. Brackets inside
 * quoted text do not count. Runs before JSON.parse so a hostile file is refused cheaply and no later
 * recursive walk can overflow the stack.
 */
export function findExcessiveNesting(text: string, maxDepth: number): number | null {
  let depth = 0
  let isInString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isInString) {
      if (c === 0x5c) i++
      else if (c === 0x22) isInString = false
    } else if (c === 0x22) {
      isInString = true
    } else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > maxDepth) return i
    } else if (c === 0x7d || c === 0x5d) {
      depth = Math.max(0, depth - 1)
    }
  }
  return null
}

/** A key that appears twice in one JSON object: its text and the offsets of both occurrences. */
export interface DuplicateKey {
  key: string
  position: number
  firstPosition: number
}

/**
 * The first key written twice in the same object of a valid JSON text, or null. JSON.parse keeps the
 * last value silently, so a reviewer reading the file could see one value while another counts; keys are
 * compared after unescaping ("a" and "\u0061" are the same key). Linear in the length of the text.
 */
export function findDuplicateKey(text: string): DuplicateKey | null {
  const objects: (Map<string, number> | null)[] = []
  let isKeyNext = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      const end = scanString(text, i)
      if (typeof end !== 'number') return null
      const keys = objects[objects.length - 1]
      if (isKeyNext && keys) {
        const raw = text.slice(i + 1, end - 1)
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
        const first = keys.get(key)
        if (first !== undefined) return { key, position: i, firstPosition: first }
        keys.set(key, i)
        isKeyNext = false
      }
      i = end - 1
    } else if (c === 0x7b) {
      objects.push(new Map())
      isKeyNext = true
    } else if (c === 0x5b) {
      objects.push(null)
      isKeyNext = false
    } else if (c === 0x7d || c === 0x5d) {
      objects.pop()
      isKeyNext = false
    } else if (c === 0x2c) {
      isKeyNext = objects[objects.length - 1] !== null && objects.length > 0
    }
  }
  return null
}
