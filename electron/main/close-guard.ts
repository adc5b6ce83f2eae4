import type { BrowserWindow } from 'electron'
import { sendPush } from './push'

/** How long a close request may stay unanswered before a second close attempt closes anyway. */
export const UNANSWERED_CLOSE_MS = 10_000

/**
 * Save / Don't save / Cancel on close. A window's first 'close' is prevented and the page is sent
 * 'app:closeRequested'; the page answers with 'app:confirmClose' { proceed }. A crashed page, or one that
 * left a request unanswered for UNANSWERED_CLOSE_MS, cannot keep the window open: the recovery snapshot
 * (written about a second after each edit) still holds unsaved work.
 */
export class CloseGuard {
  private readonly allowed = new WeakSet<BrowserWindow>()
  private readonly pendingSince = new WeakMap<BrowserWindow, number>()
  private isQuitting = false

  constructor(
    private readonly quitApp: () => void,
    private readonly now: () => number = Date.now
  ) {}

  /** Call from app 'before-quit': a confirmed close then finishes the quit. */
  markQuitting(): void {
    this.isQuitting = true
  }

  attach(win: BrowserWindow): void {
    win.on('close', (event) => {
      if (this.allowed.has(win)) return
      if (win.webContents.isCrashed()) return
      const since = this.pendingSince.get(win)
      if (since !== undefined && this.now() - since >= UNANSWERED_CLOSE_MS) return
      event.preventDefault()
      if (since === undefined) this.pendingSince.set(win, this.now())
      sendPush(win, 'app:closeRequested')
    })
  }

  /** The page's answer (app:confirmClose). */
  confirm(win: BrowserWindow, proceed: boolean): void {
    this.pendingSince.delete(win)
    if (!proceed) {
      this.isQuitting = false
      return
    }
    this.allowed.add(win)
    if (this.isQuitting) this.quitApp()
    else win.close()
  }
}
