// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import type { ChartOptions, TooltipItem } from 'chart.js'
import CostCurvesPanel from '../../renderer/src/components/CostCurvesPanel.vue'
import { i18n } from '../../renderer/src/i18n'
import { useSettingsStore } from '../../renderer/src/stores/settings'
import { usePlanStore } from '../../renderer/src/stores/plan'

// jsdom has no canvas: the chart is a stand-in that keeps the options the panel gives it.
vi.mock('vue-chartjs', async () => {
  const { defineComponent, h } = await import('vue')
  const Line = defineComponent({
    name: 'LineStandIn',
    props: {
      data: { type: Object, required: true },
      options: { type: Object, required: true },
      plugins: { type: Array, default: () => [] },
    },
    setup: () => () => h('canvas'),
  })
  return { Line }
})

function mountCurves(locale: 'en' | 'zh-CN' = 'en') {
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = locale
  useSettingsStore().locale = locale
  return mount(CostCurvesPanel, { global: { plugins: [pinia, i18n] } })
}

/** The tooltip line under the title, as Chart.js would ask for it. */
function afterTitle(wrapper: ReturnType<typeof mountCurves>): string {
  const options = wrapper.findComponent({ name: 'LineStandIn' }).props('options') as ChartOptions<'line'>
  const callback = options.plugins?.tooltip?.callbacks?.afterTitle as unknown as (
    items: TooltipItem<'line'>[]
  ) => string
  return callback([])
}

describe('what the NPV on the cost curves assumes', () => {
  it('states the horizon, discount rate and growth in the NPV view, in the legend and the tooltip', async () => {
    const wrapper = mountCurves()
    const store = usePlanStore()
    // Annual view: nothing about NPV.
    expect(wrapper.find('[data-testid="npv-basis"]').exists()).toBe(false)
    expect(afterTitle(wrapper)).toBe('')
    store.setMetric('npv')
    await nextTick()
    // Defaults: 5 years, 8 % discount rate, no growth.
    const noGrowth = 'NPV over 5 years discounted at 8\u202f% a year; no fleet growth'
    expect(wrapper.get('[data-testid="npv-basis"]').text()).toBe(noGrowth)
    expect(afterTitle(wrapper)).toBe(noGrowth)
    expect(store.setValue('workload.growthPerYear', 0.1)).toBeNull()
    expect(store.setValue('finance.horizonYears', 3)).toBeNull()
    await nextTick()
    const grown = 'NPV over 3 years discounted at 8\u202f% a year; each fleet size grows 10\u202f% a year'
    expect(wrapper.get('[data-testid="npv-basis"]').text()).toBe(grown)
    expect(afterTitle(wrapper)).toBe(grown)
    wrapper.unmount()
  })

  it('says it in Chinese too', async () => {
    const wrapper = mountCurves('zh-CN')
    const store = usePlanStore()
    store.setMetric('npv')
    expect(store.setValue('workload.growthPerYear', 0.05)).toBeNull()
    await nextTick()
    expect(wrapper.get('[data-testid="npv-basis"]').text()).toBe(
      '净现值按 5 年、贴现率 8% 计算；每个规模每年增长 5%'
    )
    wrapper.unmount()
    i18n.global.locale.value = 'en'
  })
})
