import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Category, Platform } from '@models'

/**
 * What another view asked the inspector to narrow to (linked views): the drivers (models `driversAt`, found by perturbing each assumption) of
 * one platform's cost, of one category, or of one category of one platform. `vms` names the fleet size of a
 * clicked curve point, for the chip's wording.
 */
export interface DriverQuery {
  platform: Platform | null
  category: Category | null
  vms: number | null
}

/**
 * Requests other views make of the assumptions inspector (linked views): "focus this assumption" expands
 * its group, clears a filter that hides it, scrolls to it and focuses its input. Each request is a new
 * object, so asking twice for the same key focuses it twice.
 *
 * `drivers` narrows the inspector to the assumptions behind a cost; null shows all. The breakdown (a
 * category row, or a platform's bar segment) and the cost curves (a clicked point) set it; the inspector's
 * chip and its filter box clear it.
 */
export const useInspectorStore = defineStore('inspector', () => {
  const focusRequest = shallowRef<{ key: string } | null>(null)
  const drivers = ref<DriverQuery | null>(null)
  const category = computed(() => drivers.value?.category ?? null)

  function focusAssumption(key: string): void {
    focusRequest.value = { key }
  }

  function showDrivers(
    c: Category | null,
    platform: Platform | null = null,
    vms: number | null = null
  ): void {
    drivers.value = c === null && platform === null ? null : { category: c, platform, vms }
  }

  function showAll(): void {
    drivers.value = null
  }

  return { focusRequest, focusAssumption, drivers, category, showDrivers, showAll }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useInspectorStore, import.meta.hot))
