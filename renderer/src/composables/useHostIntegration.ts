import { onBeforeUnmount, onMounted, watchEffect } from 'vue'
import { useHost, type MenuEvent } from '../host'
import { documentLabel, i18n } from '../i18n'
import { useDocumentStore } from '../stores/document'
import { useInventoryStore } from '../stores/inventory'
import { usePlanStore } from '../stores/plan'

/** "• name — Stackplan" while dirty, "name — Stackplan" otherwise. */
export function windowTitle(name: string, isDirty: boolean): string {
  return `${isDirty ? '• ' : ''}${name} — Stackplan`
}

/**
 * Connects the window to its host: title and dirty mark, native menu commands, the close request guard,
 * files opened from outside, recovery on start and the recovery snapshots while editing.
 */
export function useHostIntegration(): void {
  const host = useHost()
  const planStore = usePlanStore()
  const doc = useDocumentStore()
  const inventory = useInventoryStore()
  const offs: (() => void)[] = []

  watchEffect(() => {
    // Reading the locale makes the title follow a language switch.
    void i18n.global.locale.value
    const name = documentLabel({ fileName: planStore.fileName, planName: planStore.plan.name })
    host.setDocumentState({ title: windowTitle(name, planStore.isDirty), isDirty: planStore.isDirty })
  })
  watchEffect(() => host.setLanguage(i18n.global.locale.value))

  const runMenu = (event: MenuEvent): void => {
    switch (event.command) {
      case 'new':
        void doc.newDocument()
        break
      case 'open':
        void doc.open()
        break
      case 'openRecent':
        void doc.openRecent(event.ref)
        break
      case 'save':
        void doc.save()
        break
      case 'saveAs':
        void doc.saveAs()
        break
      case 'undo':
        planStore.undo()
        break
      case 'redo':
        planStore.redo()
        break
      case 'export':
        void doc.exportPdf()
        break
      case 'importInventory':
        inventory.requestPicker()
        break
    }
  }

  const beforeUnload = (e: BeforeUnloadEvent): void => {
    // The browser shows its own "leave site?" prompt; the recovery snapshot covers a forced close.
    if (planStore.isDirty) e.preventDefault()
  }

  onMounted(() => {
    offs.push(host.onMenu(runMenu))
    offs.push(host.onCloseRequested(() => void doc.handleCloseRequest()))
    offs.push(host.onOpenedExternally((result) => void doc.openExternal(result)))
    offs.push(doc.startRecoverySnapshots())
    if (host.kind === 'browser') {
      window.addEventListener('beforeunload', beforeUnload)
      offs.push(() => window.removeEventListener('beforeunload', beforeUnload))
    }
    void doc.offerRecovery()
  })
  onBeforeUnmount(() => offs.splice(0).forEach((off) => off()))
}
