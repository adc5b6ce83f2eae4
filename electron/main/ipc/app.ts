import { app, BrowserWindow } from 'electron'
import type { CloseGuard } from '../close-guard'
import { openExternalSafely } from '../external-links'
import { setShellLanguage } from '../shell-text'
import { setDocumentState } from '../window-title'
import { handle } from './handle'

/**
 * app:info, app:confirmClose, app:setLanguage, window:setDocumentState, shell:openExternal.
 * `onLanguageChanged` rebuilds what shows the shell's words now (the menu); dialogs read them when opened.
 */
export function registerAppHandlers(closeGuard: CloseGuard, onLanguageChanged: () => void): void {
  handle('app:info', () => ({ version: app.getVersion(), platform: process.platform }))

  handle('app:confirmClose', (event, request) => {
    const win = BrowserWindow.fromWebContents(event.sender)
    if (win) closeGuard.confirm(win, request.proceed)
  })

  handle('app:setLanguage', (_event, request) => {
    if (setShellLanguage(request.language)) onLanguageChanged()
  })

  handle('window:setDocumentState', (event, request) => {
    const win = BrowserWindow.fromWebContents(event.sender)
    if (win) setDocumentState(win, request.title, request.isDirty)
  })

  handle('shell:openExternal', (_event, request) => openExternalSafely(request.url))
}
