import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isTempFileOf, STALE_TEMP_MS } from '../../../file-service/atomic-write'
import { savePlanText } from '../../../electron/main/files/plan-store'
import { fakeFs } from './fake-fs'

// A save killed midway leaves `.<name>.<12 hex>.tmp` (or the backup's `.<name>.bak.<12 hex>.tmp`) beside
// the plan. The next successful save of that plan removes the stale ones, and nothing else. Real files in
// a temporary folder, aged with utimes.

const FIXTURES = resolve(import.meta.dirname, '../../fixtures')
const OLD_TEXT = readFileSync(join(FIXTURES, 'format-v1-default.stackplan'), 'utf8')
const NEW_TEXT = readFileSync(join(FIXTURES, 'format-v1-full.stackplan'), 'utf8')
const MINUTE_MS = 60 * 1000

let dir: string
let plan: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stackplan-stale-'))
  plan = join(dir, 'plan.stackplan')
  writeFileSync(plan, OLD_TEXT)
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Creates `name` in `folder` (a file with some torn bytes, or a folder) last modified `ageMs` ago. */
function leftover(
  name: string,
  ageMs: number,
  options: { folder?: string; isFolder?: boolean } = {}
): string {
  const file = join(options.folder ?? dir, name)
  if (options.isFolder) mkdirSync(file)
  else writeFileSync(file, OLD_TEXT.slice(0, 100))
  const when = new Date(Date.now() - ageMs)
  utimesSync(file, when, when)
  return file
}

const STALE = STALE_TEMP_MS + MINUTE_MS

function save(target = plan, fs?: ReturnType<typeof fakeFs>) {
  return savePlanText({ path: target, text: NEW_TEXT, expected: null, overwrite: true }, fs ? { fs } : {})
}

function names(folder = dir): string[] {
  return readdirSync(folder).sort()
}

