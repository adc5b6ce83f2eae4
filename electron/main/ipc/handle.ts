import { app, ipcMain } from 'electron'
import type { IpcMainInvokeEvent, WebFrameMain } from 'electron'
import type { InvokeChannel, InvokeChannels } from '../../contract'
import { APP_HOST, APP_SCHEME } from '../protocol'
import { CHANNEL_ARGS } from './channel-schemas'
import { IpcPayloadError } from './schema'

/**
 * The dev server the renderer may come from: only in an unpackaged app started by electron-vite's dev
 * command (which sets ELECTRON_RENDERER_URL). A packaged app trusts app://stackplan alone.
 */
export function devServerUrl(): string | null {
  const url = process.env['ELECTRON_RENDERER_URL']
  return !app.isPackaged && typeof url === 'string' && url.length > 0 ? url : null
}

/** Whether an IPC message comes from the top frame of the Stackplan page. A null frame is never trusted. */
export function isTrustedSenderFrame(frame: WebFrameMain | null | undefined, devUrl: string | null): boolean {
  if (!frame) return false
  // Subframes (there should be none: CSP frame-src 'none') never speak for the app.
  if (frame.parent !== null) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  // Node's URL gives custom schemes an opaque 'null' origin, so compare scheme and host explicitly.
  if (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === ''
  ) {
    return true
  }
  if (devUrl !== null) {
    try {
      const dev = new URL(devUrl)
      return (dev.protocol === 'http:' || dev.protocol === 'https:') && url.origin === dev.origin
    } catch {
      return false
    }
  }
  return false
}

function senderDescription(frame: WebFrameMain | null | undefined): string {
  if (!frame) return 'an unknown frame'
  try {
    return `"${new URL(frame.url).protocol}//${new URL(frame.url).host}"`
  } catch {
    return 'a frame without a valid URL'
  }
}

export type InvokeHandler<K extends InvokeChannel> = (
  event: IpcMainInvokeEvent,
  ...args: InvokeChannels[K]['args']
) => InvokeChannels[K]['ret'] | Promise<InvokeChannels[K]['ret']>

/**
 * Checks sender and payload of one invoke, then returns the validated arguments. Exported so every
 * channel's checks can be tested without a handler.
 */
export function checkInvoke<K extends InvokeChannel>(
  channel: K,
  event: IpcMainInvokeEvent,
  rawArgs: unknown[]
): InvokeChannels[K]['args'] {
  if (!isTrustedSenderFrame(event.senderFrame, devServerUrl())) {
    throw new Error(
      `${channel} refused: the sender ${senderDescription(event.senderFrame)} is not the Stackplan page`
    )
  }
  try {
    return CHANNEL_ARGS[channel](rawArgs)
  } catch (error) {
    if (error instanceof IpcPayloadError)
      throw new Error(`${channel} refused: ${error.message}`, { cause: error })
    throw error
  }
}

/** `ipcMain.handle` for a contract channel, with the sender and the payload validated first. */
export function handle<K extends InvokeChannel>(channel: K, handler: InvokeHandler<K>): void {
  ipcMain.handle(channel, (event, ...rawArgs: unknown[]) => {
    const validArgs = checkInvoke(channel, event, rawArgs)
    return handler(event, ...validArgs)
  })
}
