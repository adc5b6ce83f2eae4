import { Inflate } from 'fflate'
import { InventoryError } from './errors'
import { INVENTORY_LIMITS } from './limits'

/** One file inside a zip, as its central directory describes it. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  compressedBytes: number
  uncompressedBytes: number
  localHeaderOffset: number
  isEncrypted: boolean
}

export interface ZipArchive {
  fileName: string
  bytes: Uint8Array
  entries: ZipEntry[]
  /** Uncompressed bytes handed out so far, against maxTotalInflatedBytes. */
  inflatedBytes: number
}

const EOCD_SIGNATURE = 0x06054b50
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const ZIP64_EOCD_SIGNATURE = 0x06064b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50

const utf8 = new TextDecoder('utf-8')

/** True when the bytes start like a zip (a local file header or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5)
}

function corrupt(fileName: string, why: string): InventoryError {
  return new InventoryError(fileName, 'corrupt-zip', `the zip file is corrupt or truncated (${why})`)
}

/**
 * Reads a zip's central directory (ZIP64 included) without inflating anything, so entry counts and
 * declared sizes are checked before any work. Throws InventoryError('corrupt-zip') for a truncated or
 * damaged archive.
 */
export function openZip(fileName: string, bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u32 = (at: number) => view.getUint32(at, true)
  const u16 = (at: number) => view.getUint16(at, true)
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD_SIGNATURE) {
      eocd = at
      break
    }
  }
  if (eocd < 0) throw corrupt(fileName, 'no end of central directory')
  let entryCount = u16(eocd + 10)
  let directoryOffset = u32(eocd + 16)
  if (
    (entryCount === 0xffff || directoryOffset === 0xffffffff) &&
    eocd >= 20 &&
    u32(eocd - 20) === ZIP64_LOCATOR_SIGNATURE
  ) {
    const zip64 = Number(view.getBigUint64(eocd - 20 + 8, true))
    if (zip64 + 56 > bytes.length || u32(zip64) !== ZIP64_EOCD_SIGNATURE)
      throw corrupt(fileName, 'bad ZIP64 record')
    entryCount = Number(view.getBigUint64(zip64 + 32, true))
    directoryOffset = Number(view.getBigUint64(zip64 + 48, true))
  }
  if (entryCount > INVENTORY_LIMITS.maxZipEntries) {
    throw new InventoryError(
      fileName,
      'zip-limits',
      `the zip lists ${entryCount.toLocaleString('en-US')} files, more than the ${INVENTORY_LIMITS.maxZipEntries.toLocaleString('en-US')} allowed`
    )
  }
  const entries: ZipEntry[] = []
  let at = directoryOffset
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL_SIGNATURE)
      throw corrupt(fileName, 'bad central directory')
    const flags = u16(at + 8)
    const nameLength = u16(at + 28)
    const extraLength = u16(at + 30)
    const commentLength = u16(at + 32)
    let compressedBytes = u32(at + 20)
    let uncompressedBytes = u32(at + 24)
    let localHeaderOffset = u32(at + 42)
    if (at + 46 + nameLength + extraLength > bytes.length) throw corrupt(fileName, 'bad central directory')
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    // ZIP64 extra field: the 64-bit values of exactly the fields saturated at 0xFFFFFFFF, in this order.
    let extra = at + 46 + nameLength
    const extraEnd = extra + extraLength
    while (extra + 4 <= extraEnd) {
      const id = u16(extra)
      const size = u16(extra + 2)
      if (id === 0x0001) {
        let p = extra + 4
        const next = (): number => {
          const v = p + 8 <= extra + 4 + size ? Number(view.getBigUint64(p, true)) : -1
          p += 8
          return v
        }
        if (uncompressedBytes === 0xffffffff) uncompressedBytes = next()
        if (compressedBytes === 0xffffffff) compressedBytes = next()
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next()
      }
      extra += 4 + size
    }
    if (compressedBytes < 0 || uncompressedBytes < 0 || localHeaderOffset < 0)
      throw corrupt(fileName, 'bad ZIP64 sizes')
    entries.push({
      name,
      method: u16(at + 10),
      compressedBytes,
      uncompressedBytes,
      localHeaderOffset,
      isEncrypted: (flags & 1) === 1,
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return { fileName, bytes, entries, inflatedBytes: 0 }
}

/** The entry with this exact name (case-insensitive, `\` read as `/`), if any. */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  const wanted = name.toLowerCase()
  return zip.entries.find((e) => e.name.replace(/\\/g, '/').toLowerCase() === wanted)
}

