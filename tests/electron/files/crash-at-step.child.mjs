// Child process for kill-during-save.test.ts: saves NEW over the planning file once, through a file system
// that SIGKILLs this process at its Nth operation. Counting operations (not milliseconds) puts the crash at
// every point of a save on any machine, however fast or slow. A write operation first writes half of its
// bytes, so the crash also leaves a torn temporary file. Prints "done" when the save finished before the Nth
// operation was reached: the parent then knows it has crashed at every step.
import * as fs from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const [bundlePath, target, newTextPath, crashAtText] = process.argv.slice(2)
const crashAt = Number(crashAtText)
const { savePlanText } = await import(pathToFileURL(bundlePath).href)
const text = readFileSync(newTextPath, 'utf8')

let operations = 0
async function beforeOperation(tornWrite) {
  operations++
  if (operations < crashAt) return
  if (tornWrite) await tornWrite()
  process.kill(process.pid, 'SIGKILL')
  await new Promise(() => undefined)
}

function wrapHandle(handle) {
  return {
    async chmod(mode) {
      await beforeOperation()
      return handle.chmod(mode)
    },
    async writeFile(data) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data
      await beforeOperation(() => handle.write(bytes, 0, Math.floor(bytes.length / 2)))
      return handle.writeFile(data)
    },
    async sync() {
      await beforeOperation()
      return handle.sync()
    },
    async close() {
      await beforeOperation()
      return handle.close()
    },
    async chown(uid, gid) {
      await beforeOperation()
      return handle.chown(uid, gid)
    },
    read: (...args) => handle.read(...args),
    stat: (...args) => handle.stat(...args),
  }
}

const crashingFs = {
  async open(...args) {
    await beforeOperation()
    return wrapHandle(await fs.open(...args))
  },
  async rename(...args) {
    await beforeOperation()
    return fs.rename(...args)
  },
  async unlink(...args) {
    await beforeOperation()
    return fs.unlink(...args)
  },
  async stat(...args) {
    await beforeOperation()
    return fs.stat(...args)
  },
  async lstat(...args) {
    await beforeOperation()
    return fs.lstat(...args)
  },
  async readlink(...args) {
    await beforeOperation()
    return fs.readlink(...args)
  },
  async link(...args) {
    await beforeOperation()
    return fs.link(...args)
  },
  async readFile(...args) {
    await beforeOperation()
    return fs.readFile(...args)
  },
  async realpath(...args) {
    await beforeOperation()
    return fs.realpath(...args)
  },
  readdir: (...args) => fs.readdir(...args),
  mkdir: (...args) => fs.mkdir(...args),
}

await savePlanText({ path: target, text, expected: null, overwrite: true }, { fs: crashingFs })
process.stdout.write(`done ${operations}`)
