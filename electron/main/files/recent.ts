import * as nodeFs from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic, type FileSystem } from '../../../file-service/atomic-write'
import { IPC_LIMITS } from '../../../models/index'
import { errorCode } from '../../../file-service/errors'
import { readRegularFile } from '../../../file-service/read-file'

/** The store file is small; anything larger is not ours and reads as an empty list. */
const MAX_STORE_BYTES = 1024 * 1024
const MAX_PATH_CHARS = IPC_LIMITS.maxPathChars
const STORE_VERSION = 1

export interface RecentFilesOptions {
  /** @default 10 */
  max?: number
  /** @default node:fs/promises */
  fs?: FileSystem
  /** Decides whether paths compare case-insensitively (Windows). @default process.platform */
  platform?: NodeJS.Platform
}

/**
 * The recently opened planning files, newest first, de-duplicated and capped, kept in one small JSON file
 * written atomically. Files that no longer exist drop off when the list is read. A corrupt store reads as
 * an empty list. Operations run one at a time, so concurrent adds never lose each other.
 */
export class RecentFiles {
  readonly storeFile: string
  private readonly max: number
  private readonly fs: FileSystem
  private readonly platform: NodeJS.Platform
  private queue: Promise<unknown> = Promise.resolve()

  constructor(storeFile: string, options: RecentFilesOptions = {}) {
    this.storeFile = path.resolve(storeFile)
    this.max = options.max ?? 10
    this.fs = options.fs ?? nodeFs
    this.platform = options.platform ?? process.platform
  }

  /** The list, newest first, without files that are gone (the store is updated when some were). */
  list(): Promise<string[]> {
    return this.exclusive(async () => {
      const stored = await this.read()
      const kept: string[] = []
      for (const p of stored) if (await this.mayExist(p)) kept.push(p)
      if (kept.length !== stored.length) await this.write(kept)
      return kept
    })
  }

  /** Puts `filePath` first (moving it if already listed), keeps at most `max`, and returns the list. */
  async add(filePath: string): Promise<string[]> {
    const entry = this.normalize(filePath)
    return this.exclusive(async () => {
      const next = [entry, ...(await this.read()).filter((p) => !this.isSame(p, entry))].slice(0, this.max)
      await this.write(next)
      return next
    })
  }

  /** Removes `filePath` from the list and returns the list. */
  async remove(filePath: string): Promise<string[]> {
    const entry = this.normalize(filePath)
    return this.exclusive(async () => {
      const stored = await this.read()
      const next = stored.filter((p) => !this.isSame(p, entry))
      if (next.length !== stored.length) await this.write(next)
      return next
    })
  }

  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }

  private normalize(filePath: string): string {
    if (typeof filePath !== 'string' || !path.isAbsolute(filePath) || filePath.length > MAX_PATH_CHARS) {
      throw new TypeError('A recent file must be an absolute path')
    }
    return path.resolve(filePath)
  }

  private isSame(a: string, b: string): boolean {
    return this.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b
  }

  /** False only when the file is certainly gone; an unreachable drive may come back. */
  private async mayExist(filePath: string): Promise<boolean> {
    try {
      await this.fs.stat(filePath)
      return true
    } catch (error) {
      return !['ENOENT', 'ENOTDIR'].includes(errorCode(error))
    }
  }

  private async read(): Promise<string[]> {
    let text: string
    try {
      // The app's own file: never read through a link, never more than a store can be, UTF-8 only.
      const { bytes } = await readRegularFile(this.storeFile, {
        fs: this.fs,
        maxBytes: MAX_STORE_BYTES,
        isFollowingLinks: false,
      })
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return []
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return []
    }
    const paths = typeof value === 'object' && value !== null && 'paths' in value ? value.paths : null
    if (!Array.isArray(paths)) return []
    const out: string[] = []
    for (const p of paths) {
      if (typeof p !== 'string' || !path.isAbsolute(p) || p.length > MAX_PATH_CHARS) continue
      if (!out.some((q) => this.isSame(q, p))) out.push(p)
    }
    return out.slice(0, this.max)
  }

  private async write(paths: readonly string[]): Promise<void> {
    await this.fs.mkdir(path.dirname(this.storeFile), { recursive: true })
    // A link planted at the store's path is replaced, never written through.
    await writeFileAtomic(this.storeFile, JSON.stringify({ version: STORE_VERSION, paths }, null, 2) + '\n', {
      fs: this.fs,
      isFollowingLinks: false,
    })
  }
}
