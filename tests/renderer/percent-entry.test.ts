// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import fc from 'fast-check'
import { findAssumption, type Assumption } from '@models'
import AssumptionField from '../../renderer/src/components/AssumptionField.vue'
import { percentToFractionText, toDisplayNumber } from '../../renderer/src/format/share'
import { i18n } from '../../renderer/src/i18n'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { mountWithStores } from './mount'

function assumption(key: string): Assumption {
  const a = findAssumption(key)
  if (!a) throw new Error(`no assumption ${key}`)
  return a
}

function mountField(key: string): ReturnType<typeof mountWithStores>['wrapper'] {
  return mountWithStores(AssumptionField, { props: { assumption: assumption(key) } }).wrapper
}

async function type(wrapper: ReturnType<typeof mountWithStores>['wrapper'], text: string): Promise<void> {
  const input = wrapper.get('input[type="text"]')
  await input.setValue(text)
  await input.trigger('change')
  await nextTick()
}

const inputValue = (wrapper: ReturnType<typeof mountWithStores>['wrapper']): string =>
  (wrapper.get('input[type="text"]').element as HTMLInputElement).value

describe('shares are entered and shown in percent; the plan keeps fractions', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it('shows the pet share default 0.6 as 60 with a percent unit', () => {
    const wrapper = mountField('workload.petShare')
    expect(inputValue(wrapper)).toBe('60')
    expect(wrapper.get('.unit').text()).toBe('% of VMs that need VM-level HA')
    // The allowed range [0, 1] is written in the field's own unit.
    expect(wrapper.get('.hint').text()).toContain('allowed 0\u202f% to 100\u202f%')
  })

  it.each([
    // typed → stored fraction (typed ÷ 100)
    ['2', 0.02],
    ['20', 0.2],
    ['20%', 0.2],
    ['20 %', 0.2],
    ['7', 0.07],
    ['-10', -0.1],
    ['150', 1.5],
  ])('growth typed as %j is stored as %d', async (typed, fraction) => {
    const wrapper = mountField('workload.growthPerYear')
    const store = usePlanStore()
    await type(wrapper, typed)
    expect(wrapper.find('[data-testid="problem"]').exists()).toBe(false)
    expect(store.values['workload.growthPerYear']).toBe(fraction)
    // The field shows the percent again, without binary noise (0.07 × 100 is 7.000000000000001 in floats).
    expect(inputValue(wrapper)).toBe(typed.replace(/\s*%$/, ''))
  })

  it('"2" for growth is 2 %, never 200 %', async () => {
    const wrapper = mountField('workload.growthPerYear')
    await type(wrapper, '2')
    expect(usePlanStore().values['workload.growthPerYear']).not.toBe(2)
    expect(wrapper.get('.hint').text()).toContain('default 0\u202f%')
  })

  it('refuses 250 % for growth (allowed −50 % to 200 %) with the label and the range in percent', async () => {
    const wrapper = mountField('workload.growthPerYear')
    const store = usePlanStore()
    await type(wrapper, '250')
    const problem = wrapper.get('[data-testid="problem"]').text()
    // The refused value and the range are both in percent: 2.5 (stored) is shown as 250 %.
    expect(problem).toBe('Growth per year = 250\u202f% is out of range (allowed: -50\u202f% to 200\u202f%).')
    expect(store.isDirty).toBe(false)
    expect(inputValue(wrapper)).toBe('250')
  })

  it('refuses text that is not a number', async () => {
    const wrapper = mountField('workload.petShare')
    await type(wrapper, 'half')
    expect(wrapper.find('[data-testid="problem"]').exists()).toBe(true)
    expect(usePlanStore().isDirty).toBe(false)
  })

  it('shows the percent unit in Chinese too', async () => {
    const wrapper = mountField('workload.growthPerYear')
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    expect(wrapper.get('.unit').text()).toBe('%')
    await type(wrapper, '5')
    expect(usePlanStore().values['workload.growthPerYear']).toBe(0.05)
  })

  it('non-shares are not scaled: a VCF price of 350 stays 350', async () => {
    const wrapper = mountField('vmware.usdPerCoreYear.vcf')
    await type(wrapper, '20')
    expect(usePlanStore().values['vmware.usdPerCoreYear.vcf']).toBe(20)
  })

  it('percent text and display number are inverse for any share a plan can hold', () => {
    const a = assumption('workload.growthPerYear')
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 20000 }), (basisPoints) => {
        const fraction = basisPoints / 10000
        const shown = toDisplayNumber(a, fraction)
        expect(Number(percentToFractionText(String(shown)))).toBe(fraction)
      })
    )
  })
})
