import Papa from 'papaparse'
import type { TableVisitor } from './cell'
import { decodeCsvBytes, detectDelimiter, readCsvTable } from './csv'
import { InventoryError } from './errors'
import { INVENTORY_LIMITS } from './limits'
import { isPlainHeader, plainVisitor } from './plain-csv'
import { VmRows, type HostRow, type InventoryRows, type SourceFile } from './rows'
import { vhostVisitor, vinfoVisitor, type TableWhere } from './rvtools'
import { isEncryptedOoxml, sniffShape } from './sniff'
import { WarningCounter } from './warnings'
import { findSheet, isXlsxPackage, openXlsx, readXlsxSheet } from './xlsx'
import { openZip, readEntry, type RawInflater, type ZipArchive } from './zip'

/** One file handed to the import: its name (as the user knows it) and its bytes. */
export interface InventoryInput {
  name: string
  bytes: Uint8Array
}

export interface ReadInventoryOptions {
  /** A faster inflater the host may provide (the command line passes zlib's). */
  inflater?: RawInflater
  /** Progress of the file being read, 0–1. */
  onProgress?: (progress: { fileName: string; fraction: number }) => void
}

/** Mutable state shared while several files are read into one inventory. */
interface Collector {
  vms: VmRows
  hosts: HostRow[]
  vcenters: Set<string>
  files: SourceFile[]
  warnings: WarningCounter
}

const VINFO_CSV = /(^|[\\/_\s-])tabvinfo\.csv$|^vinfo\.csv$/i
const VHOST_CSV = /(^|[\\/_\s-])tabvhost\.csv$|^vhost\.csv$/i
/** Other tabs of an RVTools CSV export (vCPU, vDisk, vNetwork …): nothing the import needs. */
const OTHER_RVTOOLS_CSV = /(^|[\\/_\s-])tab(v|dv)\w+\.csv$/i

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/**
 * Reads inventory files (RVTools .xlsx, RVTools CSV files or a zip of them, plain VM CSVs) into one set
 * of VM and host rows. Several files, or one file with several vCenters, are merged. A file that cannot be
 * used throws InventoryError naming it; row-level problems become counted warnings.
 */
export async function readInventory(
  inputs: readonly InventoryInput[],
  options: ReadInventoryOptions = {}
): Promise<InventoryRows> {
  const c: Collector = {
    vms: new VmRows(),
    hosts: [],
    vcenters: new Set(),
    files: [],
    warnings: new WarningCounter(),
  }
  for (const input of inputs) await readOne(input, c, options)
  if (c.vms.count + c.vms.unusable === 0) {
    const names = inputs.map((i) => i.name).join(', ')
    const holdsHosts = c.files.some((f) => f.hostRows > 0)
    throw new InventoryError(
      names,
      'no-vms',
      holdsHosts
        ? 'hosts were read but no VMs: add the vInfo export (RVTools_tabvInfo.csv)'
        : 'no VM rows were found'
    )
  }
  return {
    vms: c.vms,
    hosts: c.hosts,
    vcenterCount: c.vcenters.size,
    files: c.files,
    warnings: c.warnings.list(),
  }
}

async function readOne(input: InventoryInput, c: Collector, options: ReadInventoryOptions): Promise<void> {
  const { name, bytes } = input
  if (bytes.length > INVENTORY_LIMITS.maxFileBytes) {
    throw new InventoryError(
      name,
      'too-large',
      `the file is larger than ${INVENTORY_LIMITS.maxFileBytes / (1024 * 1024)} MiB, the most an import reads`
    )
  }
  const progress = (fraction: number) => options.onProgress?.({ fileName: name, fraction })
  switch (sniffShape(bytes)) {
    case 'empty':
      throw new InventoryError(name, 'empty', 'the file is empty')
    case 'ole':
      if (isEncryptedOoxml(bytes)) {
        throw new InventoryError(
          name,
          'encrypted-workbook',
          'the workbook is password-protected; save an unprotected copy and import that'
        )
      }
      throw new InventoryError(
        name,
        'legacy-xls',
        'this is an old binary Excel workbook (.xls); open it in Excel and save it as .xlsx'
      )
    case 'zip': {
      const zip = openZip(name, bytes)
      if (isXlsxPackage(zip)) return readWorkbook(zip, c, options.inflater, progress)
      return readCsvZip(zip, c, options.inflater)
    }
    case 'text':
      if (/\.(xlsx|xlsm|xls)$/i.test(name)) {
        throw new InventoryError(
          name,
          'not-a-workbook',
          'the file is not an Excel workbook (it is not a zip package)'
        )
      }
      readCsvFile(name, name, decodeCsvBytes(name, bytes), c, true)
      progress(1)
  }
}

