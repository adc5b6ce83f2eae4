import { escapeControls } from './terminal-text'

/** Whole or fixed-decimal number with thousands separators, for tables. */
export function number(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
}

/** A fleet size with its unit, singular for one: "1 VM", "1,000 VMs". */
export function vmsText(vms: number): string {
  return `${number(vms)} ${vms === 1 ? 'VM' : 'VMs'}`
}

/** Money with its currency code, e.g. "USD 1,234,567". */
export function money(value: number, currency: string, decimals = 0): string {
  return `${currency} ${number(value, decimals)}`
}

/**
 * Left-aligned first column, right-aligned others, two spaces apart. Cells have their control characters
 * escaped, so a name from a file can neither break the table's lines nor steer the terminal.
 */
export function formatTable(cells: string[][]): string {
  const rows = cells.map((row) => row.map(escapeControls))
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

/** One CSV field: quoted when it holds a comma, quote or line break (shared with the window's exports). */
export { csvField } from '../../export/csv'

/**
 * Text from a file (a file, cluster or CPU model name) made safe to print: control characters, which could
 * move the cursor or change colours, are shown as \u escapes.
 */
export function terminalText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}
