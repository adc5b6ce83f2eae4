import { beforeAll, describe, expect, it, vi } from 'vitest'
import { INVOKE_CHANNELS, PUSH_CHANNELS } from '../../electron/contract'
import type { StackplanApi } from '../../electron/contract'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { contextBridge, ipcRenderer, webUtils } = await import('./support/electron-mock')

let api: StackplanApi

beforeAll(async () => {
  await import('../../electron/preload/index')
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
  const [key, value] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, StackplanApi]
  expect(key).toBe('stackplan')
  api = value
})

describe('window.stackplan', () => {
  it('has exactly invoke, on and pathForFile, all functions, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile'])
    expect(typeof api.invoke).toBe('function')
    expect(typeof api.on).toBe('function')
    expect(typeof api.pathForFile).toBe('function')
    expect(api).not.toHaveProperty('ipcRenderer')
    expect(api).not.toHaveProperty('send')
  })

  it.each([...INVOKE_CHANNELS])('forwards invoke(%s) to ipcRenderer.invoke', async (channel) => {
    ipcRenderer.invoke.mockClear()
    await expect(
      (api.invoke as (c: string, ...a: unknown[]) => Promise<unknown>)(channel, { a: 1 })
    ).resolves.toBe('invoked')
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, { a: 1 })
  })

  it.each(['plan:delete', 'fs:readFile', 'menu:save', '__proto__', 'constructor', 'toString', '', 42, null])(
    'rejects invoke(%j) without reaching ipcRenderer',
    async (channel) => {
      ipcRenderer.invoke.mockClear()
      await expect((api.invoke as (c: unknown) => Promise<unknown>)(channel)).rejects.toThrow(
        /Unknown channel/
      )
      expect(ipcRenderer.invoke).not.toHaveBeenCalled()
    }
  )

  it.each([...PUSH_CHANNELS])('on(%s) strips the event and unsubscribes', (channel) => {
    ipcRenderer.on.mockClear()
    ipcRenderer.removeListener.mockClear()
    const listener = vi.fn()
    const unsubscribe = (api.on as (c: string, l: (...a: unknown[]) => void) => () => void)(channel, listener)
    expect(ipcRenderer.on).toHaveBeenCalledTimes(1)
    const [registeredChannel, wrapped] = ipcRenderer.on.mock.calls[0] as [string, (...a: unknown[]) => void]
    expect(registeredChannel).toBe(channel)
    const fakeEvent = { sender: { send: () => 'ipcRenderer leaked' }, senderFrame: {} }
    wrapped(fakeEvent, '/home/ana/a.stackplan', 2)
    expect(listener).toHaveBeenCalledExactlyOnceWith('/home/ana/a.stackplan', 2)
    expect(typeof unsubscribe).toBe('function')
    unsubscribe()
    expect(ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(channel, wrapped)
  })

  it.each(['plan:save', 'menu:delete', '__proto__', '', undefined])('refuses on(%j)', (channel) => {
    ipcRenderer.on.mockClear()
    expect(() => (api.on as (c: unknown, l: () => void) => void)(channel, () => undefined)).toThrow(
      /Unknown channel/
    )
    expect(ipcRenderer.on).not.toHaveBeenCalled()
  })

  it('refuses a listener that is not a function', () => {
    expect(() => (api.on as (c: string, l: unknown) => void)('menu:save', 'alert(1)')).toThrow(/function/)
  })
})

describe('pathForFile', () => {
  it('asks webUtils.getPathForFile for the dropped file and returns its path', () => {
    const file = new File(['{}'], 'budget.stackplan')
    webUtils.getPathForFile.mockReturnValueOnce('/home/ana/plans/budget.stackplan')
    expect(api.pathForFile(file)).toBe('/home/ana/plans/budget.stackplan')
    expect(webUtils.getPathForFile).toHaveBeenLastCalledWith(file)
  })

  it("returns '' for a file without a path on disk", () => {
    webUtils.getPathForFile.mockReturnValueOnce('')
    expect(api.pathForFile(new File(['{}'], 'from-a-web-page.stackplan'))).toBe('')
  })

  it("returns '' instead of throwing when Electron refuses the argument, and never a non-string", () => {
    webUtils.getPathForFile.mockImplementationOnce(() => {
      throw new TypeError('Error processing argument at index 0, conversion failure from #<Object>')
    })
    expect((api.pathForFile as (f: unknown) => string)({ name: 'x.stackplan' })).toBe('')
    webUtils.getPathForFile.mockReturnValueOnce(undefined as unknown as string)
    expect(api.pathForFile(new File([], 'x.stackplan'))).toBe('')
  })
})
