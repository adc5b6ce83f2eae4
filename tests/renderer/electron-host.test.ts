// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import type { FileStamp, InvokeChannels, PushChannel, StackplanApi } from '../../electron/contract'
import { createElectronHost } from '../../renderer/src/host/electron-host'

const STAMP: FileStamp = { sizeBytes: 10, mtimeMs: 1, sha256: 'abc' }

function fakeApi(answers: Partial<{ [K in keyof InvokeChannels]: InvokeChannels[K]['ret'] }>): {
  api: StackplanApi
  invoke: ReturnType<typeof vi.fn>
  emit: (channel: PushChannel, ...args: unknown[]) => void
} {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>()
  const invoke = vi.fn(async (channel: keyof InvokeChannels) => answers[channel])
  const api = {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
      return () =>
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((l) => l !== listener)
        )
    },
  } as unknown as StackplanApi
  return { api, invoke, emit: (channel, ...args) => listeners.get(channel)?.forEach((l) => l(...args)) }
}

describe('Electron host', () => {
  it('sends back the stamp of the file it opened when saving over it', async () => {
    const { api, invoke } = fakeApi({
      'plan:openDialog': {
        status: 'opened',
        doc: { path: '/p/a.stackplan', name: 'a.stackplan', text: '{}', stamp: STAMP },
      },
      'plan:save': { status: 'saved', path: '/p/a.stackplan', name: 'a.stackplan', stamp: STAMP },
    })
    const host = createElectronHost(api)
    expect(await host.open()).toEqual({
      status: 'opened',
      doc: { ref: '/p/a.stackplan', name: 'a.stackplan', text: '{}' },
    })
    await host.save({ ref: '/p/a.stackplan', text: 'x', overwrite: false })
    expect(invoke).toHaveBeenLastCalledWith('plan:save', {
      path: '/p/a.stackplan',
      text: 'x',
      expected: STAMP,
      overwrite: false,
    })
  })

  it('maps conflicts and errors to names, not paths', async () => {
    const { api } = fakeApi({
      'plan:save': { status: 'conflict', path: '/p/a.stackplan' },
      'plan:saveAs': { status: 'error', step: 'rename', path: 'C:\\plans\\b.stackplan', message: 'EPERM' },
    })
    const host = createElectronHost(api)
    expect(await host.save({ ref: '/p/a.stackplan', text: '', overwrite: false })).toEqual({
      status: 'conflict',
      name: 'a.stackplan',
    })
    expect(await host.saveAs({ text: '', suggestedName: 'b.stackplan' })).toEqual({
      status: 'error',
      step: 'rename',
      name: 'b.stackplan',
      message: 'EPERM',
    })
  })

  it('turns menu messages into commands and unsubscribes', () => {
    const { api, emit } = fakeApi({})
    const host = createElectronHost(api)
    const seen: unknown[] = []
    const off = host.onMenu((e) => seen.push(e))
    emit('menu:save')
    emit('menu:openRecent', '/p/r.stackplan')
    off()
    emit('menu:undo')
    expect(seen).toEqual([{ command: 'save' }, { command: 'openRecent', ref: '/p/r.stackplan' }])
  })
})
