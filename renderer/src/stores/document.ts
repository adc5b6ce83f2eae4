import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { PLAN_FILE_ERROR_KINDS, parsePlanFile, serializePlanFile, type PlanFileError } from '@models'
import { version as appVersion } from '../../../package.json'
import { useHost, type HostOpenResult, type HostSaveResult } from '../host'
import { valueIssueText } from '../format/value-issue'
import { documentLabel, i18n } from '../i18n'
import { useDialogStore } from './dialog'
import { useExportStore } from './export'
import { usePlanStore } from './plan'
import { choiceLabel } from '../i18n/choice-labels'

const SNAPSHOT_DELAY_MS = 1000

/** A file name for the plan: its name with characters file systems refuse replaced, plus the extension. */
export function suggestedFileName(name: string): string {
  const printable = Array.from(name, (ch) => (ch.charCodeAt(0) < 32 ? '-' : ch)).join('')
  const base =
    printable
      .replace(/[\\/:*?"<>|]+/g, '-')
      .trim()
      .slice(0, 120) || 'plan'
  return base.toLowerCase().endsWith('.stackplan') ? base : `${base}.stackplan`
}

/**
 * File flows of the window: New, Open, Save, Save As, the unsaved-changes guard, conflicts, typed open
 * errors and crash recovery. Talks to the host; the plan store holds the document.
 */
/**
 * The detail line of a file that could not be opened: English keeps the reader's sentence (key path, line
 * and column); other languages word a refused assumption value from its code, with the label and range.
 */
function planErrorDetail(error: PlanFileError): string {
  const locale = i18n.global.locale.value
  if (locale === 'en' || !error.issue) return error.message
  const { t } = i18n.global
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 })
  return valueIssueText(error.issue, {
    t: (key, params) => t(key, params ?? {}),
    locale,
    number: (v) => number.format(v),
    choice: (option, key) => choiceLabel(key, option, locale),
  })
}

