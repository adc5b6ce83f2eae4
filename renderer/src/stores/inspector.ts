import { acceptHMRUpdate, defineStore } from 'pinia'
import { shallowRef } from 'vue'

/**
 * Requests other views make of the assumptions inspector (linked views): "focus this assumption" expands
 * its group, clears a filter that hides it, scrolls to it and focuses its input. Each request is a new
 * object, so asking twice for the same key focuses it twice.
 */
export const useInspectorStore = defineStore('inspector', () => {
  const focusRequest = shallowRef<{ key: string } | null>(null)

  function focusAssumption(key: string): void {
    focusRequest.value = { key }
  }

  return { focusRequest, focusAssumption }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useInspectorStore, import.meta.hot))
