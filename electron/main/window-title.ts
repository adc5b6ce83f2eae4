import type { BrowserWindow } from 'electron'

export const APP_NAME = 'Stackplan'

/**
 * The title bar text for a page-supplied title. The page formats it (it knows the locale and the
 * document name, e.g. "• Budget 2026 — Stackplan"); main only removes control characters.
 */
export function sanitizeWindowTitle(title: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = title.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim()
  return clean.length > 0 ? clean : APP_NAME
}

/** window:setDocumentState: the title bar, and macOS's "edited" dot in the close button. */
export function setDocumentState(win: BrowserWindow, title: string, isDirty: boolean): void {
  if (win.isDestroyed()) return
  win.setTitle(sanitizeWindowTitle(title))
  if (process.platform === 'darwin') win.setDocumentEdited(isDirty)
}