async function readWorkbook(
  zip: ZipArchive,
  c: Collector,
  inflater: RawInflater | undefined,
  progress: (f: number) => void
): Promise<void> {
  const workbook = await openXlsx(zip, inflater)
  const file: SourceFile = { name: zip.fileName, kind: 'rvtools-xlsx', vmRows: 0, hostRows: 0 }
  const vinfo = findSheet(workbook, 'vInfo')
  if (!vinfo) {
    const sheets = [...workbook.sheets.keys()].slice(0, 8).join(', ')
    throw new InventoryError(
      zip.fileName,
      'missing-sheet',
      `the workbook has no sheet named vInfo (its sheets: ${sheets || 'none'})`,
      'vInfo'
    )
  }
  const vhost = findSheet(workbook, 'vHost')
  const where = (sheet: string): TableWhere => ({ file: zip.fileName, sheet, decimals: 'point' })
  // The vInfo sheet is most of the work: it takes the first 90 % of the progress bar.
  const vms = vinfoVisitor(where(vinfo), c.vms, c.warnings, c.vcenters)
  await readXlsxSheet(workbook, vinfo, vms, (done, total) => progress((0.9 * done) / Math.max(1, total)))
  file.vmRows = vms.rows
  if (vhost) {
    const hosts = vhostVisitor(where(vhost), c.hosts, c.warnings, c.vcenters)
    await readXlsxSheet(workbook, vhost, hosts, (done, total) =>
      progress(0.9 + (0.1 * done) / Math.max(1, total))
    )
    file.hostRows = hosts.rows
  }
  progress(1)
  c.files.push(file)
}

/** A zip of an RVTools CSV export: every `…tabvInfo.csv` with the `…tabvHost.csv` beside it. */
async function readCsvZip(zip: ZipArchive, c: Collector, inflater: RawInflater | undefined): Promise<void> {
  const csvs = zip.entries.filter(
    (e) => !e.name.endsWith('/') && (VINFO_CSV.test(baseName(e.name)) || VHOST_CSV.test(baseName(e.name)))
  )
  if (!csvs.some((e) => VINFO_CSV.test(baseName(e.name)))) {
    throw new InventoryError(
      zip.fileName,
      'missing-sheet',
      'the zip holds neither an Excel workbook nor an RVTools_tabvInfo.csv file',
      'vInfo'
    )
  }
  for (const entry of csvs) {
    const bytes = await readEntry(zip, entry, INVENTORY_LIMITS.maxEntryBytes, inflater)
    readCsvFile(
      zip.fileName,
      baseName(entry.name),
      decodeCsvBytes(`${zip.fileName} › ${entry.name}`, bytes),
      c,
      false
    )
  }
}

/**
 * One CSV: RVTools vInfo or vHost by its name (…tabvInfo.csv, …tabvHost.csv) or else by its header; a
 * plain VM CSV by its header (vcpu, ram_gib …).
 */
function readCsvFile(
  fileName: string,
  entryName: string,
  text: string,
  c: Collector,
  isStandalone: boolean
): void {
  const label = fileName === entryName ? fileName : `${fileName} › ${entryName}`
  let kind: 'vinfo' | 'vhost' | 'plain'
  if (VINFO_CSV.test(baseName(entryName))) kind = 'vinfo'
  else if (VHOST_CSV.test(baseName(entryName))) kind = 'vhost'
  else if (OTHER_RVTOOLS_CSV.test(baseName(entryName))) return
  else {
    const header = (
      Papa.parse<string[]>(text.slice(0, 64 * 1024), { preview: 1, delimiter: detectDelimiter(text) })
        .data[0] ?? []
    ).map((h) => h.replace(/^\uFEFF/, '').trim())
    const lower = header.map((h) => h.toLowerCase())
    if (isPlainHeader(header)) kind = 'plain'
    else if (lower.includes('powerstate') || lower.includes('vinfopowerstate')) kind = 'vinfo'
    else if (lower.includes('# cores') || lower.includes('vhostnumcpucores')) kind = 'vhost'
    else if (isStandalone) {
      throw new InventoryError(
        label,
        'missing-column',
        'the CSV is neither an RVTools vInfo/vHost export (no "Powerstate" or "# Cores" column) nor a plain VM list (no "vcpu" and "ram_gib" columns)',
        'vcpu'
      )
    } else return
  }
  const sheet = kind === 'vinfo' ? 'vInfo' : kind === 'vhost' ? 'vHost' : 'CSV'
  // The decimal style is known only after the delimiter is detected; the visitor reads it lazily.
  const where: TableWhere = { file: label, sheet, decimals: 'point' }
  const visitor: TableVisitor & { rows: number } =
    kind === 'vinfo'
      ? vinfoVisitor(where, c.vms, c.warnings, c.vcenters)
      : kind === 'vhost'
        ? vhostVisitor(where, c.hosts, c.warnings, c.vcenters)
        : plainVisitor(where, c.vms, c.warnings)
  where.decimals = detectDelimiter(text) === ';' ? 'comma' : 'point'
  readCsvTable(label, text, visitor, sheet)
  c.files.push({
    name: label,
    kind: kind === 'plain' ? 'plain-csv' : 'rvtools-csv',
    vmRows: kind === 'vhost' ? 0 : visitor.rows,
    hostRows: kind === 'vhost' ? visitor.rows : 0,
  })
}
