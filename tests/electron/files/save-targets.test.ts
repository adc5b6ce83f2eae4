import {
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileServiceError, writeFileAtomic } from '../../../file-service/atomic-write'
import { savePlanText } from '../../../electron/main/files/plan-store'
import { RecentFiles } from '../../../electron/main/files/recent'
import { RecoveryStore } from '../../../electron/main/files/recovery'
import { createDefaultPlan, serializePlanFile } from '../../../models/index'
import { makeFifo, makeNullDevice, readFifoInChild, within } from './fifo-support'

/** A uid and gid no process of this test runs as: "another user" on this machine. */
const OTHER_UID = 4242
const OTHER_GID = 4343
const PLAN_TEXT = serializePlanFile(createDefaultPlan(), { appVersion: '0.0.0', savedAt: new Date(0) })

let root: string
let dir: string
let victimDir: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stackplan-targets-'))
  dir = join(root, 'shared')
  victimDir = join(root, 'victim')
  mkdirSync(dir)
  mkdirSync(victimDir)
})

afterEach(() => rmSync(root, { recursive: true, force: true }))

async function failure(run: Promise<unknown>): Promise<FileServiceError> {
  const error: unknown = await run.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(FileServiceError)
  return error as FileServiceError
}

describe('a planted link at an auxiliary path is replaced, never written through', () => {
  it('the .bak link to another file: the file keeps its bytes, the backup becomes a file of its own', async () => {
    const plan = join(dir, 'plan.stackplan')
    const victim = join(victimDir, '.bashrc')
    writeFileSync(plan, 'old plan')
    writeFileSync(victim, 'export PATH=/usr/bin\n')
    symlinkSync('../victim/.bashrc', `${plan}.bak`)
    await writeFileAtomic(plan, 'new plan', { keepBackup: true })
    expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n')
    expect(lstatSync(`${plan}.bak`).isFile()).toBe(true)
    expect(readFileSync(`${plan}.bak`, 'utf8')).toBe('old plan')
    expect(readFileSync(plan, 'utf8')).toBe('new plan')
  })

  it('the .bak link to another user’s file: its bytes and owner stay', async () => {
    const plan = join(dir, 'plan.stackplan')
    const victim = join(victimDir, 'theirs.txt')
    writeFileSync(plan, 'old plan')
    writeFileSync(victim, 'their notes')
    chownSync(victim, OTHER_UID, OTHER_GID)
    symlinkSync(victim, `${plan}.bak`)
    await savePlanText({ path: plan, text: PLAN_TEXT, expected: null, overwrite: true })
    expect(readFileSync(victim, 'utf8')).toBe('their notes')
    expect(statSync(victim).uid).toBe(OTHER_UID)
    expect(readFileSync(`${plan}.bak`, 'utf8')).toBe('old plan')
  })

  it('the .bak link to a folder: nothing is written into the folder', async () => {
    const plan = join(dir, 'plan.stackplan')
    writeFileSync(plan, 'old plan')
    symlinkSync(victimDir, `${plan}.bak`)
    await writeFileAtomic(plan, 'new plan', { keepBackup: true })
    expect(lstatSync(`${plan}.bak`).isFile()).toBe(true)
    expect(readFileSync(`${plan}.bak`, 'utf8')).toBe('old plan')
    expect(statSync(victimDir).isDirectory()).toBe(true)
    expect(readdirSync(victimDir)).toEqual([])
  })

  it('a dangling .bak link: no file appears where it pointed', async () => {
    const plan = join(dir, 'plan.stackplan')
    const nowhere = join(victimDir, 'created-by-save')
    writeFileSync(plan, 'old plan')
    symlinkSync(nowhere, `${plan}.bak`)
    await writeFileAtomic(plan, 'new plan', { keepBackup: true })
    expect(() => lstatSync(nowhere)).toThrow(/ENOENT/)
    expect(readFileSync(`${plan}.bak`, 'utf8')).toBe('old plan')
  })

  it('a .bak that is a folder: the save fails naming the backup step, the plan keeps its bytes', async () => {
    const plan = join(dir, 'plan.stackplan')
    writeFileSync(plan, 'old plan')
    mkdirSync(`${plan}.bak`)
    const error = await failure(writeFileAtomic(plan, 'new plan', { keepBackup: true }))
    expect(error.step).toBe('keep backup')
    expect(error.message).toContain('the path is a folder')
    expect(readFileSync(plan, 'utf8')).toBe('old plan')
  })

  it('a recovery snapshot file planted as a link: the linked file keeps its bytes', async () => {
    const recoveryDir = join(dir, 'recovery')
    mkdirSync(recoveryDir)
    const victim = join(victimDir, 'authorized_keys')
    writeFileSync(victim, 'ssh-ed25519 AAAA key\n')
    symlinkSync(victim, join(recoveryDir, 'doc-1.json'))
    const store = new RecoveryStore(recoveryDir)
    await store.write({
      docId: 'doc-1',
      path: null,
      name: 'Plan',
      text: PLAN_TEXT,
      snapshotAtMs: 1,
      stamp: null,
    })
    expect(readFileSync(victim, 'utf8')).toBe('ssh-ed25519 AAAA key\n')
    expect(lstatSync(join(recoveryDir, 'doc-1.json')).isFile()).toBe(true)
  })

  it('a recovery snapshot planted as a link is not read back through the link', async () => {
    const recoveryDir = join(dir, 'recovery')
    mkdirSync(recoveryDir)
    const outside = join(victimDir, 'snap.json')
    writeFileSync(
      outside,
      JSON.stringify({ docId: 'doc-2', path: null, name: 'x', text: PLAN_TEXT, snapshotAtMs: 1, stamp: null })
    )
    symlinkSync(outside, join(recoveryDir, 'doc-2.json'))
    expect(await new RecoveryStore(recoveryDir).list()).toEqual([])
    expect(readFileSync(outside, 'utf8')).toContain('doc-2')
  })

  it('the recent list planted as a link: the linked file keeps its bytes', async () => {
    const victim = join(victimDir, 'profile')
    writeFileSync(victim, 'PS1=$ \n')
    const store = join(dir, 'recent.json')
    symlinkSync(victim, store)
    await new RecentFiles(store).add(join(dir, 'plan.stackplan'))
    expect(readFileSync(victim, 'utf8')).toBe('PS1=$ \n')
    expect(lstatSync(store).isFile()).toBe(true)
  })
})

