import type { Stats } from 'node:fs'
import path from 'node:path'
import type { FileSystem } from './file-system'
import { errorCode, FileServiceError } from './errors'

/**
 * What a save finds at its target:
 * - `none`: nothing yet (a new file is created, atomically);
 * - `file`: a regular file (replaced atomically by a rename);
 * - `replaceable`: an auxiliary path (backup, snapshot, recent list) holding a link, pipe or other
 *   non-regular entry, which the rename replaces without following it;
 * - `pipe`, `device`: a FIFO or character device (/dev/null, a terminal), written in place;
 * - `descriptor`: /dev/stdout and the like naming a regular file, appended to in place as a shell's
 *   `>` and `>>` expect.
 */
export type SaveTargetKind = 'none' | 'file' | 'replaceable' | 'pipe' | 'device' | 'descriptor'

export interface SaveTarget {
  /** Where the bytes go: the file a link points to when links are followed. */
  path: string
  kind: SaveTargetKind
  /** The entry found there (lstat when links are not followed), null when there is none. */
  stats: Stats | null
}

/** Names of an open descriptor: opening them reaches the process's own stdout, stderr or fd N. */
const DESCRIPTOR_ALIAS = /^\/(?:dev\/(?:stdout|stderr|fd\/\d+)|proc\/(?:self|thread-self|\d+)\/fd\/\d+)$/
/** Kernel interfaces: a "file" there is a setting of the running system, never a document. */
const KERNEL_FOLDER = /^\/(?:proc|sys)(?:\/|$)/
/** Linux's own limit of links followed in one lookup (MAXSYMLINKS). */
const MAX_LINK_HOPS = 40

/** A refusal of a target Stackplan never writes to; the message names the path and what it is. */
export function notWritableError(target: string, what: string): FileServiceError {
  return new FileServiceError({
    step: 'check target',
    path: target,
    code: 'ENOTFILE',
    message: `Could not save: ${target} is ${what}; Stackplan writes only regular files, pipes and character devices such as /dev/null.`,
  })
}

function folderError(target: string): Error {
  return Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' })
}

/**
 * The end of the chain of links at `requested`: its real path when it exists, else the path the last link
 * of the chain names (a dangling link is followed, so the link survives the save as documented), else
 * `requested` itself.
 */
async function followLinks(fs: FileSystem, requested: string): Promise<string> {
  try {
    return await fs.realpath(requested)
  } catch {
    // Nothing there, or a dangling link: walk the chain by hand.
  }
  let current = requested
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    let stats: Stats
    try {
      stats = await fs.lstat(current)
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return current
      throw error
    }
    if (!stats.isSymbolicLink()) return current
    current = path.resolve(path.dirname(current), await fs.readlink(current))
  }
  throw Object.assign(new Error(`${requested}: too many links`), { code: 'ELOOP' })
}

/** What `stats` (taken after following links) means for a save; refuses what is never written. */
function classify(target: string, stats: Stats, isDescriptor: boolean): SaveTarget {
  if (stats.isDirectory()) throw folderError(target)
  if (stats.isFIFO()) return { path: target, kind: 'pipe', stats }
  if (stats.isCharacterDevice()) return { path: target, kind: 'device', stats }
  if (stats.isFile()) {
    if (isDescriptor) return { path: target, kind: 'descriptor', stats }
    if (KERNEL_FOLDER.test(target))
      throw notWritableError(target, 'a file of the operating system (/proc, /sys)')
    return { path: target, kind: 'file', stats }
  }
  if (stats.isSocket()) throw notWritableError(target, 'a socket')
  if (stats.isBlockDevice()) throw notWritableError(target, 'a disk device')
  throw notWritableError(target, 'not a regular file')
}

/**
 * Finds where a save of `requested` writes and what is there. With `isFollowingLinks` (the file the user
 * chose) a link is followed to its end, as documented; without it (every auxiliary path: backups,
 * recovery snapshots, the recent list) nothing is followed and whatever sits at the path except a folder
 * is replaced by the rename itself, so a planted link can never redirect a write.
 */
export async function resolveSaveTarget(
  fs: FileSystem,
  requested: string,
  options: { isFollowingLinks: boolean; platform: NodeJS.Platform }
): Promise<SaveTarget> {
  const { isFollowingLinks, platform } = options
  if (isFollowingLinks && platform !== 'win32' && DESCRIPTOR_ALIAS.test(requested)) {
    // /dev/stdout → /proc/self/fd/1 → "pipe:[…]": only opening the name itself reaches the descriptor.
    return classify(requested, await fs.stat(requested), true)
  }
  const target = isFollowingLinks ? await followLinks(fs, requested) : requested
  let stats: Stats
  try {
    stats = isFollowingLinks ? await fs.stat(target) : await fs.lstat(target)
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR')
      return { path: target, kind: 'none', stats: null }
    throw error
  }
  if (!isFollowingLinks) {
    if (stats.isDirectory()) throw folderError(target)
    return { path: target, kind: stats.isFile() ? 'file' : 'replaceable', stats }
  }
  return classify(target, stats, false)
}
