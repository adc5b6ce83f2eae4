import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { CloseGuard, UNANSWERED_CLOSE_MS } = await import('../../electron/main/close-guard')
const { sanitizeWindowTitle, setDocumentState } = await import('../../electron/main/window-title')

class FakeWindow extends EventEmitter {
  isClosed = false
  crashed = false
  sent: unknown[][] = []
  webContents = {
    isDestroyed: () => false,
    isCrashed: () => this.crashed,
    send: (...args: unknown[]) => this.sent.push(args),
  }
  isDestroyed = () => false
  setTitle = vi.fn()
  setDocumentEdited = vi.fn()
  /** Like BrowserWindow.close(): emits 'close', and closes unless a listener prevented it. */
  close() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    this.emit('close', event)
    if (!event.defaultPrevented) this.isClosed = true
  }
}

function setup() {
  let now = 1_000
  const quit = vi.fn()
  const guard = new CloseGuard(quit, () => now)
  const win = new FakeWindow()
  guard.attach(win as never)
  return { guard, win, quit, advance: (ms: number) => (now += ms) }
}

describe('close guard', () => {
  it('holds the window open and asks the page', () => {
    const { win } = setup()
    win.close()
    expect(win.isClosed).toBe(false)
    expect(win.sent).toEqual([['app:closeRequested']])
  })

  it('closes after the page confirms with proceed: true', () => {
    const { guard, win, quit } = setup()
    win.close()
    guard.confirm(win as never, true)
    expect(win.isClosed).toBe(true)
    expect(quit).not.toHaveBeenCalled()
  })

  it('stays open when the page answers proceed: false, and asks again next time', () => {
    const { guard, win } = setup()
    win.close()
    guard.confirm(win as never, false)
    expect(win.isClosed).toBe(false)
    win.close()
    expect(win.isClosed).toBe(false)
    expect(win.sent).toEqual([['app:closeRequested'], ['app:closeRequested']])
  })

  it('finishes a quit once the page confirms', () => {
    const { guard, win, quit } = setup()
    guard.markQuitting()
    win.close()
    expect(win.isClosed).toBe(false)
    guard.confirm(win as never, true)
    expect(quit).toHaveBeenCalledTimes(1)
  })

  it('forgets the quit when the page cancels', () => {
    const { guard, win, quit } = setup()
    guard.markQuitting()
    win.close()
    guard.confirm(win as never, false)
    win.close()
    guard.confirm(win as never, true)
    expect(quit).not.toHaveBeenCalled()
    expect(win.isClosed).toBe(true)
  })

  it('does not let a crashed page keep the window open', () => {
    const { win } = setup()
    win.crashed = true
    win.close()
    expect(win.isClosed).toBe(true)
  })

  it('closes on a repeated attempt when the page left the request unanswered', () => {
    const { win, advance } = setup()
    win.close()
    advance(UNANSWERED_CLOSE_MS - 1)
    win.close()
    expect(win.isClosed).toBe(false)
    advance(1)
    win.close()
    expect(win.isClosed).toBe(true)
  })
})

describe('document state in the title bar', () => {
  it.each([
    ['• Budget 2026 — Stackplan', '• Budget 2026 — Stackplan'],
    ['预算 — Stackplan', '预算 — Stackplan'],
    ['  ', 'Stackplan'],
    ['evil\u0007\nname\u009b', 'evil  name'],
  ])('%j → %j', (title, expected) => {
    expect(sanitizeWindowTitle(title)).toBe(expected)
  })

  it('sets the title as the page formatted it (and, on macOS, the edited dot)', () => {
    const win = new FakeWindow()
    setDocumentState(win as never, '• Budget — Stackplan', true)
    expect(win.setTitle).toHaveBeenCalledExactlyOnceWith('• Budget — Stackplan')
    if (process.platform === 'darwin') expect(win.setDocumentEdited).toHaveBeenCalledWith(true)
    else expect(win.setDocumentEdited).not.toHaveBeenCalled()
  })
})
