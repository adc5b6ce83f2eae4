// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { SensitivityResult, SensitivityRow } from '@models'
import TornadoChart from '../../renderer/src/components/TornadoChart.vue'
import { i18n } from '../../renderer/src/i18n'

// vue-chartjs's Bar stands in as a component that keeps the data the chart would draw (jsdom has no canvas).
vi.mock('vue-chartjs', async () => {
  const { defineComponent, h } = await import('vue')
  return {
    Bar: defineComponent({
      name: 'BarStub',
      props: {
        data: { type: Object, required: true },
        options: { type: Object, default: null },
        plugins: { type: Array, default: null },
      },
      setup: () => () => h('canvas'),
    }),
  }
})

const row = (key: string): SensitivityRow =>
  ({ key, value: 4, low: 2, high: 8, source: 'relative', gapLow: -1000, gapHigh: 1000 }) as SensitivityRow

function chartLabels(keys: string[], locale: 'en' | 'zh-CN' = 'en'): unknown[] {
  setActivePinia(createPinia())
  i18n.global.locale.value = locale
  const result = { gap: 0, vms: 1000, currency: 'USD', crossover: null } as unknown as SensitivityResult
  const wrapper = mount(TornadoChart, {
    props: { result, rows: keys.map(row) },
    global: { plugins: [createPinia(), i18n] },
  })
  const labels = (wrapper.findComponent({ name: 'BarStub' }).props('data') as { labels: unknown[] }).labels
  i18n.global.locale.value = 'en'
  return labels
}

describe('the tornado names its bars in full', () => {
  it('wraps a 42-character name over two lines instead of cutting it at 30', () => {
    // "Concurrent vMotions without shared storage" (42) in the narrowest label column (22 columns).
    expect(chartLabels(['migration.vmware.concurrentBlock', 'vmware.usdPerCoreYear.vcf'])).toEqual([
      ['Concurrent vMotions', 'without shared storage'],
      ['VCF price'],
    ])
  })

  it('wraps the Chinese name between characters, keeping the space before a Latin word', () => {
    // "无共享存储时的并发" is 8 wide characters = 16 columns; " vMotion" would make 24 > 22.
    expect(chartLabels(['migration.vmware.concurrentBlock'], 'zh-CN')).toEqual([
      ['无共享存储时的并发', 'vMotion 数'],
    ])
  })
})
