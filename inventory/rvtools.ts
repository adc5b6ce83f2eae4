import type { Cell, TableVisitor } from './cell'
import { flagOf, locateColumns, numberOf, textOf, type ColumnSpec, type DecimalStyle } from './columns'
import { InventoryError } from './errors'
import { PowerState, type HostRow, type VmRows } from './rows'
import type { WarningCounter } from './warnings'

/** vInfo columns read (one row per VM). Memory and provisioned space are MiB in every version. */
export const VINFO_COLUMNS = [
  { key: 'power', names: ['Powerstate', 'vInfoPowerstate'], isRequired: true },
  { key: 'template', names: ['Template', 'vInfoTemplate'], isRequired: false },
  { key: 'vcpu', names: ['CPUs', 'vInfoCPUs'], isRequired: true },
  { key: 'ramMib', names: ['Memory', 'vInfoMemory'], isRequired: true },
  // "Provisioned MiB" since RVTools 4.x; "Provisioned MB" before (also mebibytes).
  { key: 'diskMib', names: ['Provisioned MiB', 'Provisioned MB', 'vInfoProvisioned'], isRequired: true },
  { key: 'vcenter', names: ['VI SDK Server', 'vInfoVISDKServer'], isRequired: false },
] as const satisfies readonly ColumnSpec[]

/** vHost columns read (one row per ESXi host); a trimmed export may have only `# Cores`. */
export const VHOST_COLUMNS = [
  { key: 'cores', names: ['# Cores', 'vHostNumCpuCores'], isRequired: true },
  { key: 'sockets', names: ['# CPU', 'vHostNumCpu'], isRequired: false },
  { key: 'coresPerSocket', names: ['Cores per CPU', 'vHostCoresPerCPU'], isRequired: false },
  { key: 'ramMib', names: ['# Memory', 'vHostMemorySize'], isRequired: false },
  { key: 'cluster', names: ['Cluster', 'vHostCluster'], isRequired: false },
  { key: 'cpuModel', names: ['CPU Model', 'vHostCpuModel'], isRequired: false },
  { key: 'cpuUsage', names: ['CPU usage %'], isRequired: false },
  { key: 'memoryUsage', names: ['Memory usage %'], isRequired: false },
  { key: 'vcenter', names: ['VI SDK Server', 'vHostVISDKServer'], isRequired: false },
] as const satisfies readonly ColumnSpec[]

/** Where rows come from, for messages and warnings. */
export interface TableWhere {
  file: string
  sheet: string
  decimals: DecimalStyle
}

function missingColumn(where: TableWhere, spec: ColumnSpec): InventoryError {
  return new InventoryError(
    where.file,
    'missing-column',
    `sheet ${where.sheet} has no column "${spec.names[0]}"${spec.names.length > 2 ? ` (nor "${spec.names[1]}")` : ''}`,
    spec.names[0]
  )
}

/** Reads vInfo rows into `vms`; returns the visitor and a count of rows read. */
export function vinfoVisitor(
  where: TableWhere,
  vms: VmRows,
  warnings: WarningCounter,
  vcenters: Set<string>
): TableVisitor & { rows: number } {
  let names: (string | null)[] = []
  const state = { rows: 0 }
  const visitor = {
    get rows() {
      return state.rows
    },
    header(header: readonly string[]): number[] {
      const located = locateColumns(header, VINFO_COLUMNS)
      if (located.missing) throw missingColumn(where, located.missing)
      names = located.found
      if (located.indexes[1] === -1) warnings.add(where.file, where.sheet, null, 'no-template-column', 1)
      // Absent optional columns read as a column past the end, which is always empty.
      return located.indexes.map((i) => (i < 0 ? header.length + 1000 : i))
    },
    row(values: readonly Cell[], rowNumber: number): void {
      state.rows++
      const [powerCell, templateCell, vcpuCell, ramCell, diskCell, vcenterCell] = values
      const vcenter = textOf(vcenterCell ?? null)
      if (vcenter !== null) vcenters.add(vcenter)
      const power = parsePowerState(powerCell ?? null)
      if (power === null) {
        warnings.add(
          where.file,
          where.sheet,
          names[0] ?? 'Powerstate',
          textOf(powerCell ?? null) === null ? 'missing-value' : 'unknown-power-state',
          rowNumber
        )
        vms.unusable++
        return
      }
      let isTemplate = false
      if (templateCell != null) {
        const flag = flagOf(templateCell)
        if (flag === null)
          warnings.add(where.file, where.sheet, names[1] ?? 'Template', 'unknown-flag', rowNumber)
        isTemplate = flag === true
      }
      const sizes = [vcpuCell, ramCell, diskCell].map((c) => numberOf(c ?? null, where.decimals))
      for (let k = 0; k < 3; k++) {
        const value = sizes[k]
        const column = names[k + 2] ?? VINFO_COLUMNS[k + 2]?.names[0] ?? ''
        if (value === null || value === undefined || Number.isNaN(value) || value < 0) {
          const code =
            value === null || value === undefined
              ? 'missing-value'
              : Number.isNaN(value)
                ? 'not-a-number'
                : 'negative'
          warnings.add(where.file, where.sheet, column, code, rowNumber)
          vms.unusable++
          return
        }
      }
      vms.add({
        vcpu: sizes[0] as number,
        ramMib: sizes[1] as number,
        diskMib: sizes[2] as number,
        state: power,
        isTemplate,
      })
    },
  }
  return visitor
}

