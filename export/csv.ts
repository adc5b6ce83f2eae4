import { csvField } from '../models/index'
import type { Table } from './table'

export { csvField }

/**
 * A table as CSV: a header row, then one line per row, joined by "\n" without a final line break.
 * Numbers are written in full (JavaScript's shortest round-trip form), never rounded or grouped.
 */
export function tableToCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvField(c.header)).join(',')]
  for (const row of table.rows) lines.push(row.map(csvField).join(','))
  return lines.join('\n')
}
