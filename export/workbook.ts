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
    const sheet = workbook.addWorksheet(xmlSafeText(table.name), { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = table.columns.map((c, i) => ({
      header: xmlSafeText(c.header),
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

/**
 * Characters XML 1.0 forbids (§2.2 Char: everything but tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and
 * U+10000–U+10FFFF), including lone surrogates. A workbook is XML: one such character in a plan name
 * makes Excel and LibreOffice refuse the whole file.
 */
const XML_ILLEGAL =
  // eslint-disable-next-line no-control-regex -- finding control characters is what this is for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** `text` with every character XML 1.0 forbids replaced by U+FFFD, so the workbook always opens. */
export function xmlSafeText(text: string): string {
  return text.replace(XML_ILLEGAL, '\ufffd')
}

/** A cell for exceljs: finite numbers, booleans as they are; text XML-safe; null and non-finite numbers empty. */
function cellValue(value: CellValue): string | number | boolean | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string') return xmlSafeText(value)
  return value
}
