import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import path from 'node:path'
import { errorCode, FileServiceError, saveError, type SaveStep } from './errors'
import type { FileSystem } from './file-system'
import { notWritableError, resolveSaveTarget } from './save-target'
import { writeInPlace } from './write-in-place'

export { FileServiceError } from './errors'

export type { FileSystem } from './file-system'

export interface WriteFileAtomicOptions {
  /**
   * Copy the file being replaced to `<path>.bak` first (itself written atomically).
   * @default false
   */
  keepBackup?: boolean
  /**
   * Permissions of a new file; an existing file keeps its own.
   * @default 0o666 (less the process umask)
   */
  mode?: number
  /** @default node:fs/promises */
  fs?: FileSystem
  /** @default process.platform */
  platform?: NodeJS.Platform
  /**
   * Waits between rename attempts on Windows, where antivirus and indexers hold files briefly.
   * @default [10, 25, 50, 100, 200]
   */
  renameRetryDelaysMs?: readonly number[]
  /**
   * After a successful save, remove temporary files that a save of this same file (or of its `.bak`)
   * killed midway left behind, once they are older than STALE_TEMP_MS. See removeStaleTempFiles.
   * @default false
   */
  removeStaleTemps?: boolean
  /**
   * Follow a link at `filePath` to the file it names (the file the user chose). False for every auxiliary
   * path (backup, recovery snapshot, recent list): a link there is replaced, never written through.
   * @default true
   */
  isFollowingLinks?: boolean
  /**
   * What to do with a pipe, character device or /dev/stdout at the target: write into it in place, or
   * refuse (planning files are regular files only).
   * @default 'write'
   */
  specialFiles?: 'write' | 'refuse'
  /**
   * Refuse to replace anything already at the target: the new file appears under its name with a hard
   * link, which fails when a file of that name exists (`init` never destroys work).
   * @default false
   */
  isExclusive?: boolean
  /**
   * How long a pipe target may go without a reader (at open) or without reading (while written).
   * @default 10000
   */
  pipeWaitMs?: number
  /** Owner of a new file (the backup takes the replaced file's); an existing file keeps its own. */
  owner?: FileOwner | null
}

/** Who owns a file. */
export interface FileOwner {
  uid: number
  gid: number
}

/**
 * A temporary file older than this belongs to a save that died: a live save wrote its temporary file
 * moments ago, so a concurrent save (another Stackplan window or process) is never touched.
 */
export const STALE_TEMP_MS = 10 * 60 * 1000

const TEMP_SUFFIX = '.tmp'
/** What follows `.<name>.` in a temporary file's name: 12 lowercase hex digits, `bak.` first for a backup's. */
const TEMP_MIDDLE = /^(?:bak\.)?[0-9a-f]{12}$/

