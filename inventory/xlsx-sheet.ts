import type { Cell, TableVisitor } from './cell'
import { InventoryError } from './errors'
import type { SharedStrings } from './xlsx-strings'
import {
  COLON,
  columnOfReference,
  endsName,
  findAttribute,
  GT,
  LT,
  parseDigits,
  QUOTE,
  SLASH,
} from './xml-scan'
import { xmlText } from './xml-text'

/** Cell types of SpreadsheetML's `t` attribute that the scanner tells apart. */
const enum CellType {
  Number,
  Shared,
  Inline,
  Text,
  Boolean,
  Error,
}

const latin1 = new TextDecoder('latin1')

/**
 * Reads a worksheet's XML as it is inflated, chunk by chunk: rows are parsed as soon as they are complete,
 * an incomplete row at the end of a chunk is carried over. The `<dimension>` a sheet declares is ignored
 * (exports claim a million rows while holding ten); rows are counted as they come and refused past
 * `maxRows`. Only the header row and the visitor's wanted columns are decoded.
 */
export class SheetScanner {
  private carry: Uint8Array | null = null
  private hasHeader = false
  /** Wanted position of each column (−1: not wanted), set from the header. */
  private positionOfColumn: Int32Array = new Int32Array(0)
  private values: Cell[] = []
  private headerNames: string[] = []
  private rowNumber = 0
  private nextColumn = 0
  private cellPosition = -1
  private cellType = CellType.Number
  private cellText = ''
  private isInRow = false
  private hasValue = false
  /** Data rows handed to the visitor. */
  dataRows = 0

  constructor(
    private readonly visitor: TableVisitor,
    private readonly strings: SharedStrings | null,
    private readonly where: { fileName: string; sheetName: string; maxRows: number }
  ) {}

  /** Feeds the next piece of the sheet's XML. */
  push(chunk: Uint8Array): void {
    let start = 0
    if (this.carry) {
      // Finish the carried row with the head of this chunk (up to its first row end), so the rest of the
      // chunk is scanned where it lies instead of being copied.
      const end = firstRowEnd(chunk)
      const head = end < 0 ? chunk : chunk.subarray(0, end)
      const joined = concat(this.carry, head)
      this.carry = null
      const consumed = this.scan(joined, 0)
      const left = consumed < joined.length ? joined.subarray(consumed) : null
      if (end < 0) {
        if (left) this.carry = left.slice()
        return
      }
      if (left) {
        // The head did not end the carried row after all (its row end belonged to a cut tag): join the rest.
        const rest = concat(left, chunk.subarray(end))
        const used = this.scan(rest, 0)
        if (used < rest.length) this.carry = rest.slice(used)
        return
      }
      start = end
    }
    const consumed = this.scan(chunk, start)
    if (consumed < chunk.length) this.carry = chunk.slice(consumed)
  }

  /** Called after the last chunk. */
  finish(): void {
    if (!this.hasHeader) this.visitor.header([])
  }

