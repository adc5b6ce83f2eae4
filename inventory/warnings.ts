import type { InventoryWarning } from './rows'

const SENTENCES: Record<InventoryWarning['code'], (w: InventoryWarning) => string> = {
  'not-a-number': (w) => `rows whose ${w.column} is not a number were left out`,
  negative: (w) => `rows with a negative ${w.column} were left out`,
  'unknown-power-state': (w) =>
    `rows whose ${w.column} is not poweredOn, poweredOff or suspended were left out`,
  'unknown-flag': (w) => `rows whose ${w.column} is neither true nor false were read as false`,
  'missing-value': (w) => `rows without a ${w.column} were left out`,
  'no-template-column': () => 'the sheet has no Template column, so no VM is treated as a template',
}

/** Counts row-level problems by file, sheet, column and kind, so each is reported once with its count. */
export class WarningCounter {
  private readonly byKey = new Map<string, InventoryWarning>()

  add(file: string, sheet: string, column: string | null, code: InventoryWarning['code'], row: number): void {
    const key = `${file}\u0000${sheet}\u0000${column}\u0000${code}`
    const existing = this.byKey.get(key)
    if (existing) existing.count++
    else this.byKey.set(key, { file, sheet, column, code, count: 1, firstRow: row, message: '' })
  }

  /** The warnings with their sentences, in the order first seen. */
  list(): InventoryWarning[] {
    return [...this.byKey.values()].map((w) => {
      const what = SENTENCES[w.code](w)
      const rows =
        w.code === 'no-template-column'
          ? ''
          : ` (${w.count.toLocaleString('en-US')} ${w.count === 1 ? 'row' : 'rows'}, first at row ${w.firstRow})`
      return {
        ...w,
        message: `${w.file}, ${w.sheet}: ${w.count === 1 ? what.replace(/^rows/, 'a row').replace(/ were /, ' was ') : what}${rows}`,
      }
    })
  }
}