/** The temporary file writeFileAtomic writes beside `target` before renaming it over. */
function tempPathFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`
  )
}

/**
 * True when `name` is a temporary file of a save of the file named `baseName`, or of its backup:
 * exactly `.<baseName>.<12 lowercase hex>.tmp` or `.<baseName>.bak.<12 lowercase hex>.tmp`.
 */
export function isTempFileOf(name: string, baseName: string): boolean {
  const prefix = `.${baseName}.`
  if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) return false
  return TEMP_MIDDLE.test(name.slice(prefix.length, name.length - TEMP_SUFFIX.length))
}

/**
 * Removes the temporary files a killed save of `target` (or of `<target>.bak`) left beside it: regular
 * files named as isTempFileOf says whose mtime is more than STALE_TEMP_MS ago. Files of other names,
 * folders and fresh temporary files stay. Best effort: it never throws, whatever fails to list, stat or
 * remove stays where it is.
 */
export async function removeStaleTempFiles(target: string, options: { fs?: FileSystem } = {}): Promise<void> {
  const { fs = nodeFs } = options
  const nowMs = Date.now()
  const folder = path.dirname(target)
  const baseName = path.basename(target)
  let names: string[]
  try {
    names = await fs.readdir(folder)
  } catch {
    return
  }
  for (const name of names) {
    if (!isTempFileOf(name, baseName)) continue
    const file = path.join(folder, name)
    try {
      const stats = await fs.stat(file)
      if (stats.isFile() && nowMs - stats.mtimeMs > STALE_TEMP_MS) await fs.unlink(file)
    } catch {
      // Gone already (another cleanup), in use (Windows) or not ours to remove: the save succeeded anyway.
    }
  }
}

const RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES'])

/** fsync on a folder is not supported everywhere (some filesystems, network shares); that is not a failure. */
const FOLDER_SYNC_UNSUPPORTED = new Set([
  'EINVAL',
  'ENOTSUP',
  'EOPNOTSUPP',
  'EISDIR',
  'EPERM',
  'EACCES',
  'EBADF',
])

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Runs one save step, turning any failure into a FileServiceError naming the step and the target path. */
async function step<T>(name: SaveStep, target: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof FileServiceError) throw error
    throw saveError(name, target, error)
  }
}

async function renameWithRetry(
  fs: FileSystem,
  from: string,
  to: string,
  platform: NodeJS.Platform,
  delaysMs: readonly number[]
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (error) {
      const delay = delaysMs[attempt]
      if (platform !== 'win32' || delay === undefined || !RENAME_RETRY_CODES.has(errorCode(error)))
        throw error
      await sleep(delay)
    }
  }
}

async function syncFolder(fs: FileSystem, folder: string): Promise<void> {
  let handle: nodeFs.FileHandle | undefined
  try {
    handle = await fs.open(folder, 'r')
    await handle.sync()
  } catch (error) {
    if (!FOLDER_SYNC_UNSUPPORTED.has(errorCode(error))) throw error
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'])

/**
 * Puts the finished temporary file under the target's name without replacing anything: link() fails
 * with EEXIST when a file of that name exists, atomically. Filesystems without hard links (FAT) fall
 * back to checking, then renaming.
 */
async function placeExclusive(fs: FileSystem, tempPath: string, target: string): Promise<void> {
  try {
    await fs.link(tempPath, target)
  } catch (error) {
    if (!NO_HARD_LINKS.has(errorCode(error))) throw error
    const isTaken = await fs.lstat(target).then(
      () => true,
      () => false
    )
    if (isTaken) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' })
    await fs.rename(tempPath, target)
    return
  }
  await fs.unlink(tempPath).catch(() => undefined)
}

/** Gives the new file the old one's owner when they differ; only root may, and only root needs to. */
async function keepOwner(handle: nodeFs.FileHandle, owner: FileOwner | null): Promise<void> {
  if (!owner || process.getuid === undefined) return
  if (owner.uid === process.getuid() && owner.gid === process.getgid?.()) return
  try {
    await handle.chown(owner.uid, owner.gid)
  } catch (error) {
    // A user who may replace the file but not give it away keeps the file as theirs, as editors do.
    if (errorCode(error) !== 'EPERM') throw error
  }
}

/**
 * Replaces `filePath` (or the file a symlink there points to) with `data` so that it is always either the
 * old or the new bytes, even if the process dies or the power fails midway: write a temporary file in the
 * same folder (`.<name>.<random>.tmp`, created with O_EXCL so no link there is followed), fsync it, keep the
 * old file's permissions and owner, optionally copy the old file to `<path>.bak` (atomically, before the
 * rename, never through a link at the backup's path), rename over the target (retrying EPERM/EBUSY/EACCES
 * on Windows), then fsync the folder so the rename itself is durable (POSIX only). A pipe, character
 * device or /dev/stdout is written in place instead (or refused with `specialFiles: 'refuse'`); sockets,
 * disk devices and files under /proc and /sys are refused. On failure the temporary file is removed, the
 * target is untouched, and a FileServiceError names the failed step and the path. With
 * `removeStaleTemps`, a successful save then removes stale temporary files that earlier saves of the same
 * file, killed midway, left behind.
 */
export async function writeFileAtomic(
  filePath: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {}
): Promise<void> {
  const {
    keepBackup = false,
    mode = 0o666,
    fs = nodeFs,
    platform = process.platform,
    renameRetryDelaysMs = [10, 25, 50, 100, 200],
    removeStaleTemps = false,
    isFollowingLinks = true,
    specialFiles = 'write',
    isExclusive = false,
    pipeWaitMs = 10_000,
  } = options
  const requested = path.resolve(filePath)
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const found = await step('replace file', requested, () =>
    resolveSaveTarget(fs, requested, { isFollowingLinks, platform })
  )
  const target = found.path
  if (found.kind === 'pipe' || found.kind === 'device' || found.kind === 'descriptor') {
    if (specialFiles === 'refuse' || isExclusive) {
      throw notWritableError(target, found.kind === 'pipe' ? 'a pipe' : 'a device, not a regular file')
    }
    await step('write', target, () =>
      writeInPlace(target, bytes, {
        fs,
        isAppending: found.kind === 'descriptor',
        readerWaitMs: pipeWaitMs,
        stallMs: pipeWaitMs,
      })
    )
    return
  }
  if (isExclusive && found.kind !== 'none') {
    throw saveError('replace file', target, Object.assign(new Error(`${target} exists`), { code: 'EEXIST' }))
  }
  const folder = path.dirname(target)
  const tempPath = tempPathFor(target)
  const oldMode = found.kind === 'file' && found.stats ? found.stats.mode & 0o7777 : null
  let handle: nodeFs.FileHandle | undefined
  let isTempCreated = false
  try {
    handle = await step('create temporary file', target, () => fs.open(tempPath, 'wx', oldMode ?? mode))
    isTempCreated = true
    const opened = handle
    const owner = options.owner ?? (found.kind === 'file' ? found.stats : null)
    await step('create temporary file', target, () => keepOwner(opened, owner))
    // open() applies the umask; chmod gives the new file exactly the old one's permissions.
    if (oldMode !== null) await step('create temporary file', target, () => opened.chmod(oldMode))
    await step('write', target, () => opened.writeFile(bytes))
    await step('flush to disk', target, () => opened.sync())
    handle = undefined
    await step('flush to disk', target, () => opened.close())
    if (keepBackup && oldMode !== null) {
      await step('keep backup', target, async () => {
        const previous = await fs.readFile(target)
        try {
          await writeFileAtomic(`${target}.bak`, previous, {
            ...options,
            keepBackup: false,
            mode: oldMode,
            // The backup belongs to whoever owned the version it keeps.
            owner: found.stats,
            // A planted `<plan>.bak -> ~/.bashrc` is replaced by the backup, never written through.
            isFollowingLinks: false,
            isExclusive: false,
            // The save of the target cleans the backup's temporary files too, once it has succeeded.
            removeStaleTemps: false,
          })
        } catch (error) {
          // Report the system error under this step, not the inner save's own step.
          throw error instanceof FileServiceError ? (error.cause ?? error) : error
        }
      })
    }
    await step('replace file', target, () =>
      isExclusive
        ? placeExclusive(fs, tempPath, target)
        : renameWithRetry(fs, tempPath, target, platform, renameRetryDelaysMs)
    )
    isTempCreated = false
  } catch (error) {
    await handle?.close().catch(() => undefined)
    if (isTempCreated) await fs.unlink(tempPath).catch(() => undefined)
    throw error
  }
  if (platform !== 'win32') await step('sync folder', target, () => syncFolder(fs, folder))
  // Here rather than in the plan store: only here is the real folder known (the temporary files of a
  // symlinked plan lie beside the file the link points to), and this file names them. Only after the
  // whole save succeeded, so a failing save changes nothing else on disk.
  if (removeStaleTemps) await removeStaleTempFiles(target, { fs })
}
