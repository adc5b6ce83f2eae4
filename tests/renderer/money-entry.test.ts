// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import fc from 'fast-check'
import { findAssumption, isNumberAssumption, type Assumption, type NumberAssumption } from '@models'
import AssumptionField from '../../renderer/src/components/AssumptionField.vue'
import DistributionEditor from '../../renderer/src/components/DistributionEditor.vue'
import { valueToInputText } from '../../renderer/src/format/assumptions'
import {
  shownPriceToUsd,
  shownPriceToUsdText,
  usdToShownPrice,
  type MoneyTerms,
} from '../../renderer/src/format/money-entry'
import { i18n } from '../../renderer/src/i18n'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { mountWithStores } from './mount'

const NBSP = '\u00a0'
const VCF = 'vmware.usdPerCoreYear.vcf'

function assumption(key: string): Assumption {
  const a = findAssumption(key)
  if (!a) throw new Error(`no assumption ${key}`)
  return a
}

function numberAssumption(key: string): NumberAssumption {
  const a = findAssumption(key)
  if (!isNumberAssumption(a)) throw new Error(`no number assumption ${key}`)
  return a
}

/** A field in a plan shown in euros at 0.92 EUR per USD. */
async function mountInEuros(
  key: string,
  rate = 0.92
): Promise<ReturnType<typeof mountWithStores>['wrapper']> {
  const { wrapper } = mountWithStores(AssumptionField, { props: { assumption: assumption(key) } })
  const store = usePlanStore()
  expect(store.setValue('finance.currency', 'EUR')).toBeNull()
  expect(store.setValue('finance.usdToCurrency', rate)).toBeNull()
  await nextTick()
  return wrapper
}

async function type(wrapper: ReturnType<typeof mountWithStores>['wrapper'], text: string): Promise<void> {
  const input = wrapper.get('input[type="text"]')
  await input.setValue(text)
  await input.trigger('change')
  await nextTick()
}

const inputValue = (wrapper: ReturnType<typeof mountWithStores>['wrapper']): string =>
  (wrapper.get('input[type="text"]').element as HTMLInputElement).value

