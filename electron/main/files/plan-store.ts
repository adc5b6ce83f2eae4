import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import type { FileStamp } from '../../contract'
import { checkPlanFileSize, MAX_PLAN_FILE_BYTES, parsePlanFile } from '../../../models/index'
import { writeFileAtomic, type FileSystem } from './atomic-write'
import { describeReason, errorCode, FileServiceError } from './errors'

export { FileServiceError } from './errors'
export type { FileServiceStep, SaveStep } from './errors'

export interface PlanStoreOptions {
  /** @default node:fs/promises */
  fs?: FileSystem
}

/** SHA-256 of some bytes, as lowercase hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function readError(path: string, error: unknown): FileServiceError {
  if (error instanceof FileServiceError) return error
  const code = errorCode(error)
  return new FileServiceError({
    step: 'read',
    path,
    code,
    message: `Could not open ${path}: reading it failed because ${describeReason(error)} (${code}).`,
    cause: error,
  })
}

function lowerFirst(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1)
}

function tooLargeError(path: string, bytes: number): FileServiceError {
  const problem = checkPlanFileSize(bytes)
  return new FileServiceError({
    step: 'check size',
    path,
    code: 'EFBIG',
    message: `Could not open ${path}: ${lowerFirst(problem?.message ?? 'The file is too large')}.`,
  })
}

function notAFileError(path: string, isFolder: boolean): FileServiceError {
  return new FileServiceError({
    step: 'read',
    path,
    code: isFolder ? 'EISDIR' : 'ENOTFILE',
    message: `Could not open ${path}: it is ${isFolder ? 'a folder' : 'not a regular file'}, not a planning file.`,
  })
}

/**
 * Reads at most `limitBytes` + 1 bytes of an open file, so a file that grew after it was measured cannot
 * make us read without bound.
 */
async function readBounded(
  handle: nodeFs.FileHandle,
  expectedBytes: number,
  limitBytes: number
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  const chunkBytes = Math.max(64 * 1024, Math.min(expectedBytes + 1, limitBytes + 1))
  for (;;) {
    const buffer = Buffer.alloc(Math.min(chunkBytes, limitBytes + 1 - total))
    if (buffer.length === 0) break
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
    if (bytesRead === 0) break
    chunks.push(buffer.subarray(0, bytesRead))
    total += bytesRead
  }
  return Buffer.concat(chunks, total)
}