describe('a successful save removes stale temporary files of the same plan', () => {
  it("removes the plan's and its backup's temporary files older than ten minutes", async () => {
    leftover('.plan.stackplan.0123456789ab.tmp', STALE)
    leftover('.plan.stackplan.bak.abcdef012345.tmp', STALE)
    leftover('.plan.stackplan.ffffffffffff.tmp', 30 * 24 * 60 * MINUTE_MS)
    expect(await save()).toMatchObject({ status: 'saved' })
    expect(names()).toEqual(['plan.stackplan', 'plan.stackplan.bak'])
    expect(readFileSync(plan, 'utf8')).toBe(NEW_TEXT)
  })

  it('keeps fresh ones: a save in progress elsewhere is never touched', async () => {
    const fresh = [
      leftover('.plan.stackplan.000000000000.tmp', 0),
      leftover('.plan.stackplan.111111111111.tmp', STALE_TEMP_MS - MINUTE_MS),
      leftover('.plan.stackplan.bak.222222222222.tmp', 2 * MINUTE_MS),
      // A clock that ran backwards puts the mtime in the future: not stale either.
      leftover('.plan.stackplan.333333333333.tmp', -60 * MINUTE_MS),
    ]
    leftover('.plan.stackplan.444444444444.tmp', STALE)
    await save()
    expect(names()).toEqual(
      [...fresh.map((f) => f.slice(dir.length + 1)), 'plan.stackplan', 'plan.stackplan.bak'].sort()
    )
  })

  it('keeps every other name, however old, and folders named like temporary files', async () => {
    const kept = [
      '.other.stackplan.0123456789ab.tmp', // another plan's temporary file
      '.other.stackplan.bak.0123456789ab.tmp',
      '.xplan.stackplan.0123456789ab.tmp',
      '.lan.stackplan.0123456789ab.tmp',
      '.plan.stackplan.0123456789AB.tmp', // uppercase hex: not ours
      '.plan.stackplan.0123456789a.tmp', // 11 hex digits
      '.plan.stackplan.0123456789abc.tmp', // 13 hex digits
      '.plan.stackplan.0123456789ag.tmp', // not hex
      '.plan.stackplan.tmp',
      '.plan.stackplan..tmp',
      '.plan.stackplan.bak.tmp',
      '.plan.stackplan.bak.bak.0123456789ab.tmp',
      '.plan.stackplan.old.0123456789ab.tmp',
      '.plan.stackplan.0123456789ab.tmp.txt',
      '.plan.stackplan.0123456789ab',
      '.plan.stackplan.0123456789ab.TMP',
      'plan.stackplan.0123456789ab.tmp', // not hidden
      '..plan.stackplan.0123456789ab.tmp',
      '.plan.stackplan.bak.0123456789ab.tmp.bak',
      'notes.txt',
    ]
    for (const name of kept) leftover(name, STALE)
    leftover('.plan.stackplan.555555555555.tmp', STALE, { isFolder: true })
    leftover('.plan.stackplan.bak.666666666666.tmp', STALE, { isFolder: true })
    await save()
    expect(names()).toEqual(
      [
        ...kept,
        '.plan.stackplan.555555555555.tmp',
        '.plan.stackplan.bak.666666666666.tmp',
        'plan.stackplan',
        'plan.stackplan.bak',
      ].sort()
    )
  })

  it('cleans beside the real file when the plan is a symlink', async () => {
    const realFolder = join(dir, 'real')
    mkdirSync(realFolder)
    const real = join(realFolder, 'target.stackplan')
    writeFileSync(real, OLD_TEXT)
    const link = join(dir, 'link.stackplan')
    symlinkSync(real, link)
    leftover('.target.stackplan.0123456789ab.tmp', STALE, { folder: realFolder })
    const besideLink = leftover('.link.stackplan.0123456789ab.tmp', STALE)
    await save(link)
    expect(names(realFolder)).toEqual(['target.stackplan', 'target.stackplan.bak'])
    // The link's own folder holds nothing a save of the link ever writes.
    expect(readdirSync(dir)).toContain(besideLink.slice(dir.length + 1))
  })

  it('a temporary file that cannot be removed does not fail the save', async () => {
    const stuck = leftover('.plan.stackplan.0123456789ab.tmp', STALE)
    const gone = leftover('.plan.stackplan.bak.abcdef012345.tmp', STALE)
    const fs = fakeFs([{ op: 'unlink', code: 'EPERM', when: (p) => p === stuck }])
    expect(await save(plan, fs)).toMatchObject({ status: 'saved' })
    expect(readFileSync(plan, 'utf8')).toBe(NEW_TEXT)
    expect(names()).toEqual([stuck.slice(dir.length + 1), 'plan.stackplan', 'plan.stackplan.bak'].sort())
    expect(fs.log).toContain(`unlink ${gone}`)
  })

  it('a folder that cannot be listed or a temporary file that cannot be read does not fail the save', async () => {
    leftover('.plan.stackplan.0123456789ab.tmp', STALE)
    const noList = fakeFs([{ op: 'readdir', code: 'EACCES' }])
    expect(await save(plan, noList)).toMatchObject({ status: 'saved' })
    expect(names()).toContain('.plan.stackplan.0123456789ab.tmp')
    const noStat = fakeFs([{ op: 'stat', code: 'EIO', when: (p) => p.endsWith('.tmp') }])
    expect(await save(plan, noStat)).toMatchObject({ status: 'saved' })
    expect(names()).toContain('.plan.stackplan.0123456789ab.tmp')
  })

  it('a save that does not happen removes nothing', async () => {
    const stale = leftover('.plan.stackplan.0123456789ab.tmp', STALE)
    const stamp = { sizeBytes: 1, mtimeMs: 1, sha256: '0'.repeat(64) }
    expect(await savePlanText({ path: plan, text: NEW_TEXT, expected: stamp, overwrite: false })).toEqual({
      status: 'conflict',
    })
    const failing = fakeFs([{ op: 'rename', code: 'ENOSPC', when: (p) => p.endsWith('.tmp') }])
    await expect(save(plan, failing)).rejects.toThrow(/Could not save/)
    expect(names()).toContain(stale.slice(dir.length + 1))
    expect(readFileSync(plan, 'utf8')).toBe(OLD_TEXT)
  })
})

describe('isTempFileOf', () => {
  it.each([
    ['.a.stackplan.0123456789ab.tmp', 'a.stackplan', true],
    ['.a.stackplan.bak.0123456789ab.tmp', 'a.stackplan', true],
    // The backup's own save names its temporary file after `a.stackplan.bak`: the same file.
    ['.a.stackplan.bak.0123456789ab.tmp', 'a.stackplan.bak', true],
    ['.a.stackplan.0123456789ab.tmp', 'a.stackplan.bak', false],
    ['.a.b(c)+.stackplan.0123456789ab.tmp', 'a.b(c)+.stackplan', true],
    ['.aXb.stackplan.0123456789ab.tmp', 'a.b.stackplan', false],
  ])('%s of %s: %s', (name, baseName, expected) => {
    expect(isTempFileOf(name, baseName)).toBe(expected)
  })
})
