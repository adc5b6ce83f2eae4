import { createHash } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import type { FileStamp } from '../../contract'
import { decodePlanFileBytes, parsePlanFile } from '../../../models/index'
import { writeFileAtomic, type FileSystem } from '../../../file-service/atomic-write'
import { describeReason, errorCode, FileServiceError } from '../../../file-service/errors'
import { readRegularFile } from '../../../file-service/read-file'

export { FileServiceError } from '../../../file-service/errors'
export type { FileServiceStep, SaveStep } from '../../../file-service/errors'

export interface PlanStoreOptions {
  /** @default node:fs/promises */
  fs?: FileSystem
}

/** SHA-256 of some bytes, as lowercase hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
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
  const { bytes, mtimeMs } = await readRegularFile(path, { fs })
  const decoded = decodePlanFileBytes(bytes)
  if (!decoded.ok) {
    throw new FileServiceError({
      step: 'read',
      path,
      code: 'EILSEQ',
      message: `Could not open ${path}: it is not UTF-8 text, so it is not a planning file (or it is damaged).`,
    })
  }
  const text = decoded.text
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
  const { bytes, mtimeMs } = await readRegularFile(path, { fs })
  return (
    bytes.length === expected.sizeBytes &&
    mtimeMs === expected.mtimeMs &&
    sha256Hex(bytes) === expected.sha256
  )
}

/** True when anything (a file, a link, even a dangling one) is at `path`. */
async function pathIsTaken(fs: FileSystem, path: string): Promise<boolean> {
  try {
    await fs.lstat(path)
    return true
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return false
    throw error
  }
}

export interface SavePlanRequest {
  path: string
  text: string
  /**
   * The stamp from when the document was opened or last saved. Null when there is none: then, unless
   * `overwrite` is set, any file already at the path is a conflict.
   */
  expected: FileStamp | null
  /** True when the user chose to overwrite a file changed on disk. */
  overwrite: boolean
}

export type SavePlanResult = { status: 'saved'; stamp: FileStamp } | { status: 'conflict' }

/**
 * Saves planning-file text. Refuses text the model does not accept as a planning file. Unless `overwrite`
 * is set, a file that changed on disk since `expected` (size, mtime or content; deleted counts too), or
 * any file at all when `expected` is null, is a conflict and nothing is written. Only a regular file is
 * ever written: a pipe or device at the path is refused. Otherwise the text is written atomically, the previous version kept
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
  if (!overwrite) {
    let isSame: boolean
    try {
      // No stamp (a recovered document, or a page that never read the file): only an empty path is safe.
      isSame = expected === null ? !(await pathIsTaken(fs, path)) : await isUnchanged(fs, path, expected)
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
  await writeFileAtomic(path, bytes, { keepBackup: true, removeStaleTemps: true, specialFiles: 'refuse', fs })
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
