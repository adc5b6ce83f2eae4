import type { TableVisitor } from './cell'
import { InventoryError } from './errors'
import { INVENTORY_LIMITS } from './limits'
import { SheetScanner } from './xlsx-sheet'
import { SharedStrings } from './xlsx-strings'
import { findElements, utf8Text } from './xml-text'
import { findEntry, inflateEntry, readEntry, type RawInflater, type ZipArchive } from './zip'

/** An .xlsx workbook opened for reading: its sheet names and where each sheet's XML lives. */
export interface XlsxWorkbook {
  zip: ZipArchive
  /** Sheet name → zip path of its XML, in workbook order. */
  sheets: Map<string, string>
  strings: SharedStrings | null
  inflater: RawInflater | undefined
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(ownerPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = ownerPath.split('/').slice(0, -1)
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop()
    else if (piece !== '.' && piece !== '') parts.push(piece)
  }
  return parts.join('/')
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/')
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`
}

async function readSmallPart(zip: ZipArchive, path: string, inflater?: RawInflater): Promise<string | null> {
  const entry = findEntry(zip, path)
  return entry ? utf8Text(await readEntry(zip, entry, INVENTORY_LIMITS.maxWorkbookPartBytes, inflater)) : null
}

/** True when the zip holds a SpreadsheetML workbook (xl/workbook.xml or a package pointing at one). */
export function isXlsxPackage(zip: ZipArchive): boolean {
  return (
    findEntry(zip, '[Content_Types].xml') !== undefined &&
    zip.entries.some((e) => /(^|\/)workbook\.xml$/i.test(e.name))
  )
}

/**
 * Opens a workbook: finds the main part through the package relationships, its sheets through the
 * workbook's relationships, and indexes the shared strings. Reads only small parts; sheets are read later.
 */
export async function openXlsx(zip: ZipArchive, inflater?: RawInflater): Promise<XlsxWorkbook> {
  const { fileName } = zip
  let workbookPath = 'xl/workbook.xml'
  const packageRels = await readSmallPart(zip, '_rels/.rels', inflater)
  if (packageRels) {
    const main = findElements(packageRels, 'Relationship').find((r) =>
      /\/officeDocument$/.test(r.get('Type') ?? '')
    )
    const target = main?.get('Target')
    if (target) workbookPath = resolveTarget('', target)
  }
  const workbookXml = await readSmallPart(zip, workbookPath, inflater)
  if (workbookXml === null) {
    throw new InventoryError(
      fileName,
      'not-a-workbook',
      'the zip is not an Excel workbook (it has no workbook part)'
    )
  }
  const targets = new Map<string, { type: string; target: string }>()
  const workbookRels = (await readSmallPart(zip, relsPathOf(workbookPath), inflater)) ?? ''
  for (const r of findElements(workbookRels, 'Relationship')) {
    const id = r.get('Id')
    const target = r.get('Target')
    if (id && target)
      targets.set(id, { type: r.get('Type') ?? '', target: resolveTarget(workbookPath, target) })
  }
  const sheets = new Map<string, string>()
  for (const s of findElements(workbookXml, 'sheet')) {
    const name = s.get('name')
    const idKey = [...s.keys()].find((k) => k === 'id' || k.endsWith(':id'))
    const target = idKey ? targets.get(s.get(idKey) as string)?.target : undefined
    if (name !== undefined && target) sheets.set(name, target)
  }
  const stringsPath =
    [...targets.values()].find((t) => /\/sharedStrings$/.test(t.type))?.target ?? 'xl/sharedStrings.xml'
  const stringsEntry = findEntry(zip, stringsPath)
  const strings = stringsEntry
    ? new SharedStrings(
        await readEntry(zip, stringsEntry, INVENTORY_LIMITS.maxEntryBytes, inflater),
        fileName,
        4 * INVENTORY_LIMITS.maxRows
      )
    : null
  return { zip, sheets, strings, inflater }
}

/** The sheet whose name matches (case and surrounding spaces ignored), if any. */
export function findSheet(workbook: XlsxWorkbook, name: string): string | undefined {
  const wanted = name.trim().toLowerCase()
  for (const sheetName of workbook.sheets.keys())
    if (sheetName.trim().toLowerCase() === wanted) return sheetName
  return undefined
}

/**
 * Streams one sheet through `visitor`: inflated piece by piece and parsed as it comes, never held whole.
 * Returns the number of data rows seen.
 */
export async function readXlsxSheet(
  workbook: XlsxWorkbook,
  sheetName: string,
  visitor: TableVisitor,
  onProgress?: (doneBytes: number, totalBytes: number) => void
): Promise<number> {
  const path = workbook.sheets.get(sheetName)
  const entry = path ? findEntry(workbook.zip, path) : undefined
  if (!entry) {
    throw new InventoryError(
      workbook.zip.fileName,
      'corrupt-zip',
      `the workbook lists sheet ${sheetName} but its part is missing`,
      sheetName
    )
  }
  const scanner = new SheetScanner(visitor, workbook.strings, {
    fileName: workbook.zip.fileName,
    sheetName,
    maxRows: INVENTORY_LIMITS.maxRows,
  })
  let done = 0
  await inflateEntry(
    workbook.zip,
    entry,
    (chunk) => {
      scanner.push(chunk)
      done += chunk.length
      onProgress?.(done, entry.uncompressedBytes)
    },
    { inflater: workbook.inflater }
  )
  scanner.finish()
  return scanner.dataRows
}
