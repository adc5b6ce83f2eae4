// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import AssumptionPicker from '../../renderer/src/components/AssumptionPicker.vue'
import { i18n } from '../../renderer/src/i18n'
import { mountWithStores } from './mount'

function optionText(wrapper: ReturnType<typeof mountWithStores>['wrapper'], key: string): string {
  return wrapper.get(`option[value="${key}"]`).text()
}

describe('AssumptionPicker', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it('names each choice by its label and unit', () => {
    const { wrapper } = mountWithStores(AssumptionPicker, {
      props: { label: 'Assumption', modelValue: 'vmware.usdPerCoreYear.vcf' },
    })
    expect(optionText(wrapper, 'vmware.usdPerCoreYear.vcf')).toBe('VCF price (USD per core per year)')
  })

  it('never nests brackets in Chinese, where a share’s unit carries its own', async () => {
    const { wrapper } = mountWithStores(AssumptionPicker, {
      props: { label: '假设', modelValue: 'host.maxCpuUtilization' },
    })
    i18n.global.locale.value = 'zh-CN'
    await wrapper.vm.$nextTick()
    const text = optionText(wrapper, 'host.maxCpuUtilization')
    expect(text).toBe('CPU 规划上限 · %（每周峰值时物理核的繁忙比例）')
    for (const option of wrapper.findAll('option')) expect(option.text()).not.toMatch(/\([^)]*（/)
  })
})