/** Opens for reading without ever blocking: a FIFO swapped in after the check must not hang the app (POSIX). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/** The bytes of a regular file of at most MAX_PLAN_FILE_BYTES, and the stat taken on the open file. */
async function readPlanBytes(fs: FileSystem, path: string): Promise<{ bytes: Buffer; mtimeMs: number }> {
  const stats = await fs.stat(path).catch((error: unknown) => {
    throw readError(path, error)
  })
  if (!stats.isFile()) throw notAFileError(path, stats.isDirectory())
  if (checkPlanFileSize(stats.size)) throw tooLargeError(path, stats.size)
  const handle = await fs.open(path, READ_FLAGS).catch((error: unknown) => {
    throw readError(path, error)
  })
  try {
    const opened = await handle.stat()
    if (!opened.isFile()) throw notAFileError(path, opened.isDirectory())
    if (checkPlanFileSize(opened.size)) throw tooLargeError(path, opened.size)
    const bytes = await readBounded(handle, opened.size, MAX_PLAN_FILE_BYTES)
    if (bytes.length > MAX_PLAN_FILE_BYTES) throw tooLargeError(path, bytes.length)
    return { bytes, mtimeMs: opened.mtimeMs }
  } catch (error) {
    throw readError(path, error)
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/**
 * Reads a planning file's text. The size is checked with stat before any byte is read (and the read is
 * bounded in case the file grows meanwhile); folders, devices and pipes are refused; bytes that are not
 * valid UTF-8 are refused rather than silently replaced. The stamp (size, mtime, SHA-256 of the bytes
 * read) is what savePlanText compares with before overwriting.
 */
export async function readPlanText(
  path: string,
  options: PlanStoreOptions = {}
): Promise<{ text: string; stamp: FileStamp }> {
  const { fs = nodeFs } = options
  const { bytes, mtimeMs } = await readPlanBytes(fs, path)
  let text: string
  try {
    // ignoreBOM: false (the default) drops a leading byte order mark.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (error) {
    throw new FileServiceError({
      step: 'read',
      path,
      code: 'EILSEQ',
      message: `Could not open ${path}: it is not UTF-8 text, so it is not a planning file (or it is damaged).`,
      cause: error,
    })
  }
  return { text, stamp: { sizeBytes: bytes.length, mtimeMs, sha256: sha256Hex(bytes) } }
}

/**
 * True when the file on disk is still exactly what `expected` describes: same size, same mtime and
 * same SHA-256 (an edit that restores the mtime still changes the hash). A file that is gone, or is no
 * longer a regular file, has changed.
 */
async function isUnchanged(fs: FileSystem, path: string, expected: FileStamp): Promise<boolean> {
  let stats: Awaited<ReturnType<FileSystem['stat']>>
  try {
    stats = await fs.stat(path)
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return false
    throw error
  }
  if (!stats.isFile() || stats.size !== expected.sizeBytes || stats.mtimeMs !== expected.mtimeMs) return false
  const { bytes, mtimeMs } = await readPlanBytes(fs, path)
  return (
    bytes.length === expected.sizeBytes &&
    mtimeMs === expected.mtimeMs &&
    sha256Hex(bytes) === expected.sha256
  )
}

export interface SavePlanRequest {
  path: string
  text: string
  /** The stamp from when the document was opened or last saved; null for a new file (Save As). */
  expected: FileStamp | null
  /** True when the user chose to overwrite a file changed on disk. */
  overwrite: boolean
}

export type SavePlanResult = { status: 'saved'; stamp: FileStamp } | { status: 'conflict' }

/**
 * Saves planning-file text. Refuses text the model does not accept as a planning file. Unless `overwrite`
 * is set, a file that changed on disk since `expected` (size, mtime or content; deleted counts too) is a
 * conflict and nothing is written. Otherwise the text is written atomically, the previous version kept
 * as `<path>.bak`, stale temporary files of earlier killed saves of this plan removed, and the new stamp
 * returned. A failure throws FileServiceError naming the step and path;
 * the file on disk is then unchanged.
 */
export async function savePlanText(
  request: SavePlanRequest,
  options: PlanStoreOptions = {}
): Promise<SavePlanResult> {
  const { path, text, expected, overwrite } = request
  const { fs = nodeFs } = options
  const parsed = parsePlanFile(text)
  if (!parsed.ok) {
    throw new FileServiceError({
      step: 'validate',
      path,
      code: 'EINVAL',
      message: `Could not save ${path}: the plan is not a valid planning file (${parsed.error.message}).`,
    })
  }
  if (expected !== null && !overwrite) {
    let isSame: boolean
    try {
      isSame = await isUnchanged(fs, path, expected)
    } catch (error) {
      const code = errorCode(error)
      throw new FileServiceError({
        step: 'check for changes',
        path,
        code,
        message: `Could not save: checking whether ${path} changed on disk failed because ${describeReason(error)} (${code}).`,
        cause: error,
      })
    }
    if (!isSame) return { status: 'conflict' }
  }
  const bytes = Buffer.from(text, 'utf8')
  // A save killed midway (power cut, SIGKILL) leaves a hidden temporary file; a later successful save
  // removes those of this plan once they are stale (never a save in progress).
  await writeFileAtomic(path, bytes, { keepBackup: true, removeStaleTemps: true, fs })
  try {
    const stats = await fs.stat(path)
    return {
      status: 'saved',
      stamp: { sizeBytes: bytes.length, mtimeMs: stats.mtimeMs, sha256: sha256Hex(bytes) },
    }
  } catch (error) {
    const code = errorCode(error)
    throw new FileServiceError({
      step: 'check saved file',
      path,
      code,
      message: `Saved ${path}, but reading its details back failed because ${describeReason(error)} (${code}); save again before closing.`,
      cause: error,
    })
  }
}
