// Byte-level helpers for scanning large spreadsheet XML without building a DOM or decoding text that is
// never used. Tags are matched by local name, so `<c>` and `<x:c>` read the same.

export const LT = 0x3c
export const GT = 0x3e
export const SLASH = 0x2f
export const COLON = 0x3a
export const QUOTE = 0x22
export const APOSTROPHE = 0x27

/** True for the bytes that end a tag name. */
export function endsName(b: number | undefined): boolean {
  return b === 0x20 || b === GT || b === SLASH || b === 0x09 || b === 0x0a || b === 0x0d || b === undefined
}

/** A parsed tag head: its local name's offsets and whether it is a closing tag. */
export interface TagHead {
  isClosing: boolean
  /** Offset of the local name (after any prefix) and of the byte after it. */
  nameStart: number
  nameEnd: number
}

/** Reads the name of the tag opening at `lt` (which holds '<'); reuses `out`. */
export function readTagHead(bytes: Uint8Array, lt: number, out: TagHead): TagHead {
  let p = lt + 1
  out.isClosing = bytes[p] === SLASH
  if (out.isClosing) p++
  let start = p
  while (!endsName(bytes[p])) {
    if (bytes[p] === COLON) start = p + 1
    p++
  }
  out.nameStart = start
  out.nameEnd = p
  return out
}

/** True when bytes[start, end) equals the ASCII `name`. */
export function nameIs(bytes: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false
  for (let i = 0; i < name.length; i++) if (bytes[start + i] !== name.charCodeAt(i)) return false
  return true
}

/**
 * The value of attribute `name` (no prefix) inside the tag bytes [from, to), as offsets of its text, or
 * null. Matches only a whole attribute name preceded by whitespace.
 */
export function findAttribute(
  bytes: Uint8Array,
  from: number,
  to: number,
  name: string
): [number, number] | null {
  const first = name.charCodeAt(0)
  for (let p = from; p < to; p++) {
    if (bytes[p] !== first) continue
    const before = bytes[p - 1]
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue
    let q = p + 1
    let i = 1
    while (i < name.length && bytes[q] === name.charCodeAt(i)) {
      q++
      i++
    }
    if (i < name.length) continue
    while (bytes[q] === 0x20) q++
    if (bytes[q] !== 0x3d /* = */) continue
    q++
    while (bytes[q] === 0x20) q++
    const quote = bytes[q]
    if (quote !== QUOTE && quote !== APOSTROPHE) continue
    const end = bytes.indexOf(quote, q + 1)
    if (end < 0 || end > to) return null
    return [q + 1, end]
  }
  return null
}

/** Zero-based column of a cell reference such as "AB12" (letters only are read). */
export function columnOfReference(bytes: Uint8Array, start: number, end: number): number {
  let column = 0
  for (let p = start; p < end; p++) {
    const b = bytes[p] as number
    if (b >= 0x41 && b <= 0x5a) column = column * 26 + (b - 0x40)
    else if (b >= 0x61 && b <= 0x7a) column = column * 26 + (b - 0x60)
    else break
  }
  return column - 1
}

/** Whole number written in ASCII digits at [start, end), or -1 when it is not one. */
export function parseDigits(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start) return -1
  let value = 0
  for (let p = start; p < end; p++) {
    const d = (bytes[p] as number) - 0x30
    if (d < 0 || d > 9) return -1
    value = value * 10 + d
  }
  return value
}

/** Digits of a row reference such as "12" in `<row r="12">`, or -1. */
export function rowOfReference(bytes: Uint8Array, start: number, end: number): number {
  let p = start
  while (p < end && !((bytes[p] as number) >= 0x30 && (bytes[p] as number) <= 0x39)) p++
  return parseDigits(bytes, p, end)
}
