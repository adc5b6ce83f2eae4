import { app, BrowserWindow } from 'electron'
import type { CloseGuard } from '../close-guard'
import { openExternalSafely } from '../external-links'
import { setDocumentState } from '../window-title'
import { handle } from './handle'

/** app:info, app:confirmClose, window:setDocumentState, shell:openExternal. */
export function registerAppHandlers(closeGuard: CloseGuard): void {
  handle('app:info', () => ({ version: app.getVersion(), platform: process.platform }))

  handle('app:confirmClose', (event, request) => {
    const win = BrowserWindow.fromWebContents(event.sender)
    if (win) closeGuard.confirm(win, request.proceed)
  })

  handle('window:setDocumentState', (event, request) => {
    const win = BrowserWindow.fromWebContents(event.sender)
    if (win) setDocumentState(win, request.title, request.isDirty)
  })

  handle('shell:openExternal', (_event, request) => openExternalSafely(request.url))
}