describe('prices are shown and typed in the plan’s currency; the plan keeps dollars', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it('shows the VCF list price USD 350 as EUR 322 with the dollar default as reference', async () => {
    const wrapper = await mountInEuros(VCF)
    // 350 USD × 0.92 EUR/USD = 322 EUR
    expect(inputValue(wrapper)).toBe('322')
    expect(wrapper.get('input[type="text"]').attributes('data-currency')).toBe('EUR')
    expect(wrapper.get('.unit').text()).toBe('EUR per core per year')
    expect(wrapper.get('[data-testid="price-default"]').text()).toBe(`default USD${NBSP}350 ≈ EUR${NBSP}322`)
    // The allowed range 0–10,000 USD in euros: 10,000 × 0.92 = 9,200.
    expect(wrapper.get('.hint').text()).toContain(`allowed EUR${NBSP}0 to EUR${NBSP}9,200`)
  })

  it('stores 100 EUR as 100 ÷ 0.92 USD and reads back 100 EUR', async () => {
    const wrapper = await mountInEuros(VCF)
    const store = usePlanStore()
    await type(wrapper, '100')
    expect(wrapper.find('[data-testid="problem"]').exists()).toBe(false)
    // 100 / 0.92 = 108.69565217391…, kept to 12 significant digits
    expect(store.values[VCF]).toBe(108.695652174)
    expect(inputValue(wrapper)).toBe('100')
    // Reset names the default in euros.
    expect(wrapper.get('[data-testid="reset"]').attributes('aria-label')).toBe(
      `Reset VCF price to EUR${NBSP}322`
    )
    // The reference stays the catalog's dollar default.
    expect(wrapper.get('[data-testid="price-default"]').text()).toBe(`default USD${NBSP}350 ≈ EUR${NBSP}322`)
  })

  it('accepts the amount with its code and cents: "EUR 123.45" stores 134.184782609 USD', async () => {
    const wrapper = await mountInEuros(VCF)
    await type(wrapper, 'EUR 123.45')
    // 123.45 / 0.92 = 134.1847826086…
    expect(usePlanStore().values[VCF]).toBe(134.184782609)
    expect(inputValue(wrapper)).toBe('123.45')
  })

  it('accepts the shown maximum EUR 9,200 as exactly 10,000 USD', async () => {
    const wrapper = await mountInEuros(VCF)
    await type(wrapper, '9200')
    // 9,200 / 0.92 = 10,000.000000000002 in floats; the catalog maximum is 10,000.
    expect(wrapper.find('[data-testid="problem"]').exists()).toBe(false)
    expect(usePlanStore().values[VCF]).toBe(10000)
  })

  it('refuses EUR 9,300 with the label and the range in euros', async () => {
    const wrapper = await mountInEuros(VCF)
    const store = usePlanStore()
    const before = store.values[VCF]
    await type(wrapper, '9300')
    expect(wrapper.get('[data-testid="problem"]').text()).toBe(
      `VCF price = EUR${NBSP}9,300 is out of range (allowed: EUR${NBSP}0 to EUR${NBSP}9,200).`
    )
    expect(store.values[VCF]).toBe(before)
    expect(inputValue(wrapper)).toBe('9300')
  })

  it('converts host capex, electricity and salaries too; the rate itself and shares stay as they are', async () => {
    // 28,000 USD × 0.92 = 25,760 EUR
    expect(assumption('host.capexUsd').default).toBe(28000)
    expect(inputValue(await mountInEuros('host.capexUsd'))).toBe('25760')
    const kwh = assumption('power.usdPerKwh')
    const kwhField = await mountInEuros('power.usdPerKwh')
    // the default in dollars × 0.92, at the display precision
    expect(inputValue(kwhField)).toBe(
      valueToInputText(Number(((kwh.default as number) * 0.92).toPrecision(10)))
    )
    expect(inputValue(await mountInEuros('finance.usdToCurrency'))).toBe('0.92')
    expect(inputValue(await mountInEuros('workload.petShare'))).toBe('60')
  })

  it('names the currency in the Chinese unit', async () => {
    const wrapper = await mountInEuros(VCF)
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    expect(wrapper.get('.unit').text()).toBe('EUR / 核 / 年')
  })

  it('leaves prices in dollars when the plan shows USD', () => {
    const { wrapper } = mountWithStores(AssumptionField, { props: { assumption: assumption(VCF) } })
    expect(inputValue(wrapper)).toBe('350')
    expect(wrapper.get('.unit').text()).toBe('USD per core per year')
    expect(wrapper.find('[data-testid="price-default"]').exists()).toBe(false)
  })

  it('edits an uncertainty range in euros and saves it in dollars', async () => {
    const { wrapper } = mountWithStores(DistributionEditor, {
      props: { assumption: numberAssumption(VCF) },
      attachTo: document.body,
    })
    const store = usePlanStore()
    store.setValue('finance.currency', 'EUR')
    store.setValue('finance.usdToCurrency', 0.5)
    await nextTick()
    await wrapper.get('select').setValue('uniform')
    await wrapper.get('[data-testid="distribution-low"]').setValue('100')
    await wrapper.get('[data-testid="distribution-high"]').setValue('200')
    await wrapper.get('[data-testid="distribution-save"]').trigger('click')
    // 100 EUR ÷ 0.5 = 200 USD; 200 EUR ÷ 0.5 = 400 USD
    expect(store.plan.ranges[VCF]).toEqual({ kind: 'uniform', low: 200, high: 400 })
    wrapper.unmount()
  })
})

describe('the display → stored → display round trip does not drift', () => {
  const vcf = assumption(VCF)
  // Rates from 0.0001 to 10,000 with up to eight significant digits, as a user types them.
  const rate = fc.integer({ min: 1, max: 100_000_000 }).map((k) => k / 10_000)
  // Amounts in cents up to 10 million in the shown currency.
  const cents = fc.integer({ min: 0, max: 1_000_000_000 })
  const eur = (usdToCurrency: number): MoneyTerms => ({ currency: 'EUR', usdToCurrency })

  it('a typed amount reads back unchanged at the display precision', () => {
    fc.assert(
      fc.property(cents, rate, (c, r) => {
        const shown = c / 100
        const storedUsd = shownPriceToUsd(vcf, shown, eur(r))
        expect(usdToShownPrice(vcf, storedUsd, eur(r))).toBe(shown)
      }),
      { numRuns: 2000 }
    )
  })

  it('the typed text goes through the model’s text and back to the same text', () => {
    fc.assert(
      fc.property(cents, rate, (c, r) => {
        const typed = valueToInputText(c / 100)
        const storedUsd = Number(shownPriceToUsdText(vcf, typed, eur(r)))
        expect(valueToInputText(usdToShownPrice(vcf, storedUsd, eur(r)))).toBe(typed)
      })
    )
  })
})