/** Refuses an entry whose declared size breaks a limit, before a byte of it is inflated. */
function checkDeclaredSize(zip: ZipArchive, entry: ZipEntry, maxBytes: number): void {
  const { fileName } = zip
  if (entry.isEncrypted) {
    throw new InventoryError(
      fileName,
      'encrypted-zip',
      `${entry.name} in the zip is password-protected; unzip it first`
    )
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw corrupt(fileName, `${entry.name} uses compression method ${entry.method}, which is not supported`)
  }
  const tooBig = entry.uncompressedBytes > maxBytes
  const ratio = entry.uncompressedBytes / Math.max(1, entry.compressedBytes)
  if (tooBig || (entry.uncompressedBytes > 1024 * 1024 && ratio > INVENTORY_LIMITS.maxCompressionRatio)) {
    throw new InventoryError(
      fileName,
      'zip-limits',
      `${entry.name} would inflate to ${mib(entry.uncompressedBytes)} (${Math.round(ratio)}× its stored size); ` +
        `the limit is ${mib(maxBytes)} at most ${INVENTORY_LIMITS.maxCompressionRatio}× — refused as a possible decompression bomb`
    )
  }
}

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MiB`
}

/**
 * Inflates raw DEFLATE data, handing each piece of output to `onChunk` as it is produced (which may throw to
 * stop). The default runs fflate in small steps so a lying zip is stopped after little work; the command
 * line passes one built on the platform's zlib, which is several times faster on large sheets.
 */
export type RawInflater = (compressed: Uint8Array, onChunk: (chunk: Uint8Array) => void) => Promise<void>

/** Compressed bytes fed to fflate at a time while the output ratio looks like a spreadsheet's, and after. */
const SLICE_BYTES_NORMAL = 1024 * 1024
const SLICE_BYTES_SUSPICIOUS = 16 * 1024

/** fflate's streaming inflater, fed in slices that shrink when the output grows suspiciously fast. */
export const fflateInflater: RawInflater = async (compressed, onChunk) => {
  let produced = 0
  const inflater = new Inflate((chunk) => {
    produced += chunk.length
    onChunk(chunk)
  })
  let offset = 0
  while (offset < compressed.length || offset === 0) {
    const ratio = produced / Math.max(1, offset)
    const slice = offset === 0 || ratio > 100 ? SLICE_BYTES_SUSPICIOUS : SLICE_BYTES_NORMAL
    const isLast = offset + slice >= compressed.length
    inflater.push(compressed.subarray(offset, offset + slice), isLast)
    offset += slice
    if (isLast) break
  }
}

export interface InflateOptions {
  /** Most uncompressed bytes accepted for this entry (at most INVENTORY_LIMITS.maxEntryBytes). */
  maxBytes?: number
  /** The inflater to use; fflate when absent. */
  inflater?: RawInflater
}

/**
 * Inflates one entry, handing each piece of output to `onChunk` as it is produced, so a large sheet is
 * never held whole. Declared sizes are checked first; the bytes actually produced are counted too (a zip
 * may lie about sizes), and inflating stops as soon as they pass the limit.
 */
export async function inflateEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
  options: InflateOptions = {}
): Promise<void> {
  const maxBytes = Math.min(
    options.maxBytes ?? INVENTORY_LIMITS.maxEntryBytes,
    INVENTORY_LIMITS.maxEntryBytes
  )
  checkDeclaredSize(zip, entry, maxBytes)
  const { bytes, fileName } = zip
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localHeaderOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw corrupt(fileName, `no local header for ${entry.name}`)
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const end = start + entry.compressedBytes
  if (end > bytes.length) throw corrupt(fileName, `${entry.name} is cut short`)
  const data = bytes.subarray(start, end)
  let produced = 0
  const take = (chunk: Uint8Array): void => {
    produced += chunk.length
    zip.inflatedBytes += chunk.length
    if (produced > maxBytes || zip.inflatedBytes > INVENTORY_LIMITS.maxTotalInflatedBytes) {
      throw new InventoryError(
        fileName,
        'zip-limits',
        `${entry.name} inflates beyond ${mib(Math.min(maxBytes, INVENTORY_LIMITS.maxTotalInflatedBytes))}, more than it declares — refused as a possible decompression bomb`
      )
    }
    onChunk(chunk)
  }
  if (entry.method === 0) {
    take(data)
    return
  }
  try {
    await (options.inflater ?? fflateInflater)(data, take)
  } catch (error) {
    if (error instanceof InventoryError) throw error
    throw corrupt(fileName, `${entry.name}: ${(error as Error).message}`)
  }
  if (produced !== entry.uncompressedBytes) {
    throw corrupt(
      fileName,
      `${entry.name} inflated to ${produced} bytes instead of ${entry.uncompressedBytes}`
    )
  }
}

/** Inflates one (small) entry whole, within `maxBytes`. */
export async function readEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  maxBytes: number,
  inflater?: RawInflater
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let length = 0
  await inflateEntry(
    zip,
    entry,
    (chunk) => {
      chunks.push(chunk.slice())
      length += chunk.length
    },
    { maxBytes, inflater }
  )
  return concatChunks(chunks, length)
}

/** Joins byte chunks into one array. */
export function concatChunks(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0]
  const out = new Uint8Array(length)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
