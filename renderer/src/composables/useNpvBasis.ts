import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { usePlanStore } from '../stores/plan'
import { useFormat } from './useFormat'

/**
 * What the NPV on the cost curves assumes, for the scenario on screen, in one sentence: the horizon, the
 * discount rate and the fleet's growth (the NPV curves grow each point's fleet by workload.growthPerYear a
 * year over the horizon, so without saying so a 10 % growth would change the curve and nothing would explain
 * why). The curves' legend and tooltip show it in the NPV view.
 */
export function useNpvBasis(): ComputedRef<string> {
  const { t } = useI18n()
  const fmt = useFormat()
  const planStore = usePlanStore()
  return computed(() => {
    const v = planStore.values
    const years = Number(v['finance.horizonYears'])
    const rate = fmt.value.percent(Number(v['finance.discountRate']), 1)
    const growth = Number(v['workload.growthPerYear'])
    const args = { years: fmt.value.integer(years), rate, growth: fmt.value.percent(growth, 1) }
    return t(growth === 0 ? 'chart.npvBasisNoGrowth' : 'chart.npvBasis', args, years)
  })
}
