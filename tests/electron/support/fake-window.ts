import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/** A BrowserWindow stand-in with real event dispatch, for tests of the app's lifecycle wiring. */
export class FakeWebContents extends EventEmitter {
  id = 1
  send = vi.fn()
  isDestroyed = () => false
  isCrashed = () => false
  setWindowOpenHandler = vi.fn()
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = []
  webContents = new FakeWebContents()
  isClosed = false
  loadURL = vi.fn(async (_url: string) => undefined)
  show = vi.fn()
  focus = vi.fn()
  restore = vi.fn()
  maximize = vi.fn()
  setTitle = vi.fn()
  setDocumentEdited = vi.fn()
  isDestroyed = () => false
  isMinimized = () => false
  isMaximized = () => false
  isFullScreen = () => false
  getNormalBounds = () => ({ x: 10, y: 20, width: 1200, height: 800 })

  constructor(public options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.created.push(this)
  }

  close() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.isClosed = true
    this.emit('closed')
  }
}
