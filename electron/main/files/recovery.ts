import * as nodeFs from 'node:fs/promises'
import path from 'node:path'
import type { FileStamp, RecoverySnapshot } from '../../contract'
import { IPC_LIMITS, MAX_PLAN_FILE_BYTES } from '../../../models/index'
import { STALE_TEMP_MS, writeFileAtomic, type FileSystem } from '../../../file-service/atomic-write'
import { errorCode } from '../../../file-service/errors'
import { readRegularFile } from '../../../file-service/read-file'

/** Document ids name files in the recovery folder, so they may hold nothing a path could be built from. */
const DOC_ID = /^[A-Za-z0-9_-]{1,64}$/
const SNAPSHOT_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/
/** JSON escaping can make a snapshot up to 6 × its text; anything larger was not written by us. */
const MAX_SNAPSHOT_FILE_BYTES = 6 * MAX_PLAN_FILE_BYTES + 64 * 1024
const MAX_PATH_CHARS = IPC_LIMITS.maxPathChars
const MAX_NAME_CHARS = IPC_LIMITS.maxNameChars
/**
 * Snapshots kept at most. One file per document (a new snapshot replaces the document's last), and no
 * more than this many documents: a page creating new document ids cannot fill the disk; the oldest go.
 */
export const MAX_RECOVERY_SNAPSHOTS = 20
/** Bytes all snapshots may take together; past it the oldest are removed. */
export const MAX_RECOVERY_BYTES = 64 * 1024 * 1024

export interface RecoveryStoreOptions {
  /** @default node:fs/promises */
  fs?: FileSystem
}

/** True for an id the store accepts: 1–64 letters, digits, "-" or "_". */
export function isValidDocId(docId: unknown): docId is string {
  return typeof docId === 'string' && DOC_ID.test(docId)
}

/** Why a snapshot is unusable, or null. Used both before writing and when reading one back. */
export function snapshotProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object'
  const s = value as Record<string, unknown>
  if (!isValidDocId(s.docId)) return 'docId must be 1 to 64 letters, digits, "-" or "_"'
  if (s.path !== null && (typeof s.path !== 'string' || s.path.length > MAX_PATH_CHARS))
    return 'path must be text or null'
  if (typeof s.name !== 'string' || s.name.length > MAX_NAME_CHARS) return 'name must be text'
  if (typeof s.text !== 'string') return 'text must be text'
  if (Buffer.byteLength(s.text, 'utf8') > MAX_PLAN_FILE_BYTES)
    return 'text is larger than a planning file may be'
  if (typeof s.snapshotAtMs !== 'number' || !Number.isFinite(s.snapshotAtMs) || s.snapshotAtMs < 0) {
    return 'snapshotAtMs must be a time in milliseconds'
  }
  if (s.stamp !== undefined && s.stamp !== null && !isFileStamp(s.stamp))
    return 'stamp must be a file stamp or null'
  return null
}

function isFileStamp(value: unknown): value is FileStamp {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    Number.isSafeInteger(v.sizeBytes) &&
    (v.sizeBytes as number) >= 0 &&
    typeof v.mtimeMs === 'number' &&
    Number.isFinite(v.mtimeMs) &&
    v.mtimeMs >= 0 &&
    typeof v.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(v.sha256)
  )
}

function copyStamp(stamp: FileStamp | null | undefined): FileStamp | null {
  return stamp ? { sizeBytes: stamp.sizeBytes, mtimeMs: stamp.mtimeMs, sha256: stamp.sha256 } : null
}

/**
 * Unsaved documents, one JSON file per document id in the app's data folder, written atomically. A
 * snapshot lives until the document is saved or the user discards it; after a crash, list() offers them back.
 */
export class RecoveryStore {
  readonly dir: string
  private readonly fs: FileSystem

  constructor(dir: string, options: RecoveryStoreOptions = {}) {
    this.dir = path.resolve(dir)
    this.fs = options.fs ?? nodeFs
  }

  private fileFor(docId: string): string {
    if (!isValidDocId(docId))
      throw new TypeError('Invalid recovery document id: use 1 to 64 letters, digits, "-" or "_"')
    return path.join(this.dir, `${docId}.json`)
  }

