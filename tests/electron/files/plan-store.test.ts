import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileServiceError, readPlanText, savePlanText } from '../../../electron/main/files/plan-store'
import { RecoveryStore } from '../../../electron/main/files/recovery'
import { MAX_PLAN_FILE_BYTES } from '../../../models/index'
import { fakeFs } from './fake-fs'

const FIXTURES = resolve(import.meta.dirname, '../../fixtures')
const PLAN_A = readFileSync(join(FIXTURES, 'format-v1-default.stackplan'), 'utf8')
const PLAN_B = readFileSync(join(FIXTURES, 'format-v1-full.stackplan'), 'utf8')
/** Same length as PLAN_A, different content: only the hash can tell them apart. */
const PLAN_A_EDITED = PLAN_A.replace('"Untitled plan"', '"Untitled PLAN"')

let dir: string
let file: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stackplan-store-'))
  file = join(dir, 'plan.stackplan')
})

afterEach(() => {
  chmodSync(dir, 0o755)
  rmSync(dir, { recursive: true, force: true })
})

async function failure(run: Promise<unknown>): Promise<FileServiceError> {
  const error: unknown = await run.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(FileServiceError)
  return error as FileServiceError
}

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex')
}

describe('readPlanText', () => {
  it('returns the text and a stamp of the bytes read', async () => {
    writeFileSync(file, PLAN_B)
    const { text, stamp } = await readPlanText(file)
    expect(text).toBe(PLAN_B)
    expect(stamp).toEqual({
      sizeBytes: Buffer.byteLength(PLAN_B),
      mtimeMs: statSync(file).mtimeMs,
      sha256: sha256(PLAN_B),
    })
  })

  it('refuses a file over 10 MB before reading a byte of it', async () => {
    writeFileSync(file, '')
    truncateSync(file, 11 * 1024 * 1024)
    const fs = fakeFs()
    const error = await failure(readPlanText(file, { fs }))
    expect({ step: error.step, path: error.path, code: error.code }).toEqual({
      step: 'check size',
      path: file,
      code: 'EFBIG',
    })
    expect(error.message).toBe(
      `Could not open ${file}: this file is too large to be a planning file (11 MB); the limit is 10 MB.`
    )
    expect(fs.log).toEqual([`stat ${file}`])
  })

  it('reads a file of exactly 10 MB (the cap itself is allowed)', async () => {
    const padded = PLAN_A.replace(
      '"notes": ""',
      `"notes": "${'n'.repeat(MAX_PLAN_FILE_BYTES - Buffer.byteLength(PLAN_A))}"`
    )
    writeFileSync(file, padded)
    expect(statSync(file).size).toBe(MAX_PLAN_FILE_BYTES)
    expect((await readPlanText(file)).stamp.sizeBytes).toBe(MAX_PLAN_FILE_BYTES)
  })

  it('refuses a missing file, a folder and a pipe, without hanging on the pipe', async () => {
    const missing = await failure(readPlanText(file))
    expect({ step: missing.step, code: missing.code }).toEqual({ step: 'read', code: 'ENOENT' })
    expect(missing.message).toBe(
      `Could not open ${file}: reading it failed because the folder or file does not exist (ENOENT).`
    )
    mkdirSync(file)
    const folder = await failure(readPlanText(file))
    expect({ step: folder.step, code: folder.code }).toEqual({ step: 'read', code: 'EISDIR' })
    expect(folder.message).toBe(`Could not open ${file}: it is a folder, not a planning file.`)
    const fifo = join(dir, 'pipe.stackplan')
    execFileSync('mkfifo', [fifo])
    const pipe = await failure(readPlanText(fifo))
    expect({ step: pipe.step, code: pipe.code }).toEqual({ step: 'read', code: 'ENOTFILE' })
  })

  it('refuses bytes that are not UTF-8 instead of replacing them', async () => {
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(PLAN_A.slice(0, 40)),
        Buffer.from([0xff, 0xfe, 0x80]),
        Buffer.from(PLAN_A.slice(40)),
      ])
    )
    const error = await failure(readPlanText(file))
    expect({ step: error.step, code: error.code }).toEqual({ step: 'read', code: 'EILSEQ' })
    expect(error.message).toBe(
      `Could not open ${file}: it is not UTF-8 text, so it is not a planning file (or it is damaged).`
    )
  })

  it('drops a byte order mark but hashes the bytes as they are', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN_A)])
    writeFileSync(file, bytes)
    const { text, stamp } = await readPlanText(file)
    expect(text).toBe(PLAN_A)
    expect(stamp.sizeBytes).toBe(bytes.length)
    expect(stamp.sha256).toBe(sha256(bytes))
  })

  it('reports a read error with its step and path', async () => {
    writeFileSync(file, PLAN_A)
    const error = await failure(readPlanText(file, { fs: fakeFs([{ op: 'handle.read', code: 'EIO' }]) }))
    expect({ step: error.step, path: error.path, code: error.code }).toEqual({
      step: 'read',
      path: file,
      code: 'EIO',
    })
  })
})

