import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileServiceError, writeFileAtomic } from '../../../file-service/atomic-write'
import type { SaveStep } from '../../../file-service/errors'
import { fakeFs, type InjectedFailure } from './fake-fs'

let dir: string
let target: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stackplan-atomic-'))
  target = join(dir, 'plan.stackplan')
})

afterEach(() => {
  chmodSync(dir, 0o755)
  rmSync(dir, { recursive: true, force: true })
})

function entries(): string[] {
  return readdirSync(dir).sort()
}

async function failure(run: Promise<unknown>): Promise<FileServiceError> {
  const error: unknown = await run.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(FileServiceError)
  return error as FileServiceError
}

const isTemp = (path: string): boolean => path.endsWith('.tmp')

describe('writeFileAtomic', () => {
  it('writes a new file and leaves nothing else behind', async () => {
    await writeFileAtomic(target, 'hello\n')
    expect(readFileSync(target, 'utf8')).toBe('hello\n')
    expect(entries()).toEqual(['plan.stackplan'])
  })

  it('replaces a file, keeps its permissions, and keeps no backup unless asked', async () => {
    writeFileSync(target, 'old')
    chmodSync(target, 0o640)
    await writeFileAtomic(target, Buffer.from('new bytes'))
    expect(readFileSync(target, 'utf8')).toBe('new bytes')
    expect(statSync(target).mode & 0o777).toBe(0o640)
    expect(entries()).toEqual(['plan.stackplan'])
  })

  it('gives a new file the requested mode', async () => {
    await writeFileAtomic(target, 'secret', { mode: 0o600 })
    expect(statSync(target).mode & 0o777).toBe(0o600)
  })

  it('keeps the previous version as .bak, with the same permissions', async () => {
    writeFileSync(target, 'version 1')
    chmodSync(target, 0o604)
    await writeFileAtomic(target, 'version 2', { keepBackup: true })
    expect(readFileSync(target, 'utf8')).toBe('version 2')
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe('version 1')
    expect(statSync(`${target}.bak`).mode & 0o777).toBe(0o604)
    await writeFileAtomic(target, 'version 3', { keepBackup: true })
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe('version 2')
    expect(entries()).toEqual(['plan.stackplan', 'plan.stackplan.bak'])
  })

  it('makes no .bak for a file that did not exist', async () => {
    await writeFileAtomic(target, 'first', { keepBackup: true })
    expect(entries()).toEqual(['plan.stackplan'])
  })

  it('follows the procedure: temp file in the same folder, write, fsync, close, backup, rename, fsync the folder', async () => {
    writeFileSync(target, 'old')
    const fs = fakeFs()
    await writeFileAtomic(target, 'new', { keepBackup: true, fs, platform: 'linux' })
    const temp = fs.log.find((line) => line.startsWith('open ') && isTemp(line))!.slice('open '.length)
    expect(temp.startsWith(dir + '/')).toBe(true)
    expect(temp.slice(dir.length + 1)).toMatch(/^\.plan\.stackplan\.[0-9a-f]{12}\.tmp$/)
    const main = fs.log.filter(
      (line) => line.endsWith(temp) || line.endsWith(` ${target}`) || line.endsWith(` ${dir}`)
    )
    expect(main).toEqual([
      `realpath ${target}`,
      `stat ${target}`,
      `open ${temp}`,
      `handle.chmod ${temp}`,
      `handle.writeFile ${temp}`,
      `handle.sync ${temp}`,
      `handle.close ${temp}`,
      `readFile ${target}`,
      // the .bak's own atomic write syncs the folder too
      `open ${dir}`,
      `handle.sync ${dir}`,
      `handle.close ${dir}`,
      `rename ${temp}`,
      `open ${dir}`,
      `handle.sync ${dir}`,
      `handle.close ${dir}`,
    ])
    // The backup went through the same atomic procedure before the rename of the new version.
    const backupRename = fs.log.findIndex(
      (line) => line.startsWith('rename ') && line.includes('.plan.stackplan.bak.')
    )
    expect(backupRename).toBeGreaterThan(fs.log.indexOf(`readFile ${target}`))
    expect(backupRename).toBeLessThan(fs.log.indexOf(`rename ${temp}`))
  })

  it('does not sync the folder on Windows', async () => {
    const fs = fakeFs()
    await writeFileAtomic(target, 'x', { fs, platform: 'win32' })
    expect(fs.log).not.toContain(`open ${dir}`)
  })

  it('saves through a symlink into the file it points to, keeping the link', async () => {
    const real = join(dir, 'real.stackplan')
    writeFileSync(real, 'old')
    symlinkSync(real, target)
    await writeFileAtomic(target, 'new', { keepBackup: true })
    expect(readFileSync(real, 'utf8')).toBe('new')
    expect(readFileSync(`${real}.bak`, 'utf8')).toBe('old')
    expect(readFileSync(target, 'utf8')).toBe('new')
    expect(statSync(target, { throwIfNoEntry: true }).isFile()).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['plan.stackplan', 'real.stackplan', 'real.stackplan.bak'])
  })

  const stepCases: [SaveStep, InjectedFailure, (t: string) => string, string][] = [
    [
      'create temporary file',
      { op: 'open', code: 'EACCES', when: isTemp },
      (t) => `creating a temporary file next to ${t}`,
      'permission was denied (EACCES)',
    ],
    [
      'create temporary file',
      { op: 'handle.chmod', code: 'EPERM' },
      (t) => `creating a temporary file next to ${t}`,
      'the operation was not permitted (EPERM)',
    ],
    ['write', { op: 'handle.writeFile', code: 'ENOSPC' }, (t) => `writing ${t}`, 'the disk is full (ENOSPC)'],
    [
      'flush to disk',
      { op: 'handle.sync', code: 'EIO', when: isTemp },
      (t) => `flushing ${t} to disk`,
      'the disk reported an input/output error (EIO)',
    ],
    [
      'flush to disk',
      { op: 'handle.close', code: 'EDQUOT', when: isTemp },
      (t) => `flushing ${t} to disk`,
      'the disk quota is used up (EDQUOT)',
    ],
    [
      'keep backup',
      { op: 'handle.writeFile', code: 'ENOSPC', when: (p) => p.includes('.bak.') },
      (t) => `keeping the previous version of ${t} as ${t}.bak`,
      'the disk is full (ENOSPC)',
    ],
    [
      'keep backup',
      { op: 'readFile', code: 'EIO' },
      (t) => `keeping the previous version of ${t} as ${t}.bak`,
      'the disk reported an input/output error (EIO)',
    ],
    [
      'replace file',
      { op: 'rename', code: 'EXDEV', when: (p) => !p.includes('.bak.') },
      (t) => `replacing ${t}`,
      'the temporary file ended up on another disk (EXDEV)',
    ],
  ]

  it.each(stepCases)(
    'a failure to %s leaves the original intact and names the step',
    async (step, injected, where, reason) => {
      writeFileSync(target, 'original bytes')
      writeFileSync(`${target}.bak`, 'older backup')
      const error = await failure(
        writeFileAtomic(target, 'new bytes', { keepBackup: true, fs: fakeFs([injected]), platform: 'linux' })
      )
      expect(error.step).toBe(step)
      expect(error.path).toBe(target)
      expect(error.code).toBe(injected.code)
      expect(error.message).toBe(`Could not save: ${where(target)} failed because ${reason}.`)
      expect(readFileSync(target, 'utf8')).toBe('original bytes')
      // Up to the backup step the old .bak is untouched; a failure after it leaves .bak = the current version.
      expect(readFileSync(`${target}.bak`, 'utf8')).toBe(
        step === 'replace file' ? 'original bytes' : 'older backup'
      )
      expect(entries()).toEqual(['plan.stackplan', 'plan.stackplan.bak'])
    }
  )

  it('a failed folder sync is reported, after the new version is in place', async () => {
    writeFileSync(target, 'old')
    const fs = fakeFs([{ op: 'handle.sync', code: 'EIO', when: (p) => p === dir }])
    const error = await failure(writeFileAtomic(target, 'new', { fs, platform: 'linux' }))
    expect(error.step).toBe('sync folder')
    expect(error.message).toBe(
      `Could not save: syncing the folder of ${target} failed because the disk reported an input/output error (EIO). The new version was written but may not survive a power cut; save again to be sure.`
    )
    expect(readFileSync(target, 'utf8')).toBe('new')
  })

  it('a filesystem that cannot fsync folders is not a failure', async () => {
    const fs = fakeFs([{ op: 'handle.sync', code: 'EINVAL', when: (p) => p === dir }])
    await writeFileAtomic(target, 'new', { fs, platform: 'linux' })
    expect(readFileSync(target, 'utf8')).toBe('new')
  })

  it('fails in a folder that does not exist, naming the step and path', async () => {
    const missing = join(dir, 'no-such-folder', 'plan.stackplan')
    const error = await failure(writeFileAtomic(missing, 'x'))
    expect({ step: error.step, path: error.path, code: error.code }).toEqual({
      step: 'create temporary file',
      path: missing,
      code: 'ENOENT',
    })
    expect(error.message).toBe(
      `Could not save: creating a temporary file next to ${missing} failed because the folder or file does not exist (ENOENT).`
    )
  })

  it('fails when the parent is a regular file', async () => {
    writeFileSync(join(dir, 'file'), 'not a folder')
    const inside = join(dir, 'file', 'plan.stackplan')
    const error = await failure(writeFileAtomic(inside, 'x'))
    expect({ step: error.step, code: error.code }).toEqual({ step: 'create temporary file', code: 'ENOTDIR' })
    expect(error.message).toContain('a part of the path is not a folder (ENOTDIR)')
  })

  it('refuses to replace a folder', async () => {
    mkdirSync(target)
    const error = await failure(writeFileAtomic(target, 'x'))
    expect({ step: error.step, code: error.code }).toEqual({ step: 'replace file', code: 'EISDIR' })
    expect(statSync(target).isDirectory()).toBe(true)
    expect(entries()).toEqual(['plan.stackplan'])
  })

  it('fails in a read-only folder and leaves the original intact (injected where root ignores permissions)', async () => {
    writeFileSync(target, 'original')
    chmodSync(dir, 0o555)
    // Root writes into a 0o555 folder regardless; then the same refusal is injected at the same call.
    let canRootWrite = true
    try {
      writeFileSync(join(dir, 'probe'), 'x')
      rmSync(join(dir, 'probe'))
    } catch {
      canRootWrite = false
    }
    expect(canRootWrite).toBe(process.getuid?.() === 0)
    const fs = canRootWrite ? fakeFs([{ op: 'open', code: 'EACCES', when: isTemp }]) : undefined
    const error = await failure(writeFileAtomic(target, 'new', { keepBackup: true, fs }))
    expect({ step: error.step, path: error.path, code: error.code }).toEqual({
      step: 'create temporary file',
      path: target,
      code: 'EACCES',
    })
    expect(readFileSync(target, 'utf8')).toBe('original')
    expect(entries()).toEqual(['plan.stackplan'])
  })

  describe('on Windows, renames blocked by antivirus or indexers are retried', () => {
    it('succeeds after transient EPERM and EBUSY', async () => {
      writeFileSync(target, 'old')
      const fs = fakeFs([
        { op: 'rename', code: 'EPERM', times: 1 },
        { op: 'rename', code: 'EBUSY', times: 1 },
      ])
      await writeFileAtomic(target, 'new', { fs, platform: 'win32', renameRetryDelaysMs: [1, 1, 1] })
      expect(fs.log.filter((line) => line.startsWith('rename ')).length).toBe(3)
      expect(readFileSync(target, 'utf8')).toBe('new')
    })

    it('gives up after the last retry, leaving the original intact', async () => {
      writeFileSync(target, 'old')
      const fs = fakeFs([{ op: 'rename', code: 'EACCES' }])
      const error = await failure(
        writeFileAtomic(target, 'new', { fs, platform: 'win32', renameRetryDelaysMs: [1, 2, 3] })
      )
      expect(fs.log.filter((line) => line.startsWith('rename ')).length).toBe(4)
      expect({ step: error.step, code: error.code }).toEqual({ step: 'replace file', code: 'EACCES' })
      expect(readFileSync(target, 'utf8')).toBe('old')
      expect(entries()).toEqual(['plan.stackplan'])
    })

    it('does not retry other errors, nor on other platforms', async () => {
      const enospc = fakeFs([{ op: 'rename', code: 'ENOSPC' }])
      await failure(
        writeFileAtomic(target, 'x', { fs: enospc, platform: 'win32', renameRetryDelaysMs: [1, 1] })
      )
      expect(enospc.log.filter((line) => line.startsWith('rename ')).length).toBe(1)
      const linux = fakeFs([{ op: 'rename', code: 'EPERM' }])
      await failure(
        writeFileAtomic(target, 'x', { fs: linux, platform: 'linux', renameRetryDelaysMs: [1, 1] })
      )
      expect(linux.log.filter((line) => line.startsWith('rename ')).length).toBe(1)
    })
  })
})
