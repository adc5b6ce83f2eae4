import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { BrowserWindow, session, windowRegistry } = await import('./support/electron-mock')
const { denyAllPermissions, isAppPageUrl, lockDownWebContents } =
  await import('../../electron/main/navigation')

/** A webContents with real event dispatch, recording the window-open handler it is given. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
}

function fire(contents: FakeWebContents, eventName: string, url: string) {
  const event = { preventDefault: vi.fn(), url }
  contents.emit(eventName, event, url)
  return event
}

describe('navigation lock', () => {
  it.each([
    'https://attacker.example/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://stackplan/other.html',
    'app://evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
  ])('prevents will-navigate and will-redirect to %s', (url) => {
    const contents = new FakeWebContents()
    lockDownWebContents(contents as never)
    expect(fire(contents, 'will-navigate', url).preventDefault).toHaveBeenCalledTimes(1)
    expect(fire(contents, 'will-redirect', url).preventDefault).toHaveBeenCalledTimes(1)
  })

  it.each(['app://stackplan/index.html', 'app://stackplan/', 'app://stackplan/index.html#/scenarios'])(
    'lets the page reload itself: %s',
    (url) => {
      const contents = new FakeWebContents()
      lockDownWebContents(contents as never)
      expect(fire(contents, 'will-navigate', url).preventDefault).not.toHaveBeenCalled()
    }
  )

  it('allows the dev server origin only when one is given', () => {
    expect(isAppPageUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppPageUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isAppPageUrl('http://localhost:5173/', null)).toBe(false)
  })

  it('denies every new window and opens none', () => {
    const contents = new FakeWebContents()
    lockDownWebContents(contents as never)
    windowRegistry.all = []
    for (const url of ['https://docs.openstack.org/', 'app://stackplan/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(BrowserWindow).not.toHaveBeenCalled()
    expect(BrowserWindow.getAllWindows()).toHaveLength(0)
  })

  it('prevents <webview> attachment', () => {
    const contents = new FakeWebContents()
    lockDownWebContents(contents as never)
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalledTimes(1)
  })
})

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    denyAllPermissions(session.defaultSession as never)
    const requestHandler = session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void
    ) => void
    const checkHandler = session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => boolean
    const deviceHandler = session.defaultSession.setDevicePermissionHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => boolean
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      const callback = vi.fn()
      requestHandler({}, permission, callback)
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
      expect(checkHandler({}, permission, 'app://stackplan', {})).toBe(false)
    }
    expect(deviceHandler({ deviceType: 'usb', origin: 'app://stackplan' })).toBe(false)
  })
})
