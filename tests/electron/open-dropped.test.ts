import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { OpenResult, SaveResult } from '../../electron/contract'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

// The real file service and model: a dropped file is read from disk exactly as File › Open reads it.
const { invokeHandler, trustedEvent } = await import('./support/electron-mock')
const { registerIpcHandlers } = await import('../../electron/main/ipc/index')
const { KnownPaths } = await import('../../electron/main/known-paths')
const { CloseGuard } = await import('../../electron/main/close-guard')
const { MAX_PLAN_FILE_BYTES } = await import('../../models/index')

const PLAN_TEXT = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/format-v1-default.stackplan'),
  'utf8'
)

const knownPaths = new KnownPaths()
const recent = {
  list: vi.fn(async (): Promise<string[]> => []),
  add: vi.fn(async (p: string) => [p]),
}
const onRecentChanged = vi.fn()
const event = trustedEvent()

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stackplan-drop-'))
  registerIpcHandlers({
    documents: { knownPaths, recent, onRecentChanged },
    recovery: { store: { write: vi.fn(), discard: vi.fn(), list: vi.fn() }, knownPaths },
    closeGuard: new CloseGuard(vi.fn()),
    onLanguageChanged: vi.fn(),
  })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(() => vi.clearAllMocks())

function openDropped(filePath: unknown, from: unknown = event): Promise<OpenResult> {
  return invokeHandler('plan:openDropped', from, { path: filePath }) as Promise<OpenResult>
}

/** A refused drop: an error naming the path, nothing made known, nothing added to the recent list. */
async function expectRefused(filePath: string, message: RegExp): Promise<void> {
  const result = await openDropped(filePath)
  expect(result).toEqual({ status: 'error', path: filePath, message: expect.stringMatching(message) })
  expect(knownPaths.has(filePath)).toBe(false)
  expect(recent.add).not.toHaveBeenCalled()
  expect(onRecentChanged).not.toHaveBeenCalled()
}

describe('plan:openDropped refuses', () => {
  it.each([
    ['a web page', { senderFrame: { url: 'https://attacker.example/', parent: null } }],
    ['a null frame', { senderFrame: null }],
    ['a subframe of the app', { senderFrame: { url: 'app://stackplan/index.html', parent: {} } }],
  ])('a sender that is %s, before looking at the path', async (_name, from) => {
    const file = path.join(dir, 'origin.stackplan')
    writeFileSync(file, PLAN_TEXT)
    await expect(openDropped(file, from)).rejects.toThrow(/^plan:openDropped refused: the sender/)
    expect(knownPaths.has(file)).toBe(false)
  })

  it.each([
    ['a number', 42],
    ['null', null],
    ['an object', { toString: () => '/x.stackplan' }],
    ['an array', ['/x.stackplan']],
    ['an empty string', ''],
    ['a path longer than any OS allows', `/${'a'.repeat(5000)}.stackplan`],
  ])('a path that is %s, as a malformed payload', async (_name, value) => {
    await expect(openDropped(value)).rejects.toThrow(/^plan:openDropped refused: argument 1\.path/)
  })

  it('a request with extra fields', async () => {
    await expect(
      invokeHandler('plan:openDropped', event, { path: path.join(dir, 'a.stackplan'), overwrite: true })
    ).rejects.toThrow(/unexpected field/)
  })

  it('a relative path, even to a real planning file', async () => {
    writeFileSync(path.join(dir, 'relative.stackplan'), PLAN_TEXT)
    await expectRefused(path.relative(process.cwd(), path.join(dir, 'relative.stackplan')), /full path/)
    await expectRefused('relative.stackplan', /full path/)
  })

  it('a file that is not a .stackplan file, even one holding a valid plan', async () => {
    for (const name of ['plan.json', 'plan.stackplan.bak', 'plan.stackplan.txt', 'stackplan']) {
      const file = path.join(dir, name)
      writeFileSync(file, PLAN_TEXT)
      await expectRefused(file, /only planning files \(\.stackplan\)/)
    }
  })

  it('a path with a NUL character', async () => {
    await expectRefused(`${dir}/a\0.stackplan`, /not valid/)
  })

  it('a folder named like a planning file', async () => {
    const folder = path.join(dir, 'folder.stackplan')
    mkdirSync(folder)
    await expectRefused(folder, /it is a folder, not a planning file/)
  })

  it('a file that does not exist', async () => {
    await expectRefused(path.join(dir, 'missing.stackplan'), /does not exist \(ENOENT\)/)
  })

  it('a file over the size cap, before reading it', async () => {
    const file = path.join(dir, 'huge.stackplan')
    writeFileSync(file, '')
    truncateSync(file, MAX_PLAN_FILE_BYTES + 1)
    await expectRefused(file, /too large/)
  })
})

describe('plan:openDropped opens a real planning file like File › Open', () => {
  it('returns its text and stamp, makes its path known and puts it on the recent list', async () => {
    const file = path.join(dir, 'Budget 2026.STACKPLAN')
    writeFileSync(file, PLAN_TEXT)
    const result = await openDropped(file)
    expect(result).toEqual({
      status: 'opened',
      doc: {
        path: file,
        name: 'Budget 2026.STACKPLAN',
        text: PLAN_TEXT,
        stamp: {
          sizeBytes: Buffer.byteLength(PLAN_TEXT),
          mtimeMs: statSync(file).mtimeMs,
          sha256: createHash('sha256').update(PLAN_TEXT).digest('hex'),
        },
      },
    })
    expect(knownPaths.has(file)).toBe(true)
    expect(recent.add).toHaveBeenCalledExactlyOnceWith(file)
    expect(onRecentChanged).toHaveBeenCalledExactlyOnceWith([file], file)
  })

  it('so Save writes back to it, and a change on disk since the drop is a conflict', async () => {
    const file = path.join(dir, 'saved-back.stackplan')
    writeFileSync(file, PLAN_TEXT)
    const opened = await openDropped(file)
    if (opened.status !== 'opened') throw new Error(`not opened: ${JSON.stringify(opened)}`)
    const edited = PLAN_TEXT.replace('"Untitled plan"', '"Dropped and saved"')
    const saved = (await invokeHandler('plan:save', event, {
      path: file,
      text: edited,
      expected: opened.doc.stamp,
      overwrite: false,
    })) as SaveResult
    expect(saved).toMatchObject({ status: 'saved', path: file, name: 'saved-back.stackplan' })
    expect(readFileSync(file, 'utf8')).toBe(edited)

    writeFileSync(file, PLAN_TEXT) // another program changes it
    const stale = opened.doc.stamp
    expect(
      await invokeHandler('plan:save', event, { path: file, text: edited, expected: stale, overwrite: false })
    ).toEqual({ status: 'conflict', path: file })
  })
})
