// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { findAssumption, type Assumption } from '@models'
import AssumptionField from '../../renderer/src/components/AssumptionField.vue'
import { i18n } from '../../renderer/src/i18n'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { useSettingsStore } from '../../renderer/src/stores/settings'
import { mountWithStores } from './mount'

function assumption(key: string): Assumption {
  const a = findAssumption(key)
  if (!a) throw new Error(`no assumption ${key}`)
  return a
}

async function type(wrapper: ReturnType<typeof mountWithStores>['wrapper'], text: string): Promise<void> {
  const input = wrapper.get('input[type="text"]')
  await input.setValue(text)
  await input.trigger('change')
  await nextTick()
}

describe('AssumptionField', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it('shows the label, the value, the unit and the flag with its source', () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('vmware.usdPerCoreYear.vcf') },
    })
    expect(wrapper.get('label').text()).toBe('VCF price')
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('350')
    expect(wrapper.get('.unit').text()).toBe('USD per core per year')
    const flag = wrapper.get('.flag')
    expect(flag.text()).toBe('S')
    expect(flag.attributes('title')).toContain('reported paid prices 185–275')
  })

  it('commits a valid entry to the store and highlights it as changed', async () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('vmware.usdPerCoreYear.vcf') },
    })
    const store = usePlanStore()
    await type(wrapper, '1,200')
    expect(store.values['vmware.usdPerCoreYear.vcf']).toBe(1200)
    expect(wrapper.classes()).toContain('changed')
    expect(wrapper.find('[data-testid="problem"]').exists()).toBe(false)
    expect(wrapper.get('.hint').text()).toContain('default 350')
  })

  it('refuses an out-of-range entry with a message naming the range; the store keeps the last valid value', async () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('vmware.usdPerCoreYear.vcf') },
    })
    const store = usePlanStore()
    const before = store.plan
    await type(wrapper, '20000')
    const problem = wrapper.get('[data-testid="problem"]')
    expect(problem.text()).toContain('0 to 10,000')
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('true')
    expect(store.plan).toBe(before)
    expect(store.isDirty).toBe(false)
    // The entry stays in the field so the user can correct it.
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('20000')
  })

  it.each(['abc', '', 'NaN', 'Infinity', '1e309', '-1'])(
    'refuses %j without touching the plan',
    async (text) => {
      const { wrapper } = mountWithStores(AssumptionField, {
        props: { assumption: assumption('host.capexUsd') },
      })
      const store = usePlanStore()
      await type(wrapper, text)
      expect(wrapper.get('[data-testid="problem"]').text()).toMatch(/0 to 10,000,000/)
      expect(store.isDirty).toBe(false)
    }
  )

  it('names whole numbers for integer assumptions', async () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('host.sockets') },
    })
    await type(wrapper, '2.5')
    expect(wrapper.get('[data-testid="problem"]').text()).toMatch(/whole number/)
  })

  it('names the range in Chinese too', async () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('host.sockets') },
    })
    useSettingsStore().setLocale('zh-CN')
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    await type(wrapper, '99')
    expect(wrapper.get('[data-testid="problem"]').text()).toContain('1 到 8 的整数')
  })

  it('words an out-of-range value with the label and range, not the internal key, in English and 中文', async () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('vmware.usdPerCoreYear.vcf') },
    })
    await type(wrapper, '20000')
    expect(wrapper.get('[data-testid="problem"]').text()).toBe(
      'VCF price = 20,000 is out of range (allowed: 0 to 10,000).'
    )
    useSettingsStore().setLocale('zh-CN')
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    await type(wrapper, '-5')
    expect(wrapper.get('[data-testid="problem"]').text()).toBe('VCF 价格的值 -5 超出允许范围：0 到 10,000。')
  })

  it('words a whole-number refusal in 中文 with the Chinese label and range', async () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('host.sockets') },
    })
    useSettingsStore().setLocale('zh-CN')
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    await type(wrapper, '2.5')
    expect(wrapper.get('[data-testid="problem"]').text()).toBe(
      '每台主机 CPU 插槽数必须是整数（允许范围：1 到 8 的整数）。'
    )
  })

  it('resets a changed value to its default with one click', async () => {
    const { wrapper } = mountWithStores(AssumptionField, { props: { assumption: assumption('power.pue') } })
    const store = usePlanStore()
    await type(wrapper, '1.2')
    expect(store.values['power.pue']).toBe(1.2)
    await wrapper.get('[data-testid="reset"]').trigger('click')
    expect(store.values['power.pue']).toBe(1.54)
    expect(store.changed.has('power.pue')).toBe(false)
    expect((wrapper.get('input').element as HTMLInputElement).value).toBe('1.54')
    expect(wrapper.find('[data-testid="reset"]').exists()).toBe(false)
  })

  it('shows estimates softer, with an invitation to enter one’s own number', () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('host.capexUsd') },
    })
    expect(wrapper.classes()).toContain('soft')
    expect(wrapper.get('.flag').attributes('title')).toMatch(/Estimate: no public source/)
    expect(wrapper.get('.hint').text()).toContain('estimate: use your own')
  })

  it('renders booleans as checkboxes and choices as selects', async () => {
    const bool = mountWithStores(AssumptionField, {
      props: { assumption: assumption('vmware.dpmEnabled') },
    }).wrapper
    const box = bool.get('input[type="checkbox"]')
    expect((box.element as HTMLInputElement).checked).toBe(true)
    await box.setValue(false)
    expect(usePlanStore().values['vmware.dpmEnabled']).toBe(false)

    const choice = mountWithStores(AssumptionField, {
      props: { assumption: assumption('vmware.edition') },
    }).wrapper
    const select = choice.get('select')
    expect(select.findAll('option').map((o) => o.attributes('value'))).toEqual(['vvs', 'vvep', 'vvf', 'vcf'])
    await select.setValue('vvf')
    expect(usePlanStore().values['vmware.edition']).toBe('vvf')
  })
})
