// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import type { FileStamp, InvokeChannels, PushChannel, StackplanApi } from '../../electron/contract'
import { createElectronHost } from '../../renderer/src/host/electron-host'

const STAMP: FileStamp = { sizeBytes: 10, mtimeMs: 1, sha256: 'abc' }

function fakeApi(
  answers: Partial<{ [K in keyof InvokeChannels]: InvokeChannels[K]['ret'] }>,
  pathForFile: (file: File) => string = () => ''
): {
  api: StackplanApi
  invoke: ReturnType<typeof vi.fn>
  emit: (channel: PushChannel, ...args: unknown[]) => void
} {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>()
  const invoke = vi.fn(async (channel: keyof InvokeChannels) => answers[channel])
  const api = {
    invoke,
    pathForFile,
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

  it('keeps the stamp in the recovery snapshot and compares a recovered document’s save against it', async () => {
    const opened = { path: '/p/a.stackplan', name: 'a.stackplan', text: '{}', stamp: STAMP }
    const before = fakeApi({ 'plan:openDialog': { status: 'opened', doc: opened } })
    const crashed = createElectronHost(before.api)
    await crashed.open()
    await crashed.snapshot({ docId: 'd1', ref: '/p/a.stackplan', name: 'a', text: 'edited', snapshotAtMs: 9 })
    expect(before.invoke).toHaveBeenLastCalledWith('recovery:snapshot', {
      docId: 'd1',
      path: '/p/a.stackplan',
      name: 'a',
      text: 'edited',
      snapshotAtMs: 9,
      stamp: STAMP,
    })
    // After the restart a new host knows no stamp until the snapshot hands it back.
    const after = fakeApi({
      'recovery:list': [
        { docId: 'd1', path: '/p/a.stackplan', name: 'a', text: 'edited', snapshotAtMs: 9, stamp: STAMP },
      ],
      'plan:save': { status: 'conflict', path: '/p/a.stackplan' },
    })
    const recovered = createElectronHost(after.api)
    await recovered.listRecovery()
    await recovered.save({ ref: '/p/a.stackplan', text: 'edited', overwrite: false })
    expect(after.invoke).toHaveBeenLastCalledWith('plan:save', {
      path: '/p/a.stackplan',
      text: 'edited',
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

  it('tells main the window language so the native menu and dialogs speak it', () => {
    const { api, invoke } = fakeApi({})
    createElectronHost(api).setLanguage('zh-CN')
    expect(invoke).toHaveBeenCalledExactlyOnceWith('app:setLanguage', { language: 'zh-CN' })
  })

  describe('a dropped file', () => {
    const DROPPED = '/home/ana/Downloads/budget.stackplan'
    const droppedFile = () => new File(['{"dropped": "content"}'], 'budget.stackplan')

    it('with a path on disk opens through main by that path, and Save then writes back to it', async () => {
      const pathForFile = vi.fn(() => DROPPED)
      const { api, invoke } = fakeApi(
        {
          'plan:openDropped': {
            status: 'opened',
            doc: { path: DROPPED, name: 'budget.stackplan', text: '{"from": "main"}', stamp: STAMP },
          },
          'plan:save': { status: 'saved', path: DROPPED, name: 'budget.stackplan', stamp: STAMP },
        },
        pathForFile
      )
      const host = createElectronHost(api)
      const file = droppedFile()
      expect(await host.openDropped(file)).toEqual({
        status: 'opened',
        doc: { ref: DROPPED, name: 'budget.stackplan', text: '{"from": "main"}' },
      })
      expect(pathForFile).toHaveBeenCalledExactlyOnceWith(file)
      expect(invoke).toHaveBeenCalledExactlyOnceWith('plan:openDropped', { path: DROPPED })
      await host.save({ ref: DROPPED, text: 'x', overwrite: false })
      expect(invoke).toHaveBeenLastCalledWith('plan:save', {
        path: DROPPED,
        text: 'x',
        expected: STAMP,
        overwrite: false,
      })
    })

    it("shows main's refusal by file name", async () => {
      const { api } = fakeApi(
        {
          'plan:openDropped': {
            status: 'error',
            path: '/home/ana/folder.stackplan',
            message: 'Could not open /home/ana/folder.stackplan: it is a folder, not a planning file.',
          },
        },
        () => '/home/ana/folder.stackplan'
      )
      expect(await createElectronHost(api).openDropped(new File([], 'folder.stackplan'))).toEqual({
        status: 'error',
        name: 'folder.stackplan',
        message: 'Could not open /home/ana/folder.stackplan: it is a folder, not a planning file.',
      })
    })

    it('turns a refused request into an error result rather than a rejection', async () => {
      const { api, invoke } = fakeApi({}, () => DROPPED)
      invoke.mockRejectedValueOnce(
        new Error('plan:openDropped refused: argument 1.path must be at most 4096')
      )
      expect(await createElectronHost(api).openDropped(droppedFile())).toEqual({
        status: 'error',
        name: 'budget.stackplan',
        message: 'plan:openDropped refused: argument 1.path must be at most 4096',
      })
    })

    it.each([
      ['has no path on disk', ''],
      ['is not a .stackplan file', '/home/ana/Downloads/budget.json'],
    ])('that %s is read in the page, without a path, as before', async (_name, filePath) => {
      const { api, invoke } = fakeApi({}, () => filePath)
      expect(await createElectronHost(api).openDropped(droppedFile())).toEqual({
        status: 'opened',
        doc: { ref: null, name: 'budget.stackplan', text: '{"dropped": "content"}' },
      })
      expect(invoke).not.toHaveBeenCalled()
    })
  })
})
