import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { InventoryError, INVENTORY_LIMITS, readInventory, type InventoryProblem } from '../../inventory/index'
import { SheetScanner } from '../../inventory/xlsx-sheet'
import { findEntry, inflateEntry, openZip } from '../../inventory/zip'
import { editPart, rvtoolsCsvFiles, rvtoolsWorkbook, sampleEstate, zipOf } from '../support/rvtools-fixtures'

const { vms, hosts } = sampleEstate()

/** The refusal readInventory ends in for these files. */
async function refusal(files: { name: string; bytes: Uint8Array }[]): Promise<InventoryError> {
  try {
    await readInventory(files)
  } catch (error) {
    if (error instanceof InventoryError) return error
    throw error
  }
  throw new Error('the import accepted the file')
}

/** An OLE2 compound-file header followed by directory names in UTF-16LE, as Office writes them. */
function oleFile(streamNames: string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  const bytes = new Uint8Array(4096)
  bytes.set(header)
  let at = 1024
  for (const name of streamNames) {
    for (let i = 0; i < name.length; i++) bytes[at + 2 * i] = name.charCodeAt(i)
    at += 128
  }
  return bytes
}

async function workbook(): Promise<Uint8Array> {
  return rvtoolsWorkbook(vms, hosts)
}

describe('a file the import cannot use gets one clear message naming the file and the problem', () => {
  it.each<[string, () => Promise<{ name: string; bytes: Uint8Array }>, InventoryProblem, string]>([
    [
      'an encrypted workbook',
      async () => ({
        name: 'locked.xlsx',
        bytes: oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']),
      }),
      'encrypted-workbook',
      'locked.xlsx: the workbook is password-protected; save an unprotected copy and import that',
    ],
    [
      'an old binary .xls',
      async () => ({ name: 'RVTools.xls', bytes: oleFile(['Root Entry', 'Workbook', 'SummaryInformation']) }),
      'legacy-xls',
      'RVTools.xls: this is an old binary Excel workbook (.xls); open it in Excel and save it as .xlsx',
    ],
    [
      'text named .xlsx',
      async () => ({ name: 'notes.xlsx', bytes: strToU8('hello, this is not a workbook') }),
      'not-a-workbook',
      'notes.xlsx: the file is not an Excel workbook (it is not a zip package)',
    ],
    [
      'a PNG named .csv',
      async () => ({
        name: 'chart.csv',
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      }),
      'not-a-workbook',
      'chart.csv: the file is neither an Excel workbook (.xlsx) nor a CSV text file',
    ],
    [
      'an empty file',
      async () => ({ name: 'empty.xlsx', bytes: new Uint8Array(0) }),
      'empty',
      'empty.xlsx: the file is empty',
    ],
    [
      'a truncated workbook',
      async () => {
        const bytes = await workbook()
        return { name: 'half.xlsx', bytes: bytes.subarray(0, Math.floor(bytes.length / 2)) }
      },
      'corrupt-zip',
      'half.xlsx: the zip file is corrupt or truncated (no end of central directory)',
    ],
    [
      'a workbook without vInfo',
      async () => ({
        name: 'hosts-only.xlsx',
        bytes: await rvtoolsWorkbook(vms, hosts, { hasNoVinfo: true }),
      }),
      'missing-sheet',
      'hosts-only.xlsx: the workbook has no sheet named vInfo (its sheets: vCPU, vHost, vMetaData)',
    ],
    [
      'a vInfo sheet without CPUs',
      async () => ({
        name: 'trimmed.xlsx',
        bytes: await rvtoolsWorkbook(vms, hosts, { dropColumn: 'CPUs' }),
      }),
      'missing-column',
      'trimmed.xlsx: sheet vInfo has no column "CPUs"',
    ],
    [
      'a vInfo sheet without provisioned space',
      async () => ({
        name: 'nodisk.xlsx',
        bytes: await rvtoolsWorkbook(vms, hosts, { dropColumn: 'Provisioned MiB' }),
      }),
      'missing-column',
      'nodisk.xlsx: sheet vInfo has no column "Provisioned MiB" (nor "Provisioned MB")',
    ],
    [
      'a zip with neither a workbook nor a vInfo CSV',
      async () => ({ name: 'photos.zip', bytes: zipSync({ 'a.txt': strToU8('hello') }) }),
      'missing-sheet',
      'photos.zip: the zip holds neither an Excel workbook nor an RVTools_tabvInfo.csv file',
    ],
    [
      'a vHost CSV without vInfo',
      async () => ({
        name: 'RVTools_tabvHost.csv',
        bytes: rvtoolsCsvFiles(vms, hosts)['RVTools_tabvHost.csv'] as Uint8Array,
      }),
      'no-vms',
      'RVTools_tabvHost.csv: hosts were read but no VMs: add the vInfo export (RVTools_tabvInfo.csv)',
    ],
    [
      'an unrelated CSV',
      async () => ({ name: 'budget.csv', bytes: strToU8('item,amount\nrent,100\n') }),
      'missing-column',
      'budget.csv: the CSV is neither an RVTools vInfo/vHost export (no "Powerstate" or "# Cores" column) nor a plain VM list (no "vcpu" and "ram_gib" columns)',
    ],
  ])('%s', async (_label, make, problem, message) => {
    const error = await refusal([await make()])
    expect(error.problem).toBe(problem)
    expect(error.message).toBe(message)
    expect(error.message).not.toContain('\n')
  })

  it('refuses a workbook whose sheet data is damaged', async () => {
    const bytes = (await workbook()).slice()
    const zip = openZip('x', bytes)
    const sheet = zip.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')
    if (!sheet) throw new Error('fixture has no sheet1')
    // Overwrite the middle of the sheet's compressed data.
    const dataStart = sheet.localHeaderOffset + 30 + sheet.name.length
    bytes.fill(0xff, dataStart + 20, dataStart + 60)
    const error = await refusal([{ name: 'damaged.xlsx', bytes }])
    expect(error.problem).toBe('corrupt-zip')
    expect(error.message).toMatch(
      /^damaged\.xlsx: the zip file is corrupt or truncated \(xl\/worksheets\/sheet1\.xml/
    )
  })

  it('refuses a password-protected entry in a zip of CSVs', async () => {
    const bytes = zipOf(rvtoolsCsvFiles(vms, hosts)).slice()
    const zip = openZip('x', bytes)
    const view = new DataView(bytes.buffer)
    // Set the "encrypted" flag of every entry in the central directory (offset 8 of each record).
    let at = bytes.length - 22
    at = view.getUint32(at + 16, true)
    for (const e of zip.entries) {
      view.setUint16(at + 8, 1, true)
      at += 46 + e.name.length
    }
    const error = await refusal([{ name: 'secret.zip', bytes }])
    expect(error.problem).toBe('encrypted-zip')
    expect(error.message).toBe(
      'secret.zip: RVTools_tabvInfo.csv in the zip is password-protected; unzip it first'
    )
  })
})

describe('limits against decompression bombs and huge sheets', () => {
  it('refuses an entry that would inflate far beyond its stored size, before inflating it', async () => {
    // 8 MiB of spaces inside the sheet compress about 1,000:1 — the shape of a decompression bomb.
    const padding = ' '.repeat(8 * 1024 * 1024)
    const bomb = editPart(await workbook(), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('<sheetData>', `<sheetData>${padding}`)
    )
    const error = await refusal([{ name: 'bomb.xlsx', bytes: bomb }])
    expect(error.problem).toBe('zip-limits')
    expect(error.message).toMatch(
      /^bomb\.xlsx: xl\/worksheets\/sheet1\.xml would inflate to 8 MiB \(\d+× its stored size\); the limit is 1,024 MiB at most 200× — refused as a possible decompression bomb$/
    )
  })

  it('stops inflating an entry that produces more than it declares, at the limit', async () => {
    const zip = zipSync({ 'big.txt': new Uint8Array(8 * 1024 * 1024) }, { level: 9 })
    const archive = openZip('liar.zip', zip)
    const entry = findEntry(archive, 'big.txt')
    if (!entry) throw new Error('no entry')
    // The central directory claims 1,000 bytes (and a plausible ratio); the data inflates to 8 MiB.
    entry.uncompressedBytes = 1000
    let received = 0
    const run = inflateEntry(archive, entry, (chunk) => (received += chunk.length), { maxBytes: 1024 * 1024 })
    await expect(run).rejects.toThrow(/liar\.zip: big\.txt inflates beyond 1 MiB, more than it declares/)
    expect(received).toBeLessThanOrEqual(1024 * 1024)
  })

  it('refuses a zip listing more entries than allowed without reading them', async () => {
    const files: Record<string, Uint8Array> = {}
    for (let i = 0; i <= INVENTORY_LIMITS.maxZipEntries; i++) files[`f${i}.csv`] = new Uint8Array(0)
    const error = await refusal([{ name: 'many.zip', bytes: zipSync(files, { level: 0 }) }])
    expect(error.problem).toBe('zip-limits')
    expect(error.message).toBe('many.zip: the zip lists 10,001 files, more than the 10,000 allowed')
  })

  it('refuses a sheet with more rows than the limit as soon as it passes it', () => {
    let rowsSeen = 0
    const scanner = new SheetScanner({ header: () => [0], row: () => rowsSeen++ }, null, {
      fileName: 'huge.xlsx',
      sheetName: 'vInfo',
      maxRows: 3,
    })
    const rows = Array.from(
      { length: 10 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>v${i}</t></is></c></row>`
    )
    expect(() =>
      scanner.push(strToU8(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`))
    ).toThrow('huge.xlsx: sheet vInfo holds more than 3 rows, the most an import reads')
    expect(rowsSeen).toBe(3)
  })
})
