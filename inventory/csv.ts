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

/** The delimiter a CSV uses (comma, semicolon, tab), guessed by papaparse from its first lines. */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024)
  const guess = Papa.parse<string[]>(sample, { preview: 20, delimitersToGuess: [',', ';', '\t', '|'] })
  return guess.meta.delimiter || ','
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
