// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createDefaultPlan, serializePlanFile } from '@models'
import { createBrowserHost } from '../../renderer/src/host/browser-host'
import { setHost, type Host, type HostSaveResult } from '../../renderer/src/host'
import { i18n } from '../../renderer/src/i18n'
import { useDialogStore } from '../../renderer/src/stores/dialog'
import { useDocumentStore } from '../../renderer/src/stores/document'
import { usePlanStore } from '../../renderer/src/stores/plan'

function fakeHost(overrides: Partial<Host> = {}): Host {
  return {
    ...createBrowserHost({ classicFiles: true, storage: window.localStorage }),
    save: vi.fn(async (): Promise<HostSaveResult> => ({ status: 'saved', ref: 'p', name: 'p.stackplan' })),
    saveAs: vi.fn(async (): Promise<HostSaveResult> => ({ status: 'saved', ref: 'p', name: 'p.stackplan' })),
    ...overrides,
  }
}

/** Answers the next dialog with `id` once it appears. */
async function answerNext(id: string): Promise<string> {
  const dialogs = useDialogStore()
  await vi.waitFor(() => expect(dialogs.current).not.toBeNull())
  const title = dialogs.current!.title
  dialogs.answer(id)
  return title
}

describe('document store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    window.localStorage.clear()
  })
  afterEach(() => {
    setHost(null)
    i18n.global.locale.value = 'en'
  })

  it('opens a valid planning file as a clean document', async () => {
    setHost(fakeHost())
    const plan = createDefaultPlan()
    plan.name = 'Renewal'
    const text = serializePlanFile(plan, { appVersion: '0.1.0', savedAt: new Date(0) })
    expect(await useDocumentStore().openText(text, { ref: null, name: 'renewal.stackplan' })).toBe(true)
    const store = usePlanStore()
    expect(store.plan.name).toBe('Renewal')
    expect(store.isDirty).toBe(false)
  })

  it.each([
    ['{"format": "stackplan", "formatVersion": 1,', 'damaged'],
    ['{"hello": 1}', 'not a Stackplan planning file'],
  ])(
    'a failed open (%s) shows a typed error and leaves the current document untouched',
    async (text, summary) => {
      setHost(fakeHost())
      const store = usePlanStore()
      store.setValue('power.pue', 1.3)
      const before = store.plan
      const opening = useDocumentStore().openText(text, { ref: null, name: 'bad.stackplan' })
      const dialogs = useDialogStore()
      await vi.waitFor(() => expect(dialogs.current).not.toBeNull())
      expect(dialogs.current!.title).toContain('bad.stackplan')
      expect(dialogs.current!.tone).toBe('error')
      expect(dialogs.current!.message).toContain(summary)
      dialogs.answer('ok')
      expect(await opening).toBe(false)
      expect(store.plan).toBe(before)
      expect(store.isDirty).toBe(true)
    }
  )

  it.each([
    ['en', 'Invalid value at vmware.usdPerCoreYear.vcf: -5 is out of range (allowed: 0 to 10,000)'],
    ['zh-CN', 'VCF 价格的值 -5 超出允许范围：0 到 10,000。'],
  ] as const)('a file with a value out of range names it in %s', async (locale, detail) => {
    setHost(fakeHost())
    i18n.global.locale.value = locale
    const plan = createDefaultPlan()
    const text = serializePlanFile(plan, { appVersion: '0.1.0', savedAt: new Date(0) }).replace(
      '"assumptions": {}',
      '"assumptions": { "vmware.usdPerCoreYear.vcf": -5 }'
    )
    const opening = useDocumentStore().openText(text, { ref: null, name: 'bad.stackplan' })
    const dialogs = useDialogStore()
    await vi.waitFor(() => expect(dialogs.current).not.toBeNull())
    expect(dialogs.current!.detail).toBe(detail)
    dialogs.answer('ok')
    expect(await opening).toBe(false)
  })

  it('save marks the saved version clean; a failed save keeps it dirty and says which step failed', async () => {
    const failing = fakeHost({
      saveAs: vi.fn(async (): Promise<HostSaveResult> => ({
        status: 'error',
        step: 'rename',
        name: 'p.stackplan',
        message: 'EACCES',
      })),
    })
    setHost(failing)
    const store = usePlanStore()
    const doc = useDocumentStore()
    store.setValue('power.pue', 1.3)
    const saving = doc.save()
    expect(await answerNext('ok')).toContain('Could not save')
    expect(await saving).toBe(false)
    expect(store.isDirty).toBe(true)

    setHost(fakeHost())
    expect(await doc.save()).toBe(true)
    expect(store.isDirty).toBe(false)
    expect(store.docRef).toBe('p')
  })

  it('a conflict asks Overwrite / Save As / Cancel; Overwrite saves with overwrite', async () => {
    const save = vi
      .fn<Host['save']>()
      .mockResolvedValueOnce({ status: 'conflict', name: 'p.stackplan' })
      .mockResolvedValueOnce({ status: 'saved', ref: 'p', name: 'p.stackplan' })
    setHost({ ...fakeHost({ save }), canSaveInPlace: true })
    const store = usePlanStore()
    store.load(createDefaultPlan(), { ref: 'p', name: 'p.stackplan', isSaved: true })
    store.setValue('power.pue', 1.3)
    const saving = useDocumentStore().save()
    const dialogs = useDialogStore()
    await vi.waitFor(() => expect(dialogs.current).not.toBeNull())
    expect(dialogs.current!.buttons.map((b) => b.id)).toEqual(['cancel', 'saveAs', 'overwrite'])
    dialogs.answer('overwrite')
    expect(await saving).toBe(true)
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ ref: 'p', overwrite: true }))
    expect(store.isDirty).toBe(false)
  })

  it('New over unsaved work asks first; Cancel keeps the work', async () => {
    setHost(fakeHost())
    const store = usePlanStore()
    store.setValue('power.pue', 1.3)
    const creating = useDocumentStore().newDocument()
    expect(await answerNext('cancel')).toContain('Save changes')
    await creating
    expect(store.values['power.pue']).toBe(1.3)
    const again = useDocumentStore().newDocument()
    await answerNext('discard')
    await again
    expect(store.values['power.pue']).toBe(1.54)
    expect(store.isDirty).toBe(false)
  })

  it('snapshots unsaved work about a second after an edit and offers it back on the next start', async () => {
    vi.useFakeTimers()
    try {
      setHost(fakeHost())
      const store = usePlanStore()
      const stop = useDocumentStore().startRecoverySnapshots()
      store.setValue('power.pue', 1.3)
      await vi.advanceTimersByTimeAsync(1100)
      stop()
      const keys = Object.keys(window.localStorage).filter((k) => k.startsWith('stackplan.recovery.'))
      expect(keys).toHaveLength(1)
    } finally {
      vi.useRealTimers()
    }
    // A new window (fresh stores) finds the snapshot.
    setActivePinia(createPinia())
    const recovering = useDocumentStore().offerRecovery()
    expect(await answerNext('recover')).toContain('Recover')
    await recovering
    expect(usePlanStore().values['power.pue']).toBe(1.3)
    expect(usePlanStore().isDirty).toBe(true)
  })

  it('a dropped file opens through the host with the ref it gives, so Save writes back in place', async () => {
    const plan = createDefaultPlan()
    plan.name = 'Dropped'
    const text = serializePlanFile(plan, { appVersion: '0.1.0', savedAt: new Date(0) })
    const openDropped = vi.fn<Host['openDropped']>(async () => ({
      status: 'opened',
      doc: { ref: '/home/ana/dropped.stackplan', name: 'dropped.stackplan', text },
    }))
    const host = { ...fakeHost({ openDropped }), canSaveInPlace: true }
    setHost(host)
    const file = new File([text], 'dropped.stackplan')
    expect(await useDocumentStore().openDroppedFile(file)).toBe(true)
    expect(openDropped).toHaveBeenCalledExactlyOnceWith(file)
    const store = usePlanStore()
    expect(store.plan.name).toBe('Dropped')
    expect(store.docRef).toBe('/home/ana/dropped.stackplan')
    store.setValue('power.pue', 1.3)
    expect(await useDocumentStore().save()).toBe(true)
    expect(host.save).toHaveBeenCalledWith(expect.objectContaining({ ref: '/home/ana/dropped.stackplan' }))
    expect(host.saveAs).not.toHaveBeenCalled()
  })
})