describe('pipes and devices are written in place, never replaced', () => {
  it('a FIFO with a reader gets the bytes and stays a FIFO', async () => {
    const fifo = join(dir, 'out.csv')
    makeFifo(fifo)
    const reader = readFifoInChild(fifo)
    try {
      await writeFileAtomic(fifo, 'a,b\n1,2\n')
      expect(await reader.done).toBe('a,b\n1,2\n')
    } finally {
      reader.stop()
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })

  it('a FIFO nobody reads: the save gives up with a clear message instead of blocking', async () => {
    const fifo = join(dir, 'nobody-reads')
    makeFifo(fifo)
    const error = await within(
      failure(writeFileAtomic(fifo, 'bytes', { pipeWaitMs: 200 })),
      20_000,
      'writing to a FIFO without a reader blocked'
    )
    expect(error.message).toBe(
      `Could not save: writing ${fifo} failed because no program is reading from the pipe (ENXIO).`
    )
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })

  it('a character device (a copy of /dev/null) stays a device', async () => {
    const device = join(dir, 'null')
    makeNullDevice(device)
    await writeFileAtomic(device, 'discarded')
    expect(lstatSync(device).isCharacterDevice()).toBe(true)
  })

  it('a planning file is never saved into a FIFO: Overwrite is refused at once, nothing blocks', async () => {
    const fifo = join(dir, 'plan.stackplan')
    makeFifo(fifo)
    const error = await within(
      failure(savePlanText({ path: fifo, text: PLAN_TEXT, expected: null, overwrite: true })),
      20_000,
      'saving a plan onto a FIFO blocked'
    )
    expect(error.step).toBe('check target')
    expect(error.message).toBe(
      `Could not save: ${fifo} is a pipe; Stackplan writes only regular files, pipes and character devices such as /dev/null.`
    )
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })

  it('a file of the running system under /proc is refused', async () => {
    const error = await failure(writeFileAtomic('/proc/self/comm', 'renamed'))
    expect(error.step).toBe('check target')
    expect(error.message).toMatch(
      /^Could not save: \/proc\/\d+\/comm is a file of the operating system \(\/proc, \/sys\);/
    )
  })
})

describe('save edge cases', () => {
  it('a dangling link at the plan path is followed: the file appears where it points, the link stays', async () => {
    const link = join(dir, 'plan.stackplan')
    const real = join(victimDir, 'real.stackplan')
    symlinkSync(real, link)
    await writeFileAtomic(link, 'first save')
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe(real)
    expect(readFileSync(real, 'utf8')).toBe('first save')
  })

  it('keeps the owner of a file root saves over', async () => {
    const plan = join(dir, 'plan.stackplan')
    writeFileSync(plan, 'theirs')
    chownSync(plan, OTHER_UID, OTHER_GID)
    await writeFileAtomic(plan, 'edited by root', { keepBackup: true })
    expect(statSync(plan).uid).toBe(OTHER_UID)
    expect(statSync(plan).gid).toBe(OTHER_GID)
    expect(statSync(`${plan}.bak`).uid).toBe(OTHER_UID)
  })

  it('a hard link to the plan keeps the previous bytes (the rename gives the plan a new inode), as documented', async () => {
    const plan = join(dir, 'plan.stackplan')
    const other = join(victimDir, 'same-inode.stackplan')
    writeFileSync(plan, 'v1')
    linkSync(plan, other)
    await writeFileAtomic(plan, 'v2')
    expect(readFileSync(plan, 'utf8')).toBe('v2')
    expect(readFileSync(other, 'utf8')).toBe('v1')
    expect(statSync(plan).ino).not.toBe(statSync(other).ino)
  })

  it('an exclusive write never replaces an existing file', async () => {
    const plan = join(dir, 'plan.stackplan')
    writeFileSync(plan, 'work')
    const error = await failure(writeFileAtomic(plan, 'default', { isExclusive: true }))
    expect(error.code).toBe('EEXIST')
    expect(readFileSync(plan, 'utf8')).toBe('work')
    expect(readdirSync(dir)).toEqual(['plan.stackplan'])
  })
})
