import * as nodeFs from 'node:fs/promises'
import path from 'node:path'
import type { RecoverySnapshot } from '../../contract'
import { IPC_LIMITS, MAX_PLAN_FILE_BYTES } from '../../../models/index'
import { STALE_TEMP_MS, writeFileAtomic, type FileSystem } from './atomic-write'
import { errorCode } from './errors'

/** Document ids name files in the recovery folder, so they may hold nothing a path could be built from. */
const DOC_ID = /^[A-Za-z0-9_-]{1,64}$/
const SNAPSHOT_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/
/** JSON escaping can make a snapshot up to 6 × its text; anything larger was not written by us. */
const MAX_SNAPSHOT_FILE_BYTES = 6 * MAX_PLAN_FILE_BYTES + 64 * 1024
const MAX_PATH_CHARS = IPC_LIMITS.maxPathChars
const MAX_NAME_CHARS = IPC_LIMITS.maxNameChars

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
  return null
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
    await this.fs.mkdir(this.dir, { recursive: true, mode: 0o700 })
    await writeFileAtomic(file, JSON.stringify({ docId, path: docPath, name, text, snapshotAtMs }), {
      mode: 0o600,
      fs: this.fs,
    })
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
      const stats = await this.fs.stat(file)
      if (!stats.isFile() || stats.size > MAX_SNAPSHOT_FILE_BYTES) return null
      const value: unknown = JSON.parse(await this.fs.readFile(file, 'utf8'))
      if (snapshotProblem(value) !== null) return null
      const s = value as RecoverySnapshot
      if (s.docId !== docId) return null
      // A fresh object with the known fields only: nothing else from the file travels on.
      return { docId: s.docId, path: s.path, name: s.name, text: s.text, snapshotAtMs: s.snapshotAtMs }
    } catch {
      return null
    }
  }

  private async removeIfStale(file: string): Promise<void> {
    try {
      const stats = await this.fs.stat(file)
      if (Date.now() - stats.mtimeMs > STALE_TEMP_MS) await this.fs.unlink(file)
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}
