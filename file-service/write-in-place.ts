import { constants } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import type { FileSystem } from './file-system'
import { errorCode } from './errors'

export interface WriteInPlaceOptions {
  fs: FileSystem
  /** Append rather than write from the start: a regular file behind /dev/stdout (a shell's `>>`). */
  isAppending: boolean
  /** How long to wait for a program to open a pipe for reading before giving up. */
  readerWaitMs: number
  /** How long a reader may take nothing (a full pipe) before the write gives up. */
  stallMs: number
}

const RETRY_MS = 20
const CHUNK_BYTES = 64 * 1024

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Opens without ever blocking: O_NONBLOCK makes opening a pipe nobody reads fail with ENXIO at once (it
 * is retried until `readerWaitMs` has passed) instead of holding a thread forever; O_NOCTTY keeps a
 * terminal from becoming ours. No O_CREAT, no O_TRUNC: the node stays exactly what it was.
 */
async function openForWriting(
  fs: FileSystem,
  target: string,
  options: WriteInPlaceOptions
): Promise<FileHandle> {
  const flags =
    constants.O_WRONLY |
    (constants.O_NONBLOCK ?? 0) |
    (constants.O_NOCTTY ?? 0) |
    (options.isAppending ? constants.O_APPEND : 0)
  const startMs = Date.now()
  for (;;) {
    try {
      return await fs.open(target, flags)
    } catch (error) {
      if (errorCode(error) !== 'ENXIO' || Date.now() - startMs >= options.readerWaitMs) throw error
      await sleep(RETRY_MS)
    }
  }
}

/**
 * Writes `bytes` into a pipe, a character device or the file behind a descriptor name, in place: such a
 * node is a channel to a reader, not a document, so it is never replaced. A full pipe (EAGAIN) is
 * retried until its reader has taken nothing for `stallMs`, then the write fails with EAGAIN; a reader
 * that closes the pipe ends the write with EPIPE. Never blocks a thread.
 */
export async function writeInPlace(
  target: string,
  bytes: Uint8Array,
  options: WriteInPlaceOptions
): Promise<void> {
  const handle = await openForWriting(options.fs, target, options)
  try {
    let offset = 0
    let lastProgressMs = Date.now()
    while (offset < bytes.length) {
      try {
        const length = Math.min(CHUNK_BYTES, bytes.length - offset)
        const { bytesWritten } = await handle.write(bytes, offset, length)
        offset += bytesWritten
        if (bytesWritten > 0) lastProgressMs = Date.now()
      } catch (error) {
        if (errorCode(error) !== 'EAGAIN' || Date.now() - lastProgressMs >= options.stallMs) throw error
        await sleep(RETRY_MS)
      }
    }
  } finally {
    await handle.close().catch(() => undefined)
  }
}
