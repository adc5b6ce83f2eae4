import type { BrowserWindow } from 'electron'

export const APP_NAME = 'Stackplan'

/** "• Budget 2026 — Stackplan": the document name, a dirty mark (macOS shows it in the close button). */
export function formatWindowTitle(
  documentTitle: string,
  isDirty: boolean,
  platform = process.platform
): string {
  // eslint-disable-next-line no-control-regex
  const name = documentTitle.replace(/[\u0000-\u001f\u007f]/g, ' ').trim() || 'Untitled plan'
  const dirtyMark = isDirty && platform !== 'darwin' ? '• ' : ''
  return `${dirtyMark}${name} — ${APP_NAME}`
}

/** window:setDocumentState: the title bar and macOS's "edited" dot follow the document. */
export function setDocumentState(win: BrowserWindow, documentTitle: string, isDirty: boolean): void {
  if (win.isDestroyed()) return
  win.setTitle(formatWindowTitle(documentTitle, isDirty))
  if (process.platform === 'darwin') win.setDocumentEdited(isDirty)
}
