import { createBrowserHost } from './browser-host'
import { createElectronHost } from './electron-host'
import type { Host } from './types'

export type * from './types'

let current: Host | null = null

/**
 * The host of this window, chosen by the build (`__STACKPLAN_HOST__`). In the browser build,
 * `?files=classic` forces upload/download even where the File System Access API exists.
 */
export function useHost(): Host {
  if (current) return current
  if (__STACKPLAN_HOST__ === 'electron') {
    if (!window.stackplan) throw new Error('The Electron preload bridge (window.stackplan) is missing')
    current = createElectronHost(window.stackplan)
  } else {
    const classicFiles = new URLSearchParams(window.location.search).get('files') === 'classic'
    current = createBrowserHost({ classicFiles })
  }
  return current
}

/** Replaces the host (tests). */
export function setHost(host: Host | null): void {
  current = host
}
