import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/** A stand-in for the parts of the 'electron' module main and preload use. Load it through vi.mock. */
type Handler = (event: unknown, ...args: unknown[]) => unknown

export const ipcHandlers = new Map<string, Handler>()

class AppMock extends EventEmitter {
  isPackaged = false
  getVersion = vi.fn(() => '0.1.0-test')
  getPath = vi.fn((name: string) => `/tmp/stackplan-test/${name}`)
  /** The OS locale Electron reports; the shell's language follows it until the page says otherwise. */
  getLocale = vi.fn(() => 'en-US')
  whenReady = vi.fn(() => Promise.resolve())
  isReady = vi.fn(() => true)
  quit = vi.fn()
  exit = vi.fn()
  enableSandbox = vi.fn()
  requestSingleInstanceLock = vi.fn(() => true)
  addRecentDocument = vi.fn()
}

export const app = new AppMock()

export const ipcMain = {
  handle: vi.fn((channel: string, handler: Handler) => {
    ipcHandlers.set(channel, handler)
  }),
  removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
}

export const windowRegistry = {
  focused: null as unknown,
  all: [] as unknown[],
  fromWebContents: vi.fn((_contents: unknown): unknown => null),
}

export const BrowserWindow = Object.assign(
  vi.fn(function BrowserWindowMock() {
    throw new Error('Create windows through the test helpers')
  }),
  {
    fromWebContents: (contents: unknown) => windowRegistry.fromWebContents(contents),
    getFocusedWindow: () => windowRegistry.focused,
    getAllWindows: () => windowRegistry.all,
  }
)

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
}

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) }

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  },
}

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
}

export const screen = {
  getPrimaryDisplay: vi.fn(() => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
  getAllDisplays: vi.fn(() => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
}

export const nativeTheme = { shouldUseDarkColors: false }

export const contextBridge = { exposeInMainWorld: vi.fn() }

export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]) => 'invoked'),
  on: vi.fn(),
  removeListener: vi.fn(),
}

/** The preload's way to a dropped file's path; a File made in a test has none unless a test says so. */
export const webUtils = { getPathForFile: vi.fn((_file: unknown): string => '') }

export const electronMock = {
  app,
  ipcMain,
  BrowserWindow,
  dialog,
  shell,
  protocol,
  session,
  Menu,
  screen,
  nativeTheme,
  contextBridge,
  ipcRenderer,
  webUtils,
}

/** An IPC event as the app's own page would send it. */
export function trustedEvent(sender: unknown = { id: 1 }) {
  return { senderFrame: { url: 'app://stackplan/index.html', parent: null }, sender }
}

/** Calls a registered ipcMain.handle handler the way Electron would. */
export async function invokeHandler(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = ipcHandlers.get(channel)
  if (!handler) throw new Error(`No handler registered for ${channel}`)
  return handler(event, ...args)
}
