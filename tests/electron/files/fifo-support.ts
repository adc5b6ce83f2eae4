import { execFileSync, spawn } from 'node:child_process'

/** Makes a named pipe (Node has no mkfifo of its own). */
export function makeFifo(path: string): void {
  execFileSync('mkfifo', [path])
}

/** Makes a character device like /dev/null (major 1, minor 3) inside a test folder; needs root. */
export function makeNullDevice(path: string): void {
  execFileSync('mknod', [path, 'c', '1', '3'])
}

/**
 * Starts `cat` reading a FIFO in a child process and resolves with everything it read once the writer
 * closed the pipe. Fails (and kills the reader) when nothing closes the pipe within `limitMs`, so a
 * broken writer makes a test fail with a clear message instead of hanging it.
 */
export function readFifoInChild(path: string, limitMs = 20_000): { done: Promise<string>; stop(): void } {
  const child = spawn('cat', [path], { stdio: ['ignore', 'pipe', 'ignore'] })
  const chunks: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
  let timer: NodeJS.Timeout | undefined
  const done = new Promise<string>((resolve, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `nothing closed the FIFO ${path} within ${limitMs} ms: the writer blocked or never opened it`
        )
      )
    }, limitMs)
    child.on('close', () => {
      clearTimeout(timer)
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
  })
  return {
    done,
    stop() {
      clearTimeout(timer)
      child.kill('SIGKILL')
    },
  }
}

/** Rejects with `message` after `limitMs`, so an await that would block forever fails the test instead. */
export function within<T>(run: Promise<T>, limitMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), limitMs)
  })
  return Promise.race([run, limit]).finally(() => clearTimeout(timer))
}
