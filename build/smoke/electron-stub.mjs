// A stand-in for the 'electron' module, for booting the packed main bundle under plain Node.js in
// build/check-package.mjs. It records what main does and answers the first page load through the
// registered app:// handler. Not used by the app.
import { EventEmitter } from 'node:events'

const report = (event, detail = '') => console.log(`[smoke] ${event}${detail === '' ? '' : ` ${detail}`}`)
let appHandler = null

class App extends EventEmitter {
  isPackaged = true
  getVersion = () => '0.0.0-smoke'
  getPath = () => process.env.STACKPLAN_SMOKE_USER_DATA
  getLocale = () => 'en-US'
  whenReady = () => Promise.resolve()
  isReady = () => true
  quit = () => report('quit')
  exit = (code) => report('exit', String(code))
  enableSandbox = () => report('enableSandbox')
  requestSingleInstanceLock = () => true
  addRecentDocument = () => {}
}

export const app = new App()
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => report('registerSchemesAsPrivileged', JSON.stringify(schemes)),
  handle: (scheme, handler) => {
    report('protocol.handle', scheme)
    appHandler = handler
  },
}
const denySession = {
  setPermissionRequestHandler() {},
  setPermissionCheckHandler() {},
  setDevicePermissionHandler() {},
}
export const session = { defaultSession: denySession }
export const ipcMain = { handle: (channel) => report('ipcMain.handle', channel) }
export const Menu = { buildFromTemplate: (template) => template, setApplicationMenu: () => report('menu') }
const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }
export const screen = { getPrimaryDisplay: () => display, getAllDisplays: () => [display] }
export const nativeTheme = { shouldUseDarkColors: false }
export const dialog = { showErrorBox: (title, message) => report('showErrorBox', `${title}: ${message}`) }
export const shell = {}

export class BrowserWindow extends EventEmitter {
  static getFocusedWindow = () => null
  static getAllWindows = () => []
  static fromWebContents = () => null

  constructor(options) {
    super()
    report('BrowserWindow', JSON.stringify(options.webPreferences))
    this.webContents = new EventEmitter()
  }

  maximize() {}
  isDestroyed = () => false

  async loadURL(url) {
    report('loadURL', url)
    const response = await appHandler({ url })
    report('page', `${response.status} ${response.headers.get('content-type')}`)
  }
}

export default { app, protocol, session, ipcMain, Menu, screen, nativeTheme, dialog, shell, BrowserWindow }
