import { BrowserWindow, nativeTheme, screen } from 'electron'
import type { CloseGuard } from './close-guard'
import { APP_INDEX_URL } from './protocol'
import { createWebPreferences } from './security'
import { APP_NAME } from './window-title'
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, readWindowState, trackWindowState } from './window-state'

export interface MainWindowOptions {
  preloadPath: string
  windowStateFile: string
  devServerUrl: string | null
  closeGuard: CloseGuard
  /** The page finished loading and can receive push messages. */
  onPageReady: (win: BrowserWindow) => void
  /** The page is reloading or its process is gone: hold push messages. */
  onPageGone: (win: BrowserWindow) => void
}

/** Creates the planner window where it was last, hardened, guarded on close, and loads the page. */
export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  const state = await readWindowState(
    options.windowStateFile,
    [primary, ...others].map((d) => d.workArea)
  )

  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    show: false,
    title: APP_NAME,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#ffffff',
    webPreferences: createWebPreferences(options.preloadPath),
  })
  if (state.isMaximized) win.maximize()
  trackWindowState(win, options.windowStateFile)
  options.closeGuard.attach(win)

  win.once('ready-to-show', () => win.show())
  win.webContents.on('did-start-loading', () => options.onPageGone(win))
  win.webContents.on('render-process-gone', () => options.onPageGone(win))
  win.webContents.on('did-finish-load', () => options.onPageReady(win))

  await win.loadURL(options.devServerUrl ?? APP_INDEX_URL)
  return win
}