  /** Writes (or replaces) the snapshot of one document. Throws on an invalid snapshot or a failed write. */
  async write(snapshot: RecoverySnapshot): Promise<void> {
    const problem = snapshotProblem(snapshot)
    if (problem) throw new TypeError(`Invalid recovery snapshot: ${problem}`)
    const file = this.fileFor(snapshot.docId)
    const { docId, path: docPath, name, text, snapshotAtMs } = snapshot
    const stamp = copyStamp(snapshot.stamp)
    await this.fs.mkdir(this.dir, { recursive: true, mode: 0o700 })
    // The folder itself must be ours: a link planted in its place would carry every snapshot elsewhere.
    if ((await this.fs.lstat(this.dir)).isSymbolicLink()) {
      throw Object.assign(
        new Error(`The recovery folder ${this.dir} is a link; snapshots are not written through links`),
        {
          code: 'ELOOP',
        }
      )
    }
    await writeFileAtomic(file, JSON.stringify({ docId, path: docPath, name, text, snapshotAtMs, stamp }), {
      mode: 0o600,
      fs: this.fs,
      isFollowingLinks: false,
    })
    await this.prune(path.basename(file))
  }

  /**
   * Keeps at most MAX_RECOVERY_SNAPSHOTS snapshots taking at most MAX_RECOVERY_BYTES together, removing
   * the oldest first; `keep` (the snapshot just written) always stays. Best effort.
   */
  private async prune(keep: string): Promise<void> {
    let names: string[]
    try {
      names = await this.fs.readdir(this.dir)
    } catch {
      return
    }
    const entries: { name: string; sizeBytes: number; mtimeMs: number }[] = []
    for (const name of names) {
      if (!SNAPSHOT_FILE.test(name)) continue
      try {
        const stats = await this.fs.lstat(path.join(this.dir, name))
        entries.push({ name, sizeBytes: stats.size, mtimeMs: stats.mtimeMs })
      } catch {
        // Gone meanwhile.
      }
    }
    entries.sort((a, b) => (a.name === keep ? -1 : b.name === keep ? 1 : b.mtimeMs - a.mtimeMs))
    let count = 0
    let totalBytes = 0
    for (const entry of entries) {
      count++
      totalBytes += entry.sizeBytes
      if (entry.name !== keep && (count > MAX_RECOVERY_SNAPSHOTS || totalBytes > MAX_RECOVERY_BYTES)) {
        await this.fs.unlink(path.join(this.dir, entry.name)).catch(() => undefined)
        count--
        totalBytes -= entry.sizeBytes
      }
    }
  }

  /** Deletes the snapshot of one document; nothing to delete is fine. */
  async discard(docId: string): Promise<void> {
    const file = this.fileFor(docId)
    try {
      await this.fs.unlink(file)
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error
    }
  }

  /** Every readable snapshot, newest first. Corrupt snapshot files are deleted and skipped. */
  async list(): Promise<RecoverySnapshot[]> {
    let names: string[]
    try {
      names = await this.fs.readdir(this.dir)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []
      throw error
    }
    const snapshots: RecoverySnapshot[] = []
    for (const name of names) {
      const file = path.join(this.dir, name)
      const match = SNAPSHOT_FILE.exec(name)
      if (!match) {
        if (name.startsWith('.') && name.endsWith('.tmp')) await this.removeIfStale(file)
        continue
      }
      const snapshot = await this.readSnapshot(file, match[1] as string)
      if (snapshot) snapshots.push(snapshot)
      else await this.fs.unlink(file).catch(() => undefined)
    }
    return snapshots.sort((a, b) => b.snapshotAtMs - a.snapshotAtMs)
  }

  /** The snapshot in `file`, or null when it is corrupt (unreadable, not JSON, wrong shape, wrong id). */
  private async readSnapshot(file: string, docId: string): Promise<RecoverySnapshot | null> {
    try {
      // Never through a link, never more than a snapshot can be, never text that is not UTF-8.
      const { bytes } = await readRegularFile(file, {
        fs: this.fs,
        maxBytes: MAX_SNAPSHOT_FILE_BYTES,
        isFollowingLinks: false,
      })
      const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
      if (snapshotProblem(value) !== null) return null
      const s = value as RecoverySnapshot
      if (s.docId !== docId) return null
      // A fresh object with the known fields only: nothing else from the file travels on. Snapshots
      // written before stamps were kept have none: their save then asks before replacing the file.
      return {
        docId: s.docId,
        path: s.path,
        name: s.name,
        text: s.text,
        snapshotAtMs: s.snapshotAtMs,
        stamp: copyStamp(s.stamp),
      }
    } catch {
      return null
    }
  }

  private async removeIfStale(file: string): Promise<void> {
    try {
      const stats = await this.fs.lstat(file)
      if (Date.now() - stats.mtimeMs > STALE_TEMP_MS) await this.fs.unlink(file)
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}
