import type { Cell, TableVisitor } from './cell'
import { flagOf, locateColumns, numberOf, type ColumnSpec } from './columns'
import { InventoryError } from './errors'
import { PowerState, type VmRows } from './rows'
import type { TableWhere } from './rvtools'
import type { WarningCounter } from './warnings'

/** The plain VM CSV (docs/IMPORT.md): one row per VM, sizes in GiB. A `name` column may exist; it is never read. */
export const PLAIN_COLUMNS = [
  { key: 'vcpu', names: ['vcpu'], isRequired: true },
  { key: 'ramGib', names: ['ram_gib'], isRequired: true },
  { key: 'diskGib', names: ['disk_gib'], isRequired: true },
  { key: 'poweredOn', names: ['powered_on'], isRequired: true },
  { key: 'pet', names: ['pet'], isRequired: false },
  { key: 'ft', names: ['ft'], isRequired: false },
] as const satisfies readonly ColumnSpec[]

/** True when a header row looks like the plain VM CSV. */
export function isPlainHeader(header: readonly string[]): boolean {
  const names = header.map((h) => h.trim().toLowerCase())
  return names.includes('vcpu') && names.includes('ram_gib')
}

const MIB_PER_GIB = 1024

export function plainVisitor(
  where: TableWhere,
  vms: VmRows,
  warnings: WarningCounter
): TableVisitor & { rows: number } {
  const state = { rows: 0 }
  return {
    get rows() {
      return state.rows
    },
    header(header: readonly string[]): number[] {
      const located = locateColumns(header, PLAIN_COLUMNS)
      if (located.missing) {
        throw new InventoryError(
          where.file,
          'missing-column',
          `the CSV has no column "${located.missing.names[0]}"`,
          located.missing.names[0]
        )
      }
      return located.indexes.map((i) => (i < 0 ? header.length + 1000 : i))
    },
    row(values: readonly Cell[], rowNumber: number): void {
      state.rows++
      const sizes: number[] = []
      for (let k = 0; k < 3; k++) {
        const value = numberOf(values[k] ?? null, where.decimals)
        const column = PLAIN_COLUMNS[k]?.names[0] ?? ''
        if (value === null || Number.isNaN(value) || value < 0) {
          warnings.add(
            where.file,
            where.sheet,
            column,
            value === null ? 'missing-value' : Number.isNaN(value) ? 'not-a-number' : 'negative',
            rowNumber
          )
          vms.unusable++
          return
        }
        sizes.push(value)
      }
      const poweredOn = flagOf(values[3] ?? null)
      if (poweredOn === null) {
        warnings.add(where.file, where.sheet, 'powered_on', 'unknown-flag', rowNumber)
      }
      const flag = (k: number, column: string): boolean | null => {
        const cell = values[k] ?? null
        if (cell === null) return null
        const value = flagOf(cell)
        if (value === null) warnings.add(where.file, where.sheet, column, 'unknown-flag', rowNumber)
        return value ?? false
      }
      vms.add({
        vcpu: sizes[0] as number,
        ramMib: (sizes[1] as number) * MIB_PER_GIB,
        diskMib: (sizes[2] as number) * MIB_PER_GIB,
        state: poweredOn === false || poweredOn === null ? PowerState.Off : PowerState.On,
        isTemplate: false,
        isPet: flag(4, 'pet'),
        isFt: flag(5, 'ft'),
      })
    },
  }
}
