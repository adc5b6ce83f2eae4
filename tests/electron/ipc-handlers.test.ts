import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { INVOKE_CHANNELS } from '../../electron/contract'
import type { FileStamp, RecoverySnapshot } from '../../electron/contract'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

// The file service and the model are other modules' work: here they are stand-ins with the agreed API.
const fileService = vi.hoisted(() => {
  class FileServiceError extends Error {
    constructor(
      public step: string,
      public path: string,
      message: string,
      public code?: string
    ) {
      super(message)
    }
  }
  return { FileServiceError, readPlanText: vi.fn(), savePlanText: vi.fn() }
})
vi.mock('../../electron/main/files/plan-store', () => fileService)
vi.mock('../../electron/main/files/recent', () => ({ RecentFiles: vi.fn() }))
vi.mock('../../electron/main/files/recovery', () => ({ RecoveryStore: vi.fn() }))

const model = vi.hoisted(() => ({
  parsePlanFile: vi.fn((text: string) =>
    text.startsWith('{"format":"stackplan"')
      ? { ok: true, value: {} }
      : { ok: false, error: { kind: 'not-a-plan', message: 'This is not a Stackplan file.' } }
  ),
}))
// Only the reader is faked; limits and the rest of the model are the real ones.
vi.mock('../../models/index', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../models/index')>()),
  ...model,
}))

const { dialog, invokeHandler, ipcHandlers, shell, trustedEvent, windowRegistry } =
  await import('./support/electron-mock')
const { registerIpcHandlers } = await import('../../electron/main/ipc/index')
const { KnownPaths } = await import('../../electron/main/known-paths')
const { CloseGuard } = await import('../../electron/main/close-guard')

const PLAN_TEXT = '{"format":"stackplan","formatVersion":1}'
const stamp: FileStamp = { sizeBytes: 40, mtimeMs: 1_700_000_000_000, sha256: 'cd'.repeat(32) }

const knownPaths = new KnownPaths()
const recentList: string[] = []
const recent = {
  list: vi.fn(async () => [...recentList]),
  add: vi.fn(async (p: string) => [p, ...recentList.filter((x) => x !== p)]),
}
const onRecentChanged = vi.fn()
const onLanguageChanged = vi.fn()
const store = { write: vi.fn(async () => undefined), discard: vi.fn(async () => undefined), list: vi.fn() }
const closeGuard = new CloseGuard(vi.fn())
const confirmSpy = vi.spyOn(closeGuard, 'confirm').mockImplementation(() => undefined)

const pdfBytes = new TextEncoder().encode('%PDF-1.7 test document')
const fakeWindow = { isDestroyed: () => false, setTitle: vi.fn(), setDocumentEdited: vi.fn() }
const sender = { id: 7, printToPDF: vi.fn(async () => pdfBytes) }
const event = trustedEvent(sender)

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'stackplan-ipc-'))
  windowRegistry.fromWebContents.mockImplementation((contents) => (contents === sender ? fakeWindow : null))
  registerIpcHandlers({
    documents: { knownPaths, recent, onRecentChanged },
    recovery: { store, knownPaths },
    closeGuard,
    onLanguageChanged,
  })
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
beforeEach(() => {
  vi.clearAllMocks()
  windowRegistry.fromWebContents.mockImplementation((contents) => (contents === sender ? fakeWindow : null))
})

