/**
 * A plain table: the common shape of every export (workbook sheets, CSV files, the report's tables).
 * Cells hold the model's numbers unrounded; formats only say how a spreadsheet should show them.
 */
export type CellValue = number | string | boolean | null

/** How a spreadsheet shows a column's numbers; the stored value is never rounded. */
export type ColumnFormat = 'text' | 'integer' | 'decimal' | 'money' | 'moneyCents' | 'percent'

export interface TableColumn {
  /** Header text, with the unit in parentheses where the column has one: "vmware.total (USD/yr)". */
  header: string
  /** @default 'text' for strings, 'decimal' for numbers */
  format?: ColumnFormat
  /** Column width in characters; the header’s and first rows’ text (at least 10, at most 60) when omitted. */
  width?: number
}

export interface Table {
  /** Sheet name (at most 31 characters, no []:*?/\ as Excel requires). */
  name: string
  columns: TableColumn[]
  rows: CellValue[][]
}

/** A column's width in characters: its own, else fitted to the header and the first rows' text. */
export function columnWidth(table: Table, index: number): number {
  const column = table.columns[index]
  if (column?.width !== undefined) return column.width
  let width = Math.max(10, (column?.header.length ?? 0) + 2)
  for (const row of table.rows.slice(0, 200)) {
    const cell = row[index]
    const text = typeof cell === 'number' ? cell.toLocaleString('en-US', { maximumFractionDigits: 2 }) : cell
    if (text !== null && text !== undefined) width = Math.max(width, String(text).length + 2)
  }
  return Math.min(60, width)
}