  /** Parses whole rows in `bytes`; returns the offset where the unfinished part begins. */
  private scan(bytes: Uint8Array, from: number): number {
    const size = bytes.length
    let rowStart = -1
    let at = from
    for (;;) {
      // Plain loops, not indexOf: tags are a few bytes apart and a builtin call costs more than the search.
      let lt = at
      while (lt < size && bytes[lt] !== LT) lt++
      if (lt >= size) return this.isInRow ? rowStart : size
      let p = lt + 1
      const isClosing = bytes[p] === SLASH
      if (isClosing) p++
      // Skip a namespace prefix ("x:") if the tag has one.
      let q = p
      while (q < size && !endsName(bytes[q]) && bytes[q] !== COLON) q++
      if (bytes[q] === COLON) p = q + 1
      const first = bytes[p]
      if (first === 0x63 /* c */ && endsName(bytes[p + 1])) {
        if (isClosing || !this.isInRow) {
          this.cellPosition = -1
          at = p + 1
          continue
        }
        let gt = p + 1
        while (gt < size && bytes[gt] !== GT) gt++
        if (gt >= size) return rowStart
        this.openCell(bytes, p + 1, gt)
        if (bytes[gt - 1] === SLASH) this.cellPosition = -1
        else if (this.cellPosition < 0) {
          // Not a wanted column: jump past its closing tag without looking at what it holds.
          const after = skipToClose(bytes, gt + 1, size)
          if (after < 0) return rowStart
          at = after
          continue
        }
        at = gt + 1
      } else if ((first === 0x76 /* v */ || first === 0x74) /* t */ && !isClosing && this.cellPosition >= 0) {
        let gt = p + 1
        while (gt < size && bytes[gt] !== GT) gt++
        if (gt >= size) return rowStart
        if (bytes[gt - 1] === SLASH || !endsName(bytes[p + 1])) {
          at = gt + 1
          continue
        }
        let close = gt + 1
        while (close < size && bytes[close] !== LT) close++
        if (close >= size) return rowStart
        this.readValue(bytes, gt + 1, close, first === 0x74)
        at = close
      } else if (
        first === 0x72 /* r */ &&
        bytes[p + 1] === 0x6f &&
        bytes[p + 2] === 0x77 &&
        endsName(bytes[p + 3])
      ) {
        let gt = p + 3
        while (gt < size && bytes[gt] !== GT) gt++
        if (gt >= size) return this.isInRow ? rowStart : lt
        if (!isClosing) {
          rowStart = lt
          this.openRow(bytes, p + 3, gt)
          if (bytes[gt - 1] === SLASH) this.closeRow()
        } else if (this.isInRow) {
          this.closeRow()
        }
        at = gt + 1
      } else {
        // Any other tag: skip it whole. One cut by the end of the chunk (it may be a `<row` whose name is not
        // complete yet) is carried over.
        let gt = p
        while (gt < size && bytes[gt] !== GT) gt++
        if (gt >= size) return this.isInRow ? rowStart : lt
        at = gt + 1
      }
    }
  }

  private openRow(bytes: Uint8Array, from: number, to: number): void {
    const r = findAttribute(bytes, from, to, 'r')
    const number = r ? parseDigits(bytes, r[0], r[1]) : -1
    this.rowNumber = number > 0 ? number : this.rowNumber + 1
    this.isInRow = true
    this.nextColumn = 0
    this.hasValue = false
    if (this.hasHeader) this.values.fill(null)
    else this.headerNames = []
  }

  private closeRow(): void {
    this.isInRow = false
    if (!this.hasHeader) {
      if (this.headerNames.length === 0) return
      this.hasHeader = true
      const names = Array.from(this.headerNames, (n) => n ?? '')
      const wanted = this.visitor.header(names)
      this.positionOfColumn = new Int32Array(names.length).fill(-1)
      wanted.forEach((column, position) => (this.positionOfColumn[column] = position))
      this.values = new Array(wanted.length).fill(null)
      return
    }
    if (!this.hasValue) return
    this.dataRows++
    if (this.dataRows > this.where.maxRows) {
      throw new InventoryError(
        this.where.fileName,
        'too-many-rows',
        `sheet ${this.where.sheetName} holds more than ${this.where.maxRows.toLocaleString('en-US')} rows, the most an import reads`,
        this.where.sheetName
      )
    }
    this.visitor.row(this.values, this.rowNumber)
  }