describe('savePlanText', () => {
  it('saves a new file (no expected stamp) and returns the stamp a read would give', async () => {
    const result = await savePlanText({ path: file, text: PLAN_A, expected: null, overwrite: false })
    expect(result).toEqual({ status: 'saved', stamp: (await readPlanText(file)).stamp })
    expect(readFileSync(file, 'utf8')).toBe(PLAN_A)
    expect(readdirSync(dir)).toEqual(['plan.stackplan'])
  })

  it('saves over the file it opened and keeps the previous version as .bak', async () => {
    writeFileSync(file, PLAN_A)
    const opened = await readPlanText(file)
    const result = await savePlanText({ path: file, text: PLAN_B, expected: opened.stamp, overwrite: false })
    expect(result.status).toBe('saved')
    expect(readFileSync(file, 'utf8')).toBe(PLAN_B)
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(PLAN_A)
    // The returned stamp is good for the next save.
    const stamp = result.status === 'saved' ? result.stamp : opened.stamp
    expect(stamp).toEqual((await readPlanText(file)).stamp)
    const again = await savePlanText({ path: file, text: PLAN_A, expected: stamp, overwrite: false })
    expect(again.status).toBe('saved')
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(PLAN_B)
  })

  it('without a stamp (a recovered document) an existing file is a conflict, not silently replaced', async () => {
    // crash → a colleague saves their edit → the recovered document is saved without a stamp
    writeFileSync(file, PLAN_B)
    expect(await savePlanText({ path: file, text: PLAN_A_EDITED, expected: null, overwrite: false })).toEqual(
      {
        status: 'conflict',
      }
    )
    expect(readFileSync(file, 'utf8')).toBe(PLAN_B)
    expect(readdirSync(dir)).toEqual(['plan.stackplan'])
  })

  it('a recovered document whose snapshot stamp still matches the file saves without asking', async () => {
    writeFileSync(file, PLAN_A)
    const store = new RecoveryStore(join(dir, 'recovery'))
    const stamp = (await readPlanText(file)).stamp
    await store.write({ docId: 'd', path: file, name: 'plan', text: PLAN_A_EDITED, snapshotAtMs: 1, stamp })
    const [recovered] = await new RecoveryStore(join(dir, 'recovery')).list()
    expect(recovered?.stamp).toEqual(stamp)
    const result = await savePlanText({
      path: file,
      text: recovered?.text ?? '',
      expected: recovered?.stamp ?? null,
      overwrite: false,
    })
    expect(result.status).toBe('saved')
    expect(readFileSync(file, 'utf8')).toBe(PLAN_A_EDITED)
  })

  it('is a conflict when the file changed size since it was opened; nothing is written', async () => {
    writeFileSync(file, PLAN_A)
    const opened = await readPlanText(file)
    writeFileSync(file, PLAN_B)
    expect(
      await savePlanText({ path: file, text: PLAN_A_EDITED, expected: opened.stamp, overwrite: false })
    ).toEqual({ status: 'conflict' })
    expect(readFileSync(file, 'utf8')).toBe(PLAN_B)
    expect(readdirSync(dir)).toEqual(['plan.stackplan'])
  })

  it('is a conflict when the content changed but size and mtime are restored: the hash tells', async () => {
    writeFileSync(file, PLAN_A)
    const wholeSecond = new Date('2026-01-02T03:04:05Z')
    utimesSync(file, wholeSecond, wholeSecond)
    const opened = await readPlanText(file)
    writeFileSync(file, PLAN_A_EDITED)
    utimesSync(file, wholeSecond, wholeSecond)
    // Preconditions: only the content differs.
    expect(statSync(file).size).toBe(opened.stamp.sizeBytes)
    expect(statSync(file).mtimeMs).toBe(opened.stamp.mtimeMs)
    expect(sha256(readFileSync(file))).not.toBe(opened.stamp.sha256)
    expect(
      await savePlanText({ path: file, text: PLAN_B, expected: opened.stamp, overwrite: false })
    ).toEqual({ status: 'conflict' })
    expect(readFileSync(file, 'utf8')).toBe(PLAN_A_EDITED)
  })

  it('is a conflict when only the mtime changed', async () => {
    writeFileSync(file, PLAN_A)
    const opened = await readPlanText(file)
    utimesSync(file, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'))
    expect(
      await savePlanText({ path: file, text: PLAN_B, expected: opened.stamp, overwrite: false })
    ).toEqual({ status: 'conflict' })
  })

  it('is a conflict when the file was deleted since it was opened', async () => {
    writeFileSync(file, PLAN_A)
    const opened = await readPlanText(file)
    unlinkSync(file)
    expect(
      await savePlanText({ path: file, text: PLAN_B, expected: opened.stamp, overwrite: false })
    ).toEqual({ status: 'conflict' })
    expect(readdirSync(dir)).toEqual([])
  })

  it('overwrites a changed file when the user chose to', async () => {
    writeFileSync(file, PLAN_A)
    const opened = await readPlanText(file)
    writeFileSync(file, PLAN_A_EDITED)
    const result = await savePlanText({ path: file, text: PLAN_B, expected: opened.stamp, overwrite: true })
    expect(result.status).toBe('saved')
    expect(readFileSync(file, 'utf8')).toBe(PLAN_B)
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(PLAN_A_EDITED)
  })

  it('refuses text that is not a valid planning file, writing nothing', async () => {
    writeFileSync(file, PLAN_A)
    const error = await failure(
      savePlanText({ path: file, text: '{"format": "stackplan"', expected: null, overwrite: true })
    )
    expect({ step: error.step, path: error.path, code: error.code }).toEqual({
      step: 'validate',
      path: file,
      code: 'EINVAL',
    })
    expect(error.message).toMatch(
      /^Could not save .*: the plan is not a valid planning file \(Corrupted planning file: /
    )
    expect(readFileSync(file, 'utf8')).toBe(PLAN_A)
  })

  it('a failure while checking for changes is reported, and nothing is written', async () => {
    writeFileSync(file, PLAN_A)
    const opened = await readPlanText(file)
    const fs = fakeFs([{ op: 'stat', code: 'EIO' }])
    const error = await failure(
      savePlanText({ path: file, text: PLAN_B, expected: opened.stamp, overwrite: false }, { fs })
    )
    expect({ step: error.step, code: error.code }).toEqual({ step: 'check for changes', code: 'EIO' })
    expect(readFileSync(file, 'utf8')).toBe(PLAN_A)
  })

  describe('a failed save leaves the original intact and says which step failed on which path', () => {
    it.each([
      ['write', 'handle.writeFile', 'ENOSPC', 'writing'],
      ['flush to disk', 'handle.sync', 'EIO', 'flushing'],
      ['replace file', 'rename', 'EACCES', 'replacing'],
    ] as const)('%s (%s → %s)', async (step, op, code, verb) => {
      writeFileSync(file, PLAN_A)
      const opened = await readPlanText(file)
      const fs = fakeFs([{ op, code, when: (p) => p.endsWith('.tmp') && !p.includes('.bak.') }])
      const error = await failure(
        savePlanText({ path: file, text: PLAN_B, expected: opened.stamp, overwrite: false }, { fs })
      )
      expect({ step: error.step, path: error.path, code: error.code }).toEqual({ step, path: file, code })
      expect(error.message).toMatch(
        new RegExp(`^Could not save: ${verb} ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`)
      )
      expect(readFileSync(file, 'utf8')).toBe(PLAN_A)
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
    })

    it('missing folder', async () => {
      const missing = join(dir, 'gone', 'plan.stackplan')
      const error = await failure(
        savePlanText({ path: missing, text: PLAN_A, expected: null, overwrite: false })
      )
      expect({ step: error.step, path: error.path, code: error.code }).toEqual({
        step: 'create temporary file',
        path: missing,
        code: 'ENOENT',
      })
    })

    it('full disk, on an existing file', async () => {
      writeFileSync(file, PLAN_A)
      const fs = fakeFs([{ op: 'handle.writeFile', code: 'ENOSPC' }])
      const error = await failure(
        savePlanText({ path: file, text: PLAN_B, expected: null, overwrite: true }, { fs })
      )
      expect(error.message).toBe(`Could not save: writing ${file} failed because the disk is full (ENOSPC).`)
      expect(readFileSync(file, 'utf8')).toBe(PLAN_A)
      expect(readdirSync(dir)).toEqual(['plan.stackplan'])
    })

    it('read-only folder (injected where the tests run as root, which ignores folder permissions)', async () => {
      writeFileSync(file, PLAN_A)
      chmodSync(dir, 0o555)
      const isRoot = process.getuid?.() === 0
      const fs = isRoot
        ? fakeFs([{ op: 'open', code: 'EACCES', when: (p) => p.endsWith('.tmp') }])
        : undefined
      const error = await failure(
        savePlanText({ path: file, text: PLAN_B, expected: null, overwrite: true }, { fs })
      )
      expect({ step: error.step, path: error.path, code: error.code }).toEqual({
        step: 'create temporary file',
        path: file,
        code: 'EACCES',
      })
      expect(readFileSync(file, 'utf8')).toBe(PLAN_A)
    })
  })
})
