import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { INVOKE_CHANNELS } from '../../electron/contract'
import { FakeBrowserWindow, FakeWebContents } from './support/fake-window'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const files = vi.hoisted(() => ({
  readPlanText: vi.fn(async (p: string) => ({
    text: `{"format":"stackplan","path":${JSON.stringify(p)}}`,
    stamp: { sizeBytes: 1, mtimeMs: 1, sha256: 'ab'.repeat(32) },
  })),
  savePlanText: vi.fn(async () => ({
    status: 'saved',
    stamp: { sizeBytes: 2, mtimeMs: 2, sha256: 'cd'.repeat(32) },
  })),
  recentAdd: vi.fn(async (p: string) => [p]),
}))
vi.mock('../../electron/main/files/plan-store', () => ({
  FileServiceError: class extends Error {},
  readPlanText: files.readPlanText,
  savePlanText: files.savePlanText,
}))
vi.mock('../../electron/main/files/recent', () => ({
  RecentFiles: class {
    list = async () => ['/home/ana/recent.stackplan']
    add = files.recentAdd
  },
}))
vi.mock('../../electron/main/files/recovery', () => ({
  RecoveryStore: class {
    write = vi.fn()
    discard = vi.fn()
    list = vi.fn(async () => [])
  },
}))
vi.mock('../../models/index', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../models/index')>()),
  parsePlanFile: () => ({ ok: true, value: {} }),
}))

const electron = await import('./support/electron-mock')
const {
  app,
  BrowserWindow,
  Menu,
  ipcHandlers,
  invokeHandler,
  protocol,
  session,
  trustedEvent,
  windowRegistry,
} = electron

let userData: string
let win: FakeBrowserWindow
const originalArgv = process.argv

beforeAll(async () => {
  userData = mkdtempSync(path.join(tmpdir(), 'stackplan-main-'))
  app.getPath.mockImplementation(() => userData)
  BrowserWindow.mockImplementation(function (this: unknown, options: Record<string, unknown>) {
    return new FakeBrowserWindow(options)
  } as never)
  process.argv = [...originalArgv, '/data/launch.stackplan']
  await import('../../electron/main/index')
  await vi.waitFor(() => {
    expect(FakeBrowserWindow.created).toHaveLength(1)
    expect(files.readPlanText).toHaveBeenCalledWith('/data/launch.stackplan')
  })
  process.argv = originalArgv
  win = FakeBrowserWindow.created[0] as FakeBrowserWindow
  windowRegistry.all = [win]
  windowRegistry.fromWebContents.mockImplementation((contents) => (contents === win.webContents ? win : null))
})

afterAll(() => {
  process.argv = originalArgv
  rmSync(userData, { recursive: true, force: true })
})

describe('before ready', () => {
  it('enables the sandbox everywhere and registers app:// before whenReady', () => {
    expect(app.enableSandbox).toHaveBeenCalledTimes(1)
    const schemeOrder = protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0] as number
    const readyOrder = app.whenReady.mock.invocationCallOrder[0] as number
    expect(schemeOrder).toBeLessThan(readyOrder)
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1)
  })
})

describe('after ready', () => {
  it('denies permissions and serves app:// from the built renderer', () => {
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1)
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1)
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })

  it('registers every IPC channel and installs the menu', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    expect(Menu.setApplicationMenu).toHaveBeenCalled()
  })

  it('opens one hardened window on app://stackplan', () => {
    expect(FakeBrowserWindow.created).toHaveLength(1)
    const prefs = win.options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.cjs$/)
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://stackplan/index.html')
    expect(win.options['show']).toBe(false)
    win.emit('ready-to-show')
    expect(win.show).toHaveBeenCalled()
  })

  it('hardens every webContents that is created', () => {
    const contents = new FakeWebContents()
    app.emit('web-contents-created', {}, contents)
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => { action: string }
    expect(handler()).toEqual({ action: 'deny' })
    const navigation = { preventDefault: vi.fn() }
    contents.emit('will-navigate', navigation, 'https://attacker.example/')
    expect(navigation.preventDefault).toHaveBeenCalled()
  })
})

describe('files from the OS', () => {
  it('holds the launch argument until the page has loaded, then sends it', () => {
    expect(files.readPlanText).toHaveBeenCalledWith('/data/launch.stackplan')
    expect(win.webContents.send).not.toHaveBeenCalled()
    win.webContents.emit('did-finish-load')
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(
      'plan:openedExternally',
      expect.objectContaining({
        status: 'opened',
        doc: expect.objectContaining({ path: '/data/launch.stackplan' }),
      })
    )
  })

  it('opens a second launch’s file in this instance and focuses the window', async () => {
    win.webContents.send.mockClear()
    app.emit(
      'second-instance',
      {},
      ['/opt/Stackplan/stackplan', '--flag', 'plans/second.stackplan'],
      '/home/ana'
    )
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalled())
    expect(win.focus).toHaveBeenCalled()
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(
      'plan:openedExternally',
      expect.objectContaining({ doc: expect.objectContaining({ path: '/home/ana/plans/second.stackplan' }) })
    )
  })

  it('handles macOS open-file', async () => {
    win.webContents.send.mockClear()
    const event = { preventDefault: vi.fn() }
    app.emit('open-file', event, '/Users/ana/mac.stackplan')
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalled())
    expect(event.preventDefault).toHaveBeenCalled()
    expect(win.webContents.send).toHaveBeenCalledWith(
      'plan:openedExternally',
      expect.objectContaining({ doc: expect.objectContaining({ path: '/Users/ana/mac.stackplan' }) })
    )
  })

  it('lets the page save to files the OS opened and refuses others', async () => {
    const event = trustedEvent(win.webContents)
    const request = { text: '{"format":"stackplan"}', expected: null, overwrite: false }
    expect(
      await invokeHandler('plan:save', event, { ...request, path: '/home/ana/plans/second.stackplan' })
    ).toMatchObject({
      status: 'saved',
    })
    expect(
      await invokeHandler('plan:save', event, { ...request, path: '/home/ana/elsewhere.stackplan' })
    ).toMatchObject({
      status: 'error',
      step: 'check path',
    })
  })

  it('remembers saved files in the OS recent list', () => {
    expect(app.addRecentDocument).toHaveBeenCalledWith('/home/ana/plans/second.stackplan')
  })
})

describe('closing', () => {
  it('asks the page first, and closes after it confirms', async () => {
    win.webContents.send.mockClear()
    win.close()
    expect(win.isClosed).toBe(false)
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith('app:closeRequested')
    await invokeHandler('app:confirmClose', trustedEvent(win.webContents), { proceed: true })
    expect(win.isClosed).toBe(true)
  })

  it('opens a new window for a file the OS opens while no window is left (macOS)', async () => {
    windowRegistry.all = []
    app.emit('open-file', { preventDefault: vi.fn() }, '/Users/ana/later.stackplan')
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(2))
    const second = FakeBrowserWindow.created[1] as FakeBrowserWindow
    await vi.waitFor(() => expect(second.loadURL).toHaveBeenCalledWith('app://stackplan/index.html'))
    second.webContents.emit('did-finish-load')
    expect(second.webContents.send).toHaveBeenCalledExactlyOnceWith(
      'plan:openedExternally',
      expect.objectContaining({ doc: expect.objectContaining({ path: '/Users/ana/later.stackplan' }) })
    )
  })

  it('quits when the last window is gone (not on macOS)', () => {
    app.emit('window-all-closed')
    if (process.platform === 'darwin') expect(app.quit).not.toHaveBeenCalled()
    else expect(app.quit).toHaveBeenCalledTimes(1)
  })
})