export const useDocumentStore = defineStore('document', () => {
  const planStore = usePlanStore()
  const dialogs = useDialogStore()
  const isBusy = ref(false)
  const t = i18n.global.t
  let snapshotTimer: ReturnType<typeof setTimeout> | null = null
  const label = (): string => documentLabel({ fileName: planStore.fileName, planName: planStore.plan.name })

  function serialize(): { text: string; version: number } {
    return {
      text: serializePlanFile(planStore.plan, { appVersion, savedAt: new Date() }),
      version: planStore.editVersion,
    }
  }

  /** Serializes for a save; a plan the model refuses to write becomes an error dialog, not an exception. */
  async function serializeForSave(): Promise<{ text: string; version: number } | null> {
    try {
      return serialize()
    } catch (error) {
      await dialogs.alert(
        t('dialog.saveFailedTitle', { name: label() }),
        t('dialog.saveFailedMessage', { step: 'serialize' }),
        error instanceof Error ? error.message : String(error),
        t('dialog.ok')
      )
      return null
    }
  }

  /** Ask Save / Don't save / Cancel when there are unsaved changes. True: go on. */
  async function confirmDiscard(): Promise<boolean> {
    if (!planStore.isDirty) return true
    const answer = await dialogs.ask({
      title: t('dialog.unsavedTitle', { name: label() }),
      message: t('dialog.unsavedMessage'),
      buttons: [
        { id: 'cancel', label: t('dialog.cancel') },
        { id: 'discard', label: t('dialog.dontSave'), kind: 'danger' },
        { id: 'save', label: t('dialog.save'), kind: 'primary' },
      ],
      cancelId: 'cancel',
      tone: 'question',
    })
    if (answer === 'save') return save()
    // The recovery snapshot of the discarded work goes only once the next document is in place.
    return answer === 'discard'
  }

  async function newDocument(): Promise<void> {
    if (!(await confirmDiscard())) return
    await useHost().discardRecovery(planStore.docId)
    planStore.newPlan()
  }

  /** Loads text as the document. On any error the current document stays as it is. */
  async function openText(text: string, doc: { ref: string | null; name: string }): Promise<boolean> {
    const parsed = parsePlanFile(text)
    if (!parsed.ok) {
      const kind = parsed.error.kind
      const title = t('dialog.openFailedTitle', { name: doc.name })
      const summary = t(`dialog.planError.${PLAN_FILE_ERROR_KINDS.includes(kind) ? kind : 'other'}`)
      await dialogs.alert(title, summary, planErrorDetail(parsed.error), t('dialog.ok'))
      return false
    }
    await useHost().discardRecovery(planStore.docId)
    planStore.load(parsed.value.plan, { ref: doc.ref, name: doc.name, isSaved: true })
    return true
  }

  async function handleOpenResult(result: HostOpenResult): Promise<boolean> {
    if (result.status === 'cancelled') return false
    if (result.status === 'error') {
      await dialogs.alert(
        t('dialog.openFailedTitle', { name: result.name }),
        result.message,
        undefined,
        t('dialog.ok')
      )
      return false
    }
    return openText(result.doc.text, { ref: result.doc.ref, name: result.doc.name })
  }

  async function open(): Promise<boolean> {
    if (!(await confirmDiscard())) return false
    return handleOpenResult(await useHost().open())
  }

  async function openRecent(ref: string): Promise<boolean> {
    if (!(await confirmDiscard())) return false
    return handleOpenResult(await useHost().openRecent(ref))
  }

  /** A file opened from outside (OS, second instance) or dropped on the window. */
  async function openExternal(result: HostOpenResult): Promise<boolean> {
    if (result.status === 'cancelled') return false
    if (!(await confirmDiscard())) return false
    return handleOpenResult(result)
  }

  async function openDroppedFile(file: File): Promise<boolean> {
    return openExternal(await useHost().openDropped(file))
  }

  async function handleSaveResult(result: HostSaveResult, version: number): Promise<boolean> {
    switch (result.status) {
      case 'saved':
        planStore.markSaved({ ref: result.ref, name: result.name }, version)
        await useHost().discardRecovery(planStore.docId)
        return true
      case 'cancelled':
        return false
      case 'conflict': {
        const answer = await dialogs.ask({
          title: t('dialog.conflictTitle', { name: result.name }),
          message: t('dialog.conflictMessage'),
          buttons: [
            { id: 'cancel', label: t('dialog.cancel') },
            { id: 'saveAs', label: t('dialog.saveAs') },
            { id: 'overwrite', label: t('dialog.overwrite'), kind: 'danger' },
          ],
          cancelId: 'cancel',
          tone: 'question',
        })
        if (answer === 'overwrite') return saveInPlace(true)
        if (answer === 'saveAs') return saveAs()
        return false
      }
      case 'error':
        await dialogs.alert(
          t('dialog.saveFailedTitle', { name: result.name }),
          t('dialog.saveFailedMessage', { step: result.step }),
          result.message,
          t('dialog.ok')
        )
        return false
    }
  }

  async function saveInPlace(overwrite: boolean): Promise<boolean> {
    const ref = planStore.docRef
    if (!ref) return saveAs()
    const serialized = await serializeForSave()
    if (!serialized) return false
    const { text, version } = serialized
    isBusy.value = true
    try {
      return await handleSaveResult(await useHost().save({ ref, text, overwrite }), version)
    } finally {
      isBusy.value = false
    }
  }

  async function save(): Promise<boolean> {
    const host = useHost()
    if (planStore.docRef && host.canSaveInPlace) return saveInPlace(false)
    return saveAs()
  }

  async function saveAs(): Promise<boolean> {
    const serialized = await serializeForSave()
    if (!serialized) return false
    const { text, version } = serialized
    const suggestedName = suggestedFileName(planStore.fileName ?? planStore.plan.name)
    isBusy.value = true
    try {
      return await handleSaveResult(await useHost().saveAs({ text, suggestedName }), version)
    } finally {
      isBusy.value = false
    }
  }

  /** Export PDF (menu, Ctrl+P): opens the report view, where the paper is chosen and the PDF saved. */
  async function exportPdf(): Promise<void> {
    useExportStore().openReport()
  }

  /** The window is asked to close: guard unsaved work, then tell the host. */
  async function handleCloseRequest(): Promise<void> {
    const proceed = await confirmDiscard()
    if (proceed) await useHost().discardRecovery(planStore.docId)
    await useHost().confirmClose(proceed)
  }

  /** Offers the newest unsaved snapshot left by a crash; recovering keeps it dirty until saved. */
  async function offerRecovery(): Promise<void> {
    const host = useHost()
    const snapshots = await host.listRecovery()
    for (const s of snapshots) {
      const time = new Date(s.snapshotAtMs).toLocaleString(i18n.global.locale.value)
      const answer = await dialogs.ask({
        title: t('dialog.recoveryTitle'),
        message: t('dialog.recoveryMessage', { name: s.name, time }),
        buttons: [
          { id: 'discard', label: t('dialog.discard'), kind: 'danger' },
          { id: 'recover', label: t('dialog.recover'), kind: 'primary' },
        ],
        cancelId: 'later',
        tone: 'question',
      })
      if (answer === 'discard') await host.discardRecovery(s.docId)
      if (answer !== 'recover') continue
      const parsed = parsePlanFile(s.text)
      if (!parsed.ok) {
        await host.discardRecovery(s.docId)
        continue
      }
      planStore.load(parsed.value.plan, {
        ref: s.ref,
        name: s.ref ? s.name : null,
        isSaved: false,
        docId: s.docId,
      })
      return
    }
  }

  /** Snapshots unsaved work about a second after the last edit (and forgets it once saved). */
  function startRecoverySnapshots(): () => void {
    const stop = watch(
      () => planStore.editVersion,
      () => {
        if (snapshotTimer) clearTimeout(snapshotTimer)
        snapshotTimer = setTimeout(() => {
          snapshotTimer = null
          const host = useHost()
          if (!planStore.isDirty) {
            void host.discardRecovery(planStore.docId)
            return
          }
          let text: string
          try {
            text = serialize().text
          } catch {
            return
          }
          void host.snapshot({
            docId: planStore.docId,
            ref: planStore.docRef,
            name: label(),
            text,
            snapshotAtMs: Date.now(),
          })
        }, SNAPSHOT_DELAY_MS)
      }
    )
    return () => {
      stop()
      if (snapshotTimer) clearTimeout(snapshotTimer)
    }
  }

  return {
    isBusy,
    confirmDiscard,
    newDocument,
    open,
    openRecent,
    openText,
    openExternal,
    openDroppedFile,
    save,
    saveAs,
    exportPdf,
    handleCloseRequest,
    offerRecovery,
    startRecoverySnapshots,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDocumentStore, import.meta.hot))