it('registers a handler for every contract channel and no other', () => {
  expect([...ipcHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
})

describe('plan:openDialog', () => {
  it('returns cancelled when the dialog is cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await invokeHandler('plan:openDialog', event)).toEqual({ status: 'cancelled' })
    expect(fileService.readPlanText).not.toHaveBeenCalled()
  })

  it('reads the chosen file, remembers it, and hands its path out', async () => {
    const chosen = '/home/ana/plans/opened.stackplan'
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] })
    fileService.readPlanText.mockResolvedValueOnce({ text: PLAN_TEXT, stamp })
    expect(await invokeHandler('plan:openDialog', event)).toEqual({
      status: 'opened',
      doc: { path: chosen, name: 'opened.stackplan', text: PLAN_TEXT, stamp },
    })
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toBe(fakeWindow)
    const options = dialog.showOpenDialog.mock.calls[0]?.[1] as { filters: { extensions: string[] }[] }
    expect(options.filters[0]?.extensions).toEqual(['stackplan'])
    expect(fileService.readPlanText).toHaveBeenCalledExactlyOnceWith(chosen)
    expect(recent.add).toHaveBeenCalledExactlyOnceWith(chosen)
    expect(onRecentChanged).toHaveBeenCalledExactlyOnceWith([chosen], chosen)
    expect(knownPaths.has(chosen)).toBe(true)
  })

  it('reports a read failure with its step and path', async () => {
    const chosen = '/home/ana/plans/unreadable.stackplan'
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] })
    fileService.readPlanText.mockRejectedValueOnce(
      new fileService.FileServiceError(
        'read',
        chosen,
        `Could not open ${chosen}: reading it failed because permission was denied (EACCES).`,
        'EACCES'
      )
    )
    expect(await invokeHandler('plan:openDialog', event)).toEqual({
      status: 'error',
      path: chosen,
      message: `Could not open ${chosen}: reading it failed because permission was denied (EACCES).`,
    })
    expect(recent.add).not.toHaveBeenCalled()
  })
})

describe('plan:openRecent and recent:list', () => {
  it('refuses a path main never handed out, without touching the disk', async () => {
    expect(await invokeHandler('plan:openRecent', event, { path: '/etc/shadow' })).toMatchObject({
      status: 'error',
      path: '/etc/shadow',
    })
    expect(fileService.readPlanText).not.toHaveBeenCalled()
  })

  it('opens a path once recent:list handed it out', async () => {
    recentList.splice(0, recentList.length, '/home/ana/plans/recent.stackplan')
    expect(await invokeHandler('recent:list', event)).toEqual(['/home/ana/plans/recent.stackplan'])
    fileService.readPlanText.mockResolvedValueOnce({ text: PLAN_TEXT, stamp })
    expect(
      await invokeHandler('plan:openRecent', event, { path: '/home/ana/plans/recent.stackplan' })
    ).toMatchObject({
      status: 'opened',
      doc: { name: 'recent.stackplan' },
    })
  })
})

describe('plan:save', () => {
  const known = '/home/ana/plans/opened.stackplan'
  const request = { path: known, text: PLAN_TEXT, expected: stamp, overwrite: false }

  it('refuses an unknown path without writing', async () => {
    expect(await invokeHandler('plan:save', event, { ...request, path: '/home/ana/.bashrc' })).toMatchObject({
      status: 'error',
      step: 'check path',
      path: '/home/ana/.bashrc',
    })
    expect(fileService.savePlanText).not.toHaveBeenCalled()
  })

  it('refuses text the model does not accept as a plan, without writing', async () => {
    expect(await invokeHandler('plan:save', event, { ...request, text: '#!/bin/sh\nrm -rf ~' })).toEqual({
      status: 'error',
      step: 'validate',
      path: known,
      message:
        'The plan was not saved: not a valid planning file (not-a-plan: This is not a Stackplan file.)',
    })
    expect(model.parsePlanFile).toHaveBeenCalledWith('#!/bin/sh\nrm -rf ~')
    expect(fileService.savePlanText).not.toHaveBeenCalled()
  })

  it('writes a valid plan to a known path and returns the new stamp', async () => {
    const newStamp = { ...stamp, sizeBytes: 41 }
    fileService.savePlanText.mockResolvedValueOnce({ status: 'saved', stamp: newStamp })
    expect(await invokeHandler('plan:save', event, request)).toEqual({
      status: 'saved',
      path: known,
      name: 'opened.stackplan',
      stamp: newStamp,
    })
    expect(fileService.savePlanText).toHaveBeenCalledExactlyOnceWith(request)
    expect(recent.add).toHaveBeenCalledWith(known)
  })

  it('passes a conflict through', async () => {
    fileService.savePlanText.mockResolvedValueOnce({ status: 'conflict' })
    expect(await invokeHandler('plan:save', event, request)).toEqual({ status: 'conflict', path: known })
  })

  it('reports a failed save with its step, and does not touch the recent list', async () => {
    fileService.savePlanText.mockRejectedValueOnce(
      new fileService.FileServiceError('write temporary file', known, 'No space left on device', 'ENOSPC')
    )
    expect(await invokeHandler('plan:save', event, request)).toEqual({
      status: 'error',
      step: 'write temporary file',
      path: known,
      message: 'No space left on device',
    })
    expect(recent.add).not.toHaveBeenCalled()
  })

  it('reports an unexpected error as a save error', async () => {
    fileService.savePlanText.mockRejectedValueOnce(new Error('boom'))
    expect(await invokeHandler('plan:save', event, request)).toEqual({
      status: 'error',
      step: 'save',
      path: known,
      message: 'boom',
    })
  })
})

