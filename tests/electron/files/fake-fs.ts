import * as nodeFs from 'node:fs/promises'
import type { FileSystem } from '../../../file-service/atomic-write'

/** Operations the wrapper can log and fail. Handle operations carry the path the handle was opened with. */
export type FsOperation =
  | 'open'
  | 'stat'
  | 'rename'
  | 'unlink'
  | 'readFile'
  | 'readdir'
  | 'mkdir'
  | 'realpath'
  | 'handle.writeFile'
  | 'handle.sync'
  | 'handle.close'
  | 'handle.chmod'
  | 'handle.read'
  | 'handle.stat'

export interface InjectedFailure {
  op: FsOperation
  code: string
  /** Fails only calls whose path matches; every call when absent. */
  when?: (path: string) => boolean
  /** Fails this many matching calls, then lets the rest through. @default Infinity */
  times?: number
}

/** A system error as Node.js raises it. */
export function systemError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall} '${path}'`), { code, syscall, path })
}

/**
 * node:fs/promises with a log of every call ("op path") and failures injected by operation and path, so
 * a test can force ENOSPC, EIO or EPERM at any step (root ignores chmod, so permissions cannot do it).
 */
export function fakeFs(failures: InjectedFailure[] = []): FileSystem & { log: string[] } {
  const log: string[] = []
  const remaining = failures.map((f) => ({ ...f, left: f.times ?? Infinity }))

  function maybeFail(op: FsOperation, path: string): void {
    log.push(`${op} ${path}`)
    for (const f of remaining) {
      if (f.op === op && f.left > 0 && (!f.when || f.when(path))) {
        f.left--
        throw systemError(f.code, op, path)
      }
    }
  }

  function wrapHandle(handle: nodeFs.FileHandle, path: string): nodeFs.FileHandle {
    const intercepted: Partial<Record<string, FsOperation>> = {
      writeFile: 'handle.writeFile',
      sync: 'handle.sync',
      close: 'handle.close',
      chmod: 'handle.chmod',
      read: 'handle.read',
      stat: 'handle.stat',
    }
    return new Proxy(handle, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver)
        const op = typeof property === 'string' ? intercepted[property] : undefined
        if (!op || typeof value !== 'function')
          return typeof value === 'function' ? value.bind(target) : value
        return async (...args: unknown[]) => {
          try {
            maybeFail(op, path)
          } catch (error) {
            // A failing close still releases the descriptor, as the kernel does.
            if (op === 'handle.close') await target.close()
            throw error
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      },
    })
  }

  const fs = {
    ...nodeFs,
    log,
    async open(path: nodeFs.FileHandle | string, ...rest: unknown[]) {
      maybeFail('open', String(path))
      const handle = await (nodeFs.open as (...a: unknown[]) => Promise<nodeFs.FileHandle>)(path, ...rest)
      return wrapHandle(handle, String(path))
    },
  } as unknown as FileSystem & { log: string[] }
  for (const op of ['stat', 'rename', 'unlink', 'readFile', 'readdir', 'mkdir', 'realpath'] as const) {
    const real = nodeFs[op] as (...a: unknown[]) => Promise<unknown>
    ;(fs as unknown as Record<string, unknown>)[op] = async (path: unknown, ...rest: unknown[]) => {
      maybeFail(op, String(path))
      return real(path, ...rest)
    }
  }
  return fs
}