  private openCell(bytes: Uint8Array, from: number, to: number): void {
    let column: number
    // Fast path for the usual `<c r="AB12"`: read the letters in place.
    if (
      bytes[from] === 0x20 &&
      bytes[from + 1] === 0x72 &&
      bytes[from + 2] === 0x3d &&
      bytes[from + 3] === QUOTE
    ) {
      column = columnOfReference(bytes, from + 4, to)
    } else {
      const r = findAttribute(bytes, from, to, 'r')
      column = r ? columnOfReference(bytes, r[0], r[1]) : this.nextColumn
    }
    this.nextColumn = column + 1
    if (!this.hasHeader) this.cellPosition = column
    else
      this.cellPosition =
        column < this.positionOfColumn.length ? (this.positionOfColumn[column] as number) : -1
    if (this.cellPosition < 0) return
    this.cellText = ''
    const t = findAttribute(bytes, from, to, 't')
    if (!t) this.cellType = CellType.Number
    else {
      const kind = latin1.decode(bytes.subarray(t[0], t[1]))
      this.cellType =
        kind === 's'
          ? CellType.Shared
          : kind === 'inlineStr'
            ? CellType.Inline
            : kind === 'b'
              ? CellType.Boolean
              : kind === 'e'
                ? CellType.Error
                : kind === 'n'
                  ? CellType.Number
                  : CellType.Text
    }
  }

  private readValue(bytes: Uint8Array, start: number, end: number, isTextElement: boolean): void {
    let value: Cell
    switch (this.cellType) {
      case CellType.Number: {
        if (isTextElement) return
        const digits = parseDigits(bytes, start, end)
        value = digits >= 0 ? digits : numberOrText(latin1.decode(bytes.subarray(start, end)))
        break
      }
      case CellType.Shared: {
        if (isTextElement) return
        value = this.strings?.get(parseDigits(bytes, start, end)) ?? null
        break
      }
      case CellType.Boolean:
        value = bytes[start] === 0x31
        break
      case CellType.Error:
        value = null
        break
      case CellType.Inline:
        // Rich inline text comes in several <t> runs.
        if (!isTextElement) return
        this.cellText += xmlText(bytes, start, end)
        value = this.cellText
        break
      default:
        value = xmlText(bytes, start, end)
    }
    this.store(value)
  }

  private store(value: Cell): void {
    if (value === null || value === '') return
    this.hasValue = true
    if (!this.hasHeader) this.headerNames[this.cellPosition] = String(value).trim()
    else this.values[this.cellPosition] = value
  }

  private closeCell(): void {
    this.cellPosition = -1
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/**
 * The offset just after the first `</row>` (any prefix) in `bytes`, or −1 when there is none.
 */
function firstRowEnd(bytes: Uint8Array): number {
  const size = bytes.length
  for (let p = 0; p < size; p++) {
    if (bytes[p] !== GT || p < 5) continue
    if (bytes[p - 1] === 0x77 && bytes[p - 2] === 0x6f && bytes[p - 3] === 0x72) {
      const before = bytes[p - 4]
      if (before === SLASH) return p + 1
      if (before === COLON) {
        let q = p - 5
        while (q > 0 && bytes[q] !== LT && bytes[q] !== SLASH) q--
        if (bytes[q] === SLASH) return p + 1
      }
    }
  }
  return -1
}

/**
 * The offset just after the `</c>` (any prefix) that closes the cell whose content starts at `from`, or −1
 * when the chunk ends first.
 */
function skipToClose(bytes: Uint8Array, from: number, size: number): number {
  let p = from
  for (;;) {
    while (p < size && bytes[p] !== LT) p++
    if (p + 1 >= size) return -1
    if (bytes[p + 1] === SLASH) {
      let q = p + 2
      while (q < size && !endsName(bytes[q]) && bytes[q] !== COLON) q++
      const nameStart = bytes[q] === COLON ? q + 1 : p + 2
      if (bytes[nameStart] === 0x63 && endsName(bytes[nameStart + 1])) {
        let gt = nameStart + 1
        while (gt < size && bytes[gt] !== GT) gt++
        return gt < size ? gt + 1 : -1
      }
    }
    p++
  }
}

function numberOrText(text: string): Cell {
  const n = Number(text)
  return text.trim() !== '' && Number.isFinite(n) ? n : text
}

/** Used by the workbook reader to say which row a visitor is on when it fails. */
export type { TableVisitor }
