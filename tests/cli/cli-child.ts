import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, openSync, closeSync, rmdirSync, writeSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')
const bin = join(root, 'cli/bin/stackplan.mjs')

export interface ChildOutcome {
  code: number | null
  stdout: string
  stderr: string
}

export interface ChildOptions {
  /** Close the read end of stdout before the command writes: its writes then fail with EPIPE. */
  closeStdoutAtOnce?: boolean
  /** A descriptor for the child's stdout (e.g. /dev/full) instead of a pipe. */
  stdoutFd?: number
  /** The child is killed and the test fails after this long. @default 30000 */
  limitMs?: number
}

/**
 * Runs the real `stackplan` bin as a child process. Never hangs a test: after `limitMs` the child is
 * killed and the promise rejects with a message saying so.
 */
export function stackplanChild(args: string[], options: ChildOptions = {}): Promise<ChildOutcome> {
  const { closeStdoutAtOnce = false, stdoutFd, limitMs = 30_000 } = options
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
  })
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  if (child.stdout) {
    if (closeStdoutAtOnce) child.stdout.destroy()
    else child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  }
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`stackplan ${args.join(' ')} did not finish within ${limitMs} ms`))
    }, limitMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      })
    })
  })
}

/**
 * Runs `use` with a folder on a tiny tmpfs that is already full (a file named "filler" takes all of it),
 * then unmounts it. Needs root, as mount does.
 */
export async function withTinyDisk(folder: string, use: (folder: string) => Promise<void>): Promise<void> {
  mkdirSync(folder, { recursive: true })
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', folder])
  try {
    const fd = openSync(join(folder, 'filler'), 'w')
    try {
      const block = Buffer.alloc(4096, 1)
      for (;;) writeSync(fd, block)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
    } finally {
      closeSync(fd)
    }
    await use(folder)
  } finally {
    execFileSync('umount', [folder])
    rmdirSync(folder)
  }
}
