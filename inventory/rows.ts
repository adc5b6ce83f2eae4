/** Power state of a VM row as RVTools writes it (`Powerstate`). */
export const enum PowerState {
  On = 0,
  Off = 1,
  Suspended = 2,
}

/**
 * The VM rows an import keeps, as plain data (it crosses from the import worker to the window by structured
 * clone): sizes and state only, in flat arrays of which the first `count` entries are used.
 */
export interface VmColumns {
  count: number
  vcpu: Float64Array
  ramMib: Float64Array
  diskMib: Float64Array
  state: Uint8Array
  isTemplate: Uint8Array
  /** 1 pet, 0 not, −1 unknown (only a plain CSV says). */
  isPet: Int8Array
  isFt: Int8Array
  /** Rows that were counted but cannot be sized (a warning says why). */
  unusable: number
}

/**
 * The VM rows an import keeps: sizes and state only, in flat arrays (a 100,000-VM export is a few MB).
 * Names, addresses, annotations and every other column are never read.
 */
export class VmRows implements VmColumns {
  count = 0
  vcpu = new Float64Array(1024)
  ramMib = new Float64Array(1024)
  diskMib = new Float64Array(1024)
  state = new Uint8Array(1024)
  isTemplate = new Uint8Array(1024)
  /** Rows that were counted but cannot be sized (a warning says why). */
  unusable = 0
  /** Pet and FT flags, only from a plain CSV that has those columns (−1: unknown). */
  isPet = new Int8Array(1024)
  isFt = new Int8Array(1024)

  add(row: {
    vcpu: number
    ramMib: number
    diskMib: number
    state: PowerState
    isTemplate: boolean
    isPet?: boolean | null
    isFt?: boolean | null
  }): void {
    if (this.count === this.vcpu.length) this.grow()
    const i = this.count++
    this.vcpu[i] = row.vcpu
    this.ramMib[i] = row.ramMib
    this.diskMib[i] = row.diskMib
    this.state[i] = row.state
    this.isTemplate[i] = row.isTemplate ? 1 : 0
    this.isPet[i] = row.isPet == null ? -1 : row.isPet ? 1 : 0
    this.isFt[i] = row.isFt == null ? -1 : row.isFt ? 1 : 0
  }

  private grow(): void {
    const size = this.vcpu.length * 2
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(size)
      b.set(a)
      return b
    }
    this.vcpu = f64(this.vcpu)
    this.ramMib = f64(this.ramMib)
    this.diskMib = f64(this.diskMib)
    const u8 = (a: Uint8Array) => {
      const b = new Uint8Array(size)
      b.set(a)
      return b
    }
    this.state = u8(this.state)
    this.isTemplate = u8(this.isTemplate)
    const i8 = (a: Int8Array) => {
      const b = new Int8Array(size)
      b.set(a)
      return b
    }
    this.isPet = i8(this.isPet)
    this.isFt = i8(this.isFt)
  }
}

/** One ESXi host row (vHost): hardware only, never its name. */
export interface HostRow {
  cores: number
  sockets: number | null
  coresPerSocket: number | null
  ramMib: number | null
  cluster: string | null
  cpuModel: string | null
  cpuUsagePercent: number | null
  memoryUsagePercent: number | null
}

/** What a source file contributed. */
export interface SourceFile {
  name: string
  kind: 'rvtools-xlsx' | 'rvtools-csv' | 'plain-csv'
  vmRows: number
  hostRows: number
}

/** A row-level problem, counted per file, sheet, column and kind; the first row it happened in kept. */
export interface InventoryWarning {
  file: string
  sheet: string
  column: string | null
  code:
    | 'not-a-number'
    | 'negative'
    | 'unknown-power-state'
    | 'unknown-flag'
    | 'missing-value'
    | 'no-template-column'
  count: number
  firstRow: number
  /** One English sentence; the window builds its own from the fields. */
  message: string
}

/** Everything read from one or more files, before it is summarized. */
export interface InventoryRows {
  vms: VmColumns
  hosts: HostRow[]
  /** Distinct vCenters (`VI SDK Server`) seen; 0 when no file names one. Only the count is kept. */
  vcenterCount: number
  files: SourceFile[]
  warnings: InventoryWarning[]
}
