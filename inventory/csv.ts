import Papa from 'papaparse'
import type { Cell, TableVisitor } from './cell'
import type { DecimalStyle } from './columns'
import { InventoryError } from './errors'
import { INVENTORY_LIMITS } from './limits'

/** CSV text decoded from bytes: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252. */
export function decodeCsvBytes(fileName: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  const probe = bytes.subarray(0, 4096)
  if (probe.includes(0)) {
    throw new InventoryError(
      fileName,
      'not-a-workbook',
      'the file is neither an Excel workbook (.xlsx) nor a CSV text file'
    )
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Older Windows tools write the ANSI code page.
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

const DELIMITERS = [',', ';', '\t', '|'] as const

/**
 * The delimiter a CSV uses (comma, semicolon, tab or bar), read from its header line: the one that occurs
 * most often outside quotes there, comma on a tie or when none occurs. Written by hand rather than left to
 * papaparse's guess, which weighs every previewed row alike: a VM named "||" among few rows made it pick the
 * bar for a comma-separated export. Column names are the export tool's, never user text, so the header is
 * the one line whose delimiters can be trusted.
 */
export function detectDelimiter(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let isQuoted = false
  let hasContent = false
  for (let i = start; i < text.length && i < 64 * 1024; i++) {
    const c = text[i] as string
    if (c === '"') isQuoted = !isQuoted
    else if (!isQuoted && (c === '\n' || c === '\r')) {
      // Blank lines before the header are skipped, as the reader skips them.
      if (hasContent) break
    } else if (!isQuoted && counts.has(c)) counts.set(c, (counts.get(c) as number) + 1)
    if (c !== '\n' && c !== '\r') hasContent = true
  }
  let best: string = ','
  for (const d of DELIMITERS) if ((counts.get(d) as number) > (counts.get(best) as number)) best = d
  return best
}

/**
 * Streams a CSV's rows through `visitor` (the first non-empty row is the header). Semicolon-separated
 * files come from locales that write decimal commas, so their numbers are read that way. Returns the data
 * row count and the decimal style used.
 */
export function readCsvTable(
  fileName: string,
  text: string,
  visitor: TableVisitor,
  sheetName: string
): { rows: number; decimals: DecimalStyle } {
  const delimiter = detectDelimiter(text)
  const decimals: DecimalStyle = delimiter === ';' ? 'comma' : 'point'
  let wanted: readonly number[] | null = null
  let rows = 0
  let rowNumber = 0
  let values: Cell[] = []
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: 'greedy',
    step(result) {
      rowNumber++
      const fields = result.data
      if (wanted === null) {
        wanted = visitor.header(fields.map((f) => f.trim()))
        values = new Array(wanted.length).fill(null)
        return
      }
      rows++
      if (rows > INVENTORY_LIMITS.maxRows) {
        throw new InventoryError(
          fileName,
          'too-many-rows',
          `${sheetName} holds more than ${INVENTORY_LIMITS.maxRows.toLocaleString('en-US')} rows, the most an import reads`,
          sheetName
        )
      }
      for (let k = 0; k < wanted.length; k++) {
        const field = fields[wanted[k] as number]
        values[k] = field === undefined || field.trim() === '' ? null : field
      }
      visitor.row(values, rowNumber)
    },
  })
  if (wanted === null) visitor.header([])
  return { rows, decimals }
}
