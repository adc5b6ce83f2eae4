import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Category } from '@models'

/**
 * Requests other views make of the assumptions inspector (linked views): "focus this assumption" expands
 * its group, clears a filter that hides it, scrolls to it and focuses its input. Each request is a new
 * object, so asking twice for the same key focuses it twice.
 *
 * `category` is the cost category whose drivers (CATEGORY_DRIVERS) the inspector shows instead of every
 * assumption; null shows all. The breakdown sets it; the inspector's chip and its filter box clear it.
 */
export const useInspectorStore = defineStore('inspector', () => {
  const focusRequest = shallowRef<{ key: string } | null>(null)
  const category = ref<Category | null>(null)

  function focusAssumption(key: string): void {
    focusRequest.value = { key }
  }

  function showDrivers(c: Category): void {
    category.value = c
  }

  function showAll(): void {
    category.value = null
  }

  return { focusRequest, focusAssumption, category, showDrivers, showAll }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useInspectorStore, import.meta.hot))