describe('plan:saveAs', () => {
  it('refuses an invalid plan before showing a dialog', async () => {
    expect(await invokeHandler('plan:saveAs', event, { text: 'garbage', suggestedName: 'x' })).toMatchObject({
      status: 'error',
      step: 'validate',
    })
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  it('returns cancelled when the dialog is cancelled', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(await invokeHandler('plan:saveAs', event, { text: PLAN_TEXT, suggestedName: 'Budget' })).toEqual({
      status: 'cancelled',
    })
  })

  it('suggests a safe file name and saves to the chosen path, replacing as the dialog confirmed', async () => {
    const chosen = '/home/ana/plans/new.stackplan'
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen })
    fileService.savePlanText.mockResolvedValueOnce({ status: 'saved', stamp })
    expect(
      await invokeHandler('plan:saveAs', event, { text: PLAN_TEXT, suggestedName: '../../etc/Budget: 2026?' })
    ).toEqual({ status: 'saved', path: chosen, name: 'new.stackplan', stamp })
    const options = dialog.showSaveDialog.mock.calls[0]?.[1] as { defaultPath: string }
    expect(path.basename(options.defaultPath)).toBe('Budget 2026.stackplan')
    expect(fileService.savePlanText).toHaveBeenCalledExactlyOnceWith({
      path: chosen,
      text: PLAN_TEXT,
      expected: null,
      overwrite: true,
    })
    expect(knownPaths.has(chosen)).toBe(true)
  })

  it('adds a missing extension, and does not replace an existing file the dialog did not ask about', async () => {
    const existing = path.join(tmp, 'taken.stackplan')
    writeFileSync(existing, 'someone else’s plan')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(tmp, 'taken') })
    expect(await invokeHandler('plan:saveAs', event, { text: PLAN_TEXT, suggestedName: 'taken' })).toEqual({
      status: 'conflict',
      path: existing,
    })
    expect(fileService.savePlanText).not.toHaveBeenCalled()
    expect(readFileSync(existing, 'utf8')).toBe('someone else’s plan')
    rmSync(existing)

    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(tmp, 'fresh') })
    fileService.savePlanText.mockResolvedValueOnce({ status: 'saved', stamp })
    expect(
      await invokeHandler('plan:saveAs', event, { text: PLAN_TEXT, suggestedName: 'fresh' })
    ).toMatchObject({
      status: 'saved',
      path: path.join(tmp, 'fresh.stackplan'),
    })
    expect(knownPaths.has(path.join(tmp, 'fresh.stackplan'))).toBe(true)
  })
})

describe('recovery', () => {
  const snapshot: RecoverySnapshot = {
    docId: 'doc-1',
    path: null,
    name: 'Untitled',
    text: '{}',
    snapshotAtMs: 5,
    stamp: null,
  }

  it('stores an untitled snapshot', async () => {
    await invokeHandler('recovery:snapshot', event, snapshot)
    expect(store.write).toHaveBeenCalledExactlyOnceWith(snapshot)
  })

  it('refuses a snapshot naming a path main never handed out', async () => {
    await expect(
      invokeHandler('recovery:snapshot', event, { ...snapshot, path: '/etc/passwd' })
    ).rejects.toThrow(/not opened or chosen/)
    expect(store.write).not.toHaveBeenCalled()
  })

  it('discards by id', async () => {
    await invokeHandler('recovery:discard', event, { docId: 'doc-1' })
    expect(store.discard).toHaveBeenCalledExactlyOnceWith('doc-1')
  })

  it('lists snapshots and lets their files be saved again', async () => {
    const recovered = { ...snapshot, path: '/home/ana/plans/crashed.stackplan' }
    store.list.mockResolvedValueOnce([recovered])
    expect(knownPaths.has('/home/ana/plans/crashed.stackplan')).toBe(false)
    expect(await invokeHandler('recovery:list', event)).toEqual([recovered])
    expect(knownPaths.has('/home/ana/plans/crashed.stackplan')).toBe(true)
  })
})

