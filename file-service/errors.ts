/** The steps of an atomic save, in order; a failed save names the one that failed. */
export type SaveStep =
  | 'check target'
  | 'create temporary file'
  | 'write'
  | 'flush to disk'
  | 'keep backup'
  | 'replace file'
  | 'sync folder'

/** Every step the file service reports: the save steps, plus reading, checking and validating. */
export type FileServiceStep =
  SaveStep | 'check size' | 'read' | 'check for changes' | 'validate' | 'check saved file'

/** Why a file operation failed: which step, on which path, the system error code, and a sentence for people. */
export class FileServiceError extends Error {
  readonly step: FileServiceStep
  readonly path: string
  readonly code: string

  constructor(init: { step: FileServiceStep; path: string; code: string; message: string; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'FileServiceError'
    this.step = init.step
    this.path = init.path
    this.code = init.code
  }
}

/** The error code of a Node.js system error ('ENOSPC', 'EACCES'…), or 'UNKNOWN'. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code
  return 'UNKNOWN'
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'the operation was not permitted',
  EROFS: 'the disk is read-only',
  ENOENT: 'the folder or file does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'the path is a folder',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
  ENAMETOOLONG: 'the file name is too long',
  EEXIST: 'a file of that name appeared at the same moment',
  EXDEV: 'the temporary file ended up on another disk',
  ETIMEDOUT: 'the disk or network share did not answer in time',
  ENXIO: 'no program is reading from the pipe',
  EPIPE: 'the program reading from the pipe closed it',
  EAGAIN: 'the program reading from the pipe stopped reading',
  ENOTFILE: 'it is not a regular file',
  ELOOP: 'it is a chain of links too long to follow',
}

/** Why, in words, for a system error: "the disk is full". Unknown codes fall back to the error's own text. */
export function describeReason(error: unknown): string {
  const reason = REASONS[errorCode(error)]
  if (reason) return reason
  return error instanceof Error ? error.message : String(error)
}

/** What each save step was doing, as the start of a sentence about `path`. */
function saveAction(step: SaveStep, path: string): string {
  switch (step) {
    case 'check target':
      return `checking ${path}`
    case 'create temporary file':
      return `creating a temporary file next to ${path}`
    case 'write':
      return `writing ${path}`
    case 'flush to disk':
      return `flushing ${path} to disk`
    case 'keep backup':
      return `keeping the previous version of ${path} as ${path}.bak`
    case 'replace file':
      return `replacing ${path}`
    case 'sync folder':
      return `syncing the folder of ${path}`
  }
}

/**
 * The error for a failed save step, e.g. "Could not save: writing /x/plan.stackplan failed because the
 * disk is full (ENOSPC)." A failed folder sync says the file itself was replaced.
 */
export function saveError(step: SaveStep, path: string, cause: unknown): FileServiceError {
  const code = errorCode(cause)
  const after =
    step === 'sync folder'
      ? ' The new version was written but may not survive a power cut; save again to be sure.'
      : ''
  return new FileServiceError({
    step,
    path,
    code,
    message: `Could not save: ${saveAction(step, path)} failed because ${describeReason(cause)} (${code}).${after}`,
    cause,
  })
}
