import { onBeforeUnmount, onMounted } from 'vue'
import { useHost } from '../host'
import { useDocumentStore } from '../stores/document'
import { usePlanStore } from '../stores/plan'

/** True when a text field is mid-edit and should get the browser's own text undo. */
function isEditingText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    return target.dataset.editing === 'true' || target.dataset.nativeUndo === 'true'
  }
  return target.isContentEditable
}

/**
 * Keyboard shortcuts of the browser build (Electron's native menu owns them there): Ctrl/Cmd+Z undo,
 * Shift+Ctrl/Cmd+Z and Ctrl+Y redo, Ctrl/Cmd+S save, Shift+Ctrl/Cmd+S save as, Ctrl/Cmd+O open, Ctrl/Cmd+N new.
 */
export function useShortcuts(): void {
  const planStore = usePlanStore()
  const doc = useDocumentStore()

  const onKey = (e: KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return
    const key = e.key.toLowerCase()
    if (key === 'z' || key === 'y') {
      if (isEditingText(e.target)) return
      e.preventDefault()
      if (key === 'y' || e.shiftKey) planStore.redo()
      else planStore.undo()
      return
    }
    const actions: Record<string, () => unknown> = {
      s: () => (e.shiftKey ? doc.saveAs() : doc.save()),
      o: () => doc.open(),
      n: () => doc.newDocument(),
    }
    const action = actions[key]
    if (!action) return
    e.preventDefault()
    void action()
  }

  onMounted(() => {
    if (useHost().kind === 'browser') window.addEventListener('keydown', onKey)
  })
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
