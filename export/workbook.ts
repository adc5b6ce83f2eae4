import * as ExcelJSModule from 'exceljs'
import { columnWidth, type CellValue, type ColumnFormat, type Table } from './table'

/**
 * exceljs is CommonJS (Node) or a UMD bundle (browser build): bundlers expose its API either as the
 * namespace itself or as the namespace's default export.
 */
const ExcelJS: typeof ExcelJSModule =
  (ExcelJSModule as unknown as { default?: typeof ExcelJSModule }).default ?? ExcelJSModule

/** Spreadsheet number formats; money is stored rounded to cents, other numbers unrounded. */
const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal: undefined,
  money: '#,##0',
  moneyCents: '#,##0.00',
  percent: '0.0%',
}

/** Rows written between two calls of `onProgress` (which may yield so a window stays responsive). */
const ROWS_PER_TICK = 2000

export interface WorkbookOptions {
  /** Stored in the file's properties. */
  createdAt: Date
  /**
   * Called every couple of thousand rows with the rows written and the rows in all; awaited, so the
   * caller can show progress and let the page breathe.
   */
  onProgress?: (done: number, total: number) => void | Promise<void>
}

/**
 * An .xlsx workbook with one sheet per table: numbers stay numbers (never text), units are in the
 * headers, the header row is bold and frozen with a filter, and columns get readable widths.
 */
export async function buildWorkbook(tables: readonly Table[], options: WorkbookOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Stackplan'
  workbook.created = options.createdAt
  workbook.modified = options.createdAt
  const total = tables.reduce((sum, t) => sum + t.rows.length, 0)
  let done = 0
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = table.columns.map((c, i) => ({
      header: c.header,
      width: columnWidth(table, i),
      style: NUMBER_FORMATS[c.format ?? 'text'] ? { numFmt: NUMBER_FORMATS[c.format ?? 'text'] } : {},
    }))
    const header = sheet.getRow(1)
    header.font = { bold: true }
    header.alignment = { vertical: 'middle', wrapText: true }
    header.border = { bottom: { style: 'thin' } }
    if (table.columns.length > 0)
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } }
    const isMoney = table.columns.map((c) => c.format === 'money' || c.format === 'moneyCents')
    for (const row of table.rows) {
      sheet.addRow(row.map((v, i) => cellValue(isMoney[i] ? centsOf(v) : v)))
      done++
      if (options.onProgress && done % ROWS_PER_TICK === 0) await options.onProgress(done, total)
    }
  }
  const buffer: ArrayBuffer | Uint8Array = await workbook.xlsx.writeBuffer()
  await options.onProgress?.(total, total)
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer)
}

/**
 * Money rounded to cents: a workbook is read by people who add columns up, and 1234.5678901 USD is noise.
 * Totals in the model are computed from unrounded parts; only the cell is rounded.
 */
export function centsOf(value: CellValue): CellValue {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) / 100 : value
}

/** A cell for exceljs: finite numbers, text and booleans as they are; null and non-finite numbers empty. */
function cellValue(value: CellValue): string | number | boolean | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  return value
}
