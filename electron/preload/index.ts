import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { IpcRendererEvent } from 'electron'
import { INVOKE_CHANNELS, PUSH_CHANNELS } from '../contract'
import type { InvokeChannel, PushChannel, StackplanApi } from '../contract'

const invokeChannels: ReadonlySet<string> = new Set(INVOKE_CHANNELS)
const pushChannels: ReadonlySet<string> = new Set(PUSH_CHANNELS)

const api: StackplanApi = {
  invoke(channel: InvokeChannel, ...args: unknown[]) {
    if (typeof channel !== 'string' || !invokeChannels.has(channel)) {
      return Promise.reject(new Error(`Unknown channel: ${String(channel)}`))
    }
    return ipcRenderer.invoke(channel, ...args)
  },
  on(channel: PushChannel, listener: (...args: never[]) => void) {
    if (typeof channel !== 'string' || !pushChannels.has(channel)) {
      throw new Error(`Unknown channel: ${String(channel)}`)
    }
    if (typeof listener !== 'function') throw new Error('The listener must be a function')
    // The page never sees the IpcRendererEvent (it would expose `sender`, i.e. ipcRenderer itself).
    const wrapped = (_event: IpcRendererEvent, ...args: unknown[]) => listener(...(args as never[]))
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
  pathForFile(file: File): string {
    // Only the preload can ask for a dropped file's path (Electron 32 removed File.path). The page gets a
    // string and nothing else; main checks it again before reading (plan:openDropped).
    try {
      const found: unknown = webUtils.getPathForFile(file)
      return typeof found === 'string' ? found : ''
    } catch {
      // Not a File (getPathForFile throws a TypeError): no path.
      return ''
    }
  },
} as StackplanApi

contextBridge.exposeInMainWorld('stackplan', api)