describe('app and window channels', () => {
  it('app:info gives the version and platform', async () => {
    expect(await invokeHandler('app:info', event)).toEqual({
      version: '0.1.0-test',
      platform: process.platform,
    })
  })

  it('app:confirmClose reaches the close guard for the sender window', async () => {
    await invokeHandler('app:confirmClose', event, { proceed: true })
    expect(confirmSpy).toHaveBeenCalledExactlyOnceWith(fakeWindow, true)
  })

  it('app:setLanguage switches the shell language and rebuilds the menu only when it changes', async () => {
    const { shellLanguage, setShellLanguage } = await import('../../electron/main/shell-text')
    setShellLanguage('en')
    try {
      await invokeHandler('app:setLanguage', event, { language: 'zh-CN' })
      expect(shellLanguage()).toBe('zh-CN')
      expect(onLanguageChanged).toHaveBeenCalledTimes(1)
      await invokeHandler('app:setLanguage', event, { language: 'zh-CN' })
      expect(onLanguageChanged).toHaveBeenCalledTimes(1)
      await expect(invokeHandler('app:setLanguage', event, { language: 'fr' })).rejects.toThrow(/language/)
      expect(shellLanguage()).toBe('zh-CN')
      await invokeHandler('app:setLanguage', event, { language: 'en' })
      expect(shellLanguage()).toBe('en')
      expect(onLanguageChanged).toHaveBeenCalledTimes(2)
    } finally {
      setShellLanguage('en')
    }
  })

  it('window:setDocumentState sets the title', async () => {
    await invokeHandler('window:setDocumentState', event, { title: '• Budget — Stackplan', isDirty: true })
    expect(fakeWindow.setTitle).toHaveBeenCalledExactlyOnceWith('• Budget — Stackplan')
  })

  it('shell:openExternal opens only allowlisted https links', async () => {
    expect(await invokeHandler('shell:openExternal', event, { url: 'file:///etc/passwd' })).toBe(false)
    expect(shell.openExternal).not.toHaveBeenCalled()
    expect(
      await invokeHandler('shell:openExternal', event, { url: 'https://docs.openstack.org/nova/' })
    ).toBe(true)
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://docs.openstack.org/nova/')
  })
})

describe('export:savePdf', () => {
  it('returns cancelled when the dialog is cancelled', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(await invokeHandler('export:savePdf', event, { suggestedName: 'Budget', pageSize: 'A4' })).toEqual(
      {
        status: 'cancelled',
      }
    )
    expect(sender.printToPDF).not.toHaveBeenCalled()
  })

  it('prints the page and writes the PDF atomically', async () => {
    const target = path.join(tmp, 'report')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    const result = await invokeHandler('export:savePdf', event, { suggestedName: 'Budget', pageSize: 'A4' })
    expect(result).toMatchObject({
      status: 'saved',
      path: `${target}.pdf`,
      name: 'report.pdf',
      stamp: { sizeBytes: pdfBytes.length, sha256: createHash('sha256').update(pdfBytes).digest('hex') },
    })
    expect(readFileSync(`${target}.pdf`, 'utf8')).toBe('%PDF-1.7 test document')
    expect(readdirSync(tmp)).toEqual(['report.pdf'])
  })

  it('reports a write into a missing folder as an error with its step', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: path.join(tmp, 'gone', 'r.pdf'),
    })
    expect(
      await invokeHandler('export:savePdf', event, { suggestedName: 'Budget', pageSize: 'A4' })
    ).toMatchObject({
      status: 'error',
      step: 'write file',
    })
  })
})
