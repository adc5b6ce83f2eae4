import { constants } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { checkPlanFileSize, MAX_PLAN_FILE_BYTES } from '../models/index'
import type { FileSystem } from './file-system'
import { describeReason, errorCode, FileServiceError } from './errors'

export function readError(path: string, error: unknown): FileServiceError {
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

function tooLargeError(path: string, bytes: number, limitBytes: number): FileServiceError {
  const problem = limitBytes === MAX_PLAN_FILE_BYTES ? checkPlanFileSize(bytes) : null
  return new FileServiceError({
    step: 'check size',
    path,
    code: 'EFBIG',
    message: `Could not open ${path}: ${lowerFirst(problem?.message ?? `The file is larger than ${limitBytes} bytes`)}.`,
  })
}

function notAFileError(
  path: string,
  stats: { isDirectory(): boolean; isSymbolicLink(): boolean }
): FileServiceError {
  const what = stats.isDirectory() ? 'a folder' : stats.isSymbolicLink() ? 'a link' : 'not a regular file'
  return new FileServiceError({
    step: 'read',
    path,
    code: stats.isDirectory() ? 'EISDIR' : 'ENOTFILE',
    message: `Could not open ${path}: it is ${what}, not a planning file.`,
  })
}

/**
 * Reads at most `limitBytes` + 4 KiB of an open file: a file that grew after it was measured, or a
 * kernel file whose stat says 0 bytes (/proc/self/pagemap), cannot make us read without bound.
 */
async function readBounded(
  handle: nodeFs.FileHandle,
  expectedBytes: number,
  limitBytes: number
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  const chunkBytes = Math.max(64 * 1024, Math.min(expectedBytes + 1, limitBytes + 1))
  while (total <= limitBytes) {
    // At least a page per read: kernel files such as /proc/self/pagemap refuse reads of odd sizes, and a
    // read past the limit by less than a page still proves the file too large.
    const buffer = Buffer.alloc(Math.min(chunkBytes, Math.max(4096, limitBytes + 1 - total)))
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
    if (bytesRead === 0) break
    chunks.push(buffer.subarray(0, bytesRead))
    total += bytesRead
  }
  return Buffer.concat(chunks, total)
}

/**
 * Opens for reading without ever blocking: a FIFO swapped in after the check must not hang the app
 * (POSIX). Without following links, O_NOFOLLOW refuses a link planted between the check and the open.
 */
function readFlags(isFollowingLinks: boolean): number {
  return (
    constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (isFollowingLinks ? 0 : (constants.O_NOFOLLOW ?? 0))
  )
}

export interface ReadRegularFileOptions {
  /** @default node:fs/promises */
  fs?: FileSystem
  /** @default MAX_PLAN_FILE_BYTES */
  maxBytes?: number
  /**
   * Follow a link at the path (a file the user chose); false for the app's own files, where a link is
   * refused.
   * @default true
   */
  isFollowingLinks?: boolean
}

/**
 * The one bounded reader of every file Stackplan reads (planning files in the window and on the command
 * line, recovery snapshots, the recent list): the size is checked with stat before any byte is read and
 * the read itself stops after `maxBytes` + 1 bytes; folders, devices, pipes and sockets are refused; the
 * open never blocks. Returns the bytes and the mtime of the open file. Failures are FileServiceErrors
 * naming the path and the reason.
 */
export async function readRegularFile(
  path: string,
  options: ReadRegularFileOptions = {}
): Promise<{ bytes: Buffer; mtimeMs: number }> {
  const { fs = nodeFs, maxBytes = MAX_PLAN_FILE_BYTES, isFollowingLinks = true } = options
  const stats = await (isFollowingLinks ? fs.stat(path) : fs.lstat(path)).catch((error: unknown) => {
    throw readError(path, error)
  })
  if (!stats.isFile()) throw notAFileError(path, stats)
  if (stats.size > maxBytes) throw tooLargeError(path, stats.size, maxBytes)
  const handle = await fs.open(path, readFlags(isFollowingLinks)).catch((error: unknown) => {
    throw readError(path, error)
  })
  try {
    const opened = await handle.stat()
    if (!opened.isFile()) throw notAFileError(path, opened)
    if (opened.size > maxBytes) throw tooLargeError(path, opened.size, maxBytes)
    const bytes = await readBounded(handle, opened.size, maxBytes)
    if (bytes.length > maxBytes) throw tooLargeError(path, bytes.length, maxBytes)
    return { bytes, mtimeMs: opened.mtimeMs }
  } catch (error) {
    throw readError(path, error)
  } finally {
    await handle.close().catch(() => undefined)
  }
}
