import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'

export interface DialogButton {
  id: string
  label: string
  kind?: 'primary' | 'danger' | 'plain'
}

export interface DialogRequest {
  title: string
  message: string
  /** Smaller text under the message (a path, the parser's words). */
  detail?: string
  buttons: DialogButton[]
  /** The answer when the dialog is dismissed with Escape. */
  cancelId: string
  tone?: 'question' | 'error'
}

interface PendingDialog extends DialogRequest {
  id: number
  resolve: (answer: string) => void
}

/** In-window modal questions (unsaved changes, conflicts, errors, recovery), one at a time, as promises. */
export const useDialogStore = defineStore('dialog', () => {
  const queue = shallowRef<PendingDialog[]>([])
  let nextId = 1
  const current = computed(() => queue.value[0] ?? null)

  function ask(request: DialogRequest): Promise<string> {
    return new Promise((resolve) => {
      queue.value = [...queue.value, { ...request, id: nextId++, resolve }]
    })
  }

  /** An error with a single OK button. */
  async function alert(title: string, message: string, detail?: string, okLabel = 'OK'): Promise<void> {
    await ask({
      title,
      message,
      ...(detail ? { detail } : {}),
      buttons: [{ id: 'ok', label: okLabel, kind: 'primary' }],
      cancelId: 'ok',
      tone: 'error',
    })
  }

  function answer(id: string): void {
    const head = queue.value[0]
    if (!head) return
    queue.value = queue.value.slice(1)
    head.resolve(id)
  }

  return { queue, current, ask, alert, answer }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDialogStore, import.meta.hot))