function parsePowerState(cell: Cell): PowerState | null {
  const text = textOf(cell)?.toLowerCase()
  if (text === 'poweredon' || text === 'powered on' || text === 'on') return PowerState.On
  if (text === 'poweredoff' || text === 'powered off' || text === 'off') return PowerState.Off
  if (text === 'suspended') return PowerState.Suspended
  return null
}

/** Reads vHost rows into `hosts`. */
export function vhostVisitor(
  where: TableWhere,
  hosts: HostRow[],
  warnings: WarningCounter,
  vcenters: Set<string>
): TableVisitor & { rows: number } {
  let names: (string | null)[] = []
  let hasSockets = false
  let hasRam = false
  const state = { rows: 0 }
  return {
    get rows() {
      return state.rows
    },
    header(header: readonly string[]): number[] {
      const located = locateColumns(header, VHOST_COLUMNS)
      if (located.missing) throw missingColumn(where, located.missing)
      names = located.found
      hasSockets = located.indexes[1] !== -1
      hasRam = located.indexes[3] !== -1
      return located.indexes.map((i) => (i < 0 ? header.length + 1000 : i))
    },
    row(values: readonly Cell[], rowNumber: number): void {
      state.rows++
      const number = (k: number, isRequired: boolean): number | null | undefined => {
        const value = numberOf(values[k] ?? null, where.decimals)
        const column = names[k] ?? VHOST_COLUMNS[k]?.names[0] ?? ''
        if (value === null) {
          if (isRequired) warnings.add(where.file, where.sheet, column, 'missing-value', rowNumber)
          return isRequired ? undefined : null
        }
        if (Number.isNaN(value) || value < 0) {
          warnings.add(
            where.file,
            where.sheet,
            column,
            Number.isNaN(value) ? 'not-a-number' : 'negative',
            rowNumber
          )
          return undefined
        }
        return value
      }
      const cores = number(0, true)
      const sockets = hasSockets ? number(1, true) : null
      const coresPerSocket = number(2, false)
      const ramMib = hasRam ? number(3, true) : null
      const cpuUsage = number(6, false)
      const memoryUsage = number(7, false)
      // A host without its cores (or, where the column exists, its CPUs or memory) cannot be counted.
      if (cores === undefined || sockets === undefined || ramMib === undefined || cores === null) return
      const vcenter = textOf(values[8] ?? null)
      if (vcenter !== null) vcenters.add(vcenter)
      hosts.push({
        cores,
        sockets,
        coresPerSocket: coresPerSocket ?? (sockets ? cores / sockets : null),
        ramMib,
        cluster: textOf(values[4] ?? null),
        cpuModel: textOf(values[5] ?? null)?.replace(/\s+/g, ' ') ?? null,
        cpuUsagePercent: cpuUsage ?? null,
        memoryUsagePercent: memoryUsage ?? null,
      })
    },
  }
}
