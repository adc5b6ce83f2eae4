import type { Cell } from './cell'

/**
 * One logical column and the header names it goes by. RVTools names are those of its "Export all" sheets
 * (vInfo, vHost; see docs/IMPORT.md for where they come from); some CSV exports use RVTools' internal
 * names (vInfoCPUs, vHostNumCpuCores …), read as aliases.
 */
export interface ColumnSpec {
  key: string
  names: readonly string[]
  isRequired: boolean
}

/** Header text compared without case, surrounding spaces or doubled spaces. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
}

/**
 * Finds each spec's column in a header row. Returns the column indexes (−1 where absent) in spec order and
 * the display name of the first required column that is missing, if any.
 */
export function locateColumns(
  header: readonly string[],
  specs: readonly ColumnSpec[]
): { indexes: number[]; found: (string | null)[]; missing: ColumnSpec | null } {
  const position = new Map<string, number>()
  header.forEach((name, i) => {
    const key = normalizeHeader(name)
    if (key !== '' && !position.has(key)) position.set(key, i)
  })
  const indexes: number[] = []
  const found: (string | null)[] = []
  let missing: ColumnSpec | null = null
  for (const spec of specs) {
    const hit = spec.names.find((n) => position.has(normalizeHeader(n)))
    indexes.push(hit === undefined ? -1 : (position.get(normalizeHeader(hit)) as number))
    found.push(hit === undefined ? null : (header[position.get(normalizeHeader(hit)) as number] ?? hit))
    if (hit === undefined && spec.isRequired && missing === null) missing = spec
  }
  return { indexes, found, missing }
}

/** How a text cell writes numbers: "1234.5" or, in semicolon CSVs from comma-decimal locales, "1.234,5". */
export type DecimalStyle = 'point' | 'comma'

/**
 * A cell as a number, or NaN when it holds none (null for an empty cell). Text is read in the file's
 * decimal style; spaces and no-break spaces used as thousands separators are ignored.
 */
export function numberOf(cell: Cell, style: DecimalStyle): number | null {
  if (cell === null) return null
  if (typeof cell === 'number') return cell
  if (typeof cell === 'boolean') return NaN
  let text = cell.replace(/[\s\u00a0\u202f]/g, '')
  if (text === '') return null
  if (style === 'comma') {
    if (/^-?\d{1,3}(\.\d{3})+(,\d*)?$/.test(text)) text = text.replace(/\./g, '')
    text = text.replace(',', '.')
  } else if (/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) {
    text = text.replace(/,/g, '')
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return NaN
  return Number(text)
}

/** A cell as true/false ("True", "False", "yes", "no", 1, 0, booleans), or null when it is none of them. */
export function flagOf(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null
  if (cell === null) return null
  const text = cell.trim().toLowerCase()
  if (['true', 'yes', 'y', '1', 'wahr', 'vrai', 'ja', 'oui', 'sí', 'si', 'x'].includes(text)) return true
  if (['false', 'no', 'n', '0', 'falsch', 'faux', 'nein', 'non', ''].includes(text)) return false
  return null
}

/** A cell as trimmed text, or null when empty. */
export function textOf(cell: Cell): string | null {
  if (cell === null) return null
  const text = String(cell).trim()
  return text === '' ? null : text
}
