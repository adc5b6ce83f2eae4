import type { BrowserWindow } from 'electron'
import type { PushChannel, PushChannels } from '../contract'

/** Sends a contract push message to a window's page, if the window is still there. */
export function sendPush<K extends PushChannel>(
  win: BrowserWindow | null | undefined,
  channel: K,
  ...args: PushChannels[K]
): boolean {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false
  win.webContents.send(channel, ...args)
  return true
}
