import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import { planTransition, type TransitionResult } from '@models'
import { usePlanStore } from './plan'

/**
 * The stay-or-move comparison of the active scenario, computed by the model from the plan (never stored),
 * and whether the headline should give it (`transition.enabled`).
 */
export const useTransitionStore = defineStore('transition', () => {
  const planStore = usePlanStore()
  const result = computed((): (TransitionResult & { scenario: string }) | null => {
    if (planStore.problems.length > 0) return null
    try {
      return planTransition(planStore.plan, { scenarioId: planStore.activeScenarioId })
    } catch {
      return null
    }
  })
  const isInHeadline = computed(() => planStore.values['transition.enabled'] === true)
  return { result, isInHeadline }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTransitionStore, import.meta.hot))
