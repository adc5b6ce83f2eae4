// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ChartOptions } from 'chart.js'
import type { SensitivityResult } from '@models'
import ReportTornado from '../../renderer/src/components/report/ReportTornado.vue'
import { i18n } from '../../renderer/src/i18n'

// jsdom has no canvas: the chart is a stand-in that keeps the options the report gives it.
vi.mock('vue-chartjs', async () => {
  const { defineComponent, h } = await import('vue')
  const Bar = defineComponent({
    name: 'BarStandIn',
    props: {
      data: { type: Object, required: true },
      options: { type: Object, required: true },
      plugins: { type: Array, default: () => [] },
    },
    setup: () => () => h('canvas'),
  })
  return { Bar }
})

/** A tornado of the payback month over a 60-month horizon: one row moves it from none to month 41. */
const PAYBACK: SensitivityResult = {
  target: 'paybackMonth',
  months: 60,
  vms: 1000,
  currency: 'USD',
  gap: 60,
  crossover: 1101,
  crossoverRange: { fromVms: 10, toVms: 100_000 },
  rows: [
    {
      key: 'transition.vmsPerMonth',
      value: 50,
      low: 40,
      high: 60,
      source: 'relative',
      gapLow: 60,
      gapHigh: 40,
      crossoverLow: 1101,
      crossoverHigh: 1101,
    },
  ],
}

describe('the report’s tornado follows the measure it was computed for', () => {
  it('names the payback month in its note, axis title and ticks', () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    i18n.global.locale.value = 'en'
    const wrapper = mount(ReportTornado, {
      props: { sensitivity: PAYBACK },
      global: { plugins: [pinia, i18n] },
    })
    expect(wrapper.get('.note').text()).toBe(
      'Payback month of moving at 1,000 VMs (counted from 1; “none”: not within the horizon), each assumption alone at its low and high. Bars start at the payback with every assumption as entered (the rule).'
    )
    const options = wrapper.findComponent({ name: 'BarStandIn' }).props('options') as ChartOptions<'bar'>
    const x = options.scales?.x as { title: { text: string }; ticks: { callback: (v: number) => string } }
    expect(x.title.text).toBe('Payback month of moving (left: sooner; none = not within the horizon)')
    // Month index 40 is month 41 counted from 1; index 60, the horizon's length, is no payback.
    expect(x.ticks.callback.call(null, 40)).toBe('41')
    expect(x.ticks.callback.call(null, 60)).toBe('none')
    wrapper.unmount()
  })
})
