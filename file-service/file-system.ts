import type * as nodeFs from 'node:fs/promises'

/** The parts of node:fs/promises the file service uses; tests pass a wrapper to inject failures. */
export type FileSystem = Pick<
  typeof nodeFs,
  | 'open'
  | 'stat'
  | 'lstat'
  | 'readlink'
  | 'link'
  | 'rename'
  | 'unlink'
  | 'readFile'
  | 'readdir'
  | 'mkdir'
  | 'realpath'
>
