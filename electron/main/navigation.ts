import type { Session, WebContents } from 'electron'
import { APP_HOST, APP_SCHEME } from './protocol'

/** Whether a navigation target is the app's own page (the only place a window may go). */
export function isAppPageUrl(target: string, devServerUrl: string | null = null): boolean {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return false
  }
  if (url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && !url.port && !url.username) {
    return url.pathname === '/' || url.pathname === '/index.html'
  }
  if (devServerUrl !== null) {
    try {
      return url.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

/**
 * Locks a webContents to the app page: navigation elsewhere, redirects, new windows and <webview> are
 * refused. Links to the web go through `shell:openExternal` and its allowlist, never through navigation.
 */
export function lockDownWebContents(contents: WebContents, devServerUrl: string | null = null): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPageUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppPageUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** A planner needs no camera, notifications, geolocation, HID, serial or USB: every request is refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
