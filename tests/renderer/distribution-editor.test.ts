// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import {
  createDefaultPlan,
  distributionProblem,
  findAssumption,
  isNumberAssumption,
  withRange,
  type NumberAssumption,
} from '@models'
import AssumptionField from '../../renderer/src/components/AssumptionField.vue'
import DistributionEditor from '../../renderer/src/components/DistributionEditor.vue'
import { i18n } from '../../renderer/src/i18n'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { mountWithStores } from './mount'

type Wrapper = ReturnType<typeof mountWithStores>['wrapper']

function numberAssumption(key: string): NumberAssumption {
  const a = findAssumption(key)
  if (!isNumberAssumption(a)) throw new Error(`no numeric assumption ${key}`)
  return a
}

async function fill(wrapper: Wrapper, kind: string, ends: Record<string, string>): Promise<void> {
  await wrapper.get('[data-testid="distribution-kind"]').setValue(kind)
  for (const [field, text] of Object.entries(ends))
    await wrapper.get(`[data-testid="distribution-${field}"]`).setValue(text)
  await wrapper.get('[data-testid="distribution-save"]').trigger('click')
  await nextTick()
}

const VCF = 'vmware.usdPerCoreYear.vcf'

describe('DistributionEditor', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it('shows the default range of a list price and the allowed range', () => {
    const { wrapper } = mountWithStores(DistributionEditor, { props: { assumption: numberAssumption(VCF) } })
    const hint = wrapper.get('.hint').text()
    expect(hint).toContain('Allowed 0 to 10,000 USD per core per year')
    expect(hint).toContain('PERT 185 – 395')
    expect(wrapper.get('[data-testid="distribution-kind"] option').text()).toBe('Default range')
  })

  it('refuses an end outside the catalog range with a message naming the range; the plan is unchanged', async () => {
    const { wrapper } = mountWithStores(DistributionEditor, { props: { assumption: numberAssumption(VCF) } })
    const store = usePlanStore()
    const before = store.plan
    await fill(wrapper, 'triangular', { low: '300', likely: '350', high: '20000' })
    const problem = wrapper.get('[data-testid="distribution-problem"]')
    expect(problem.text()).toBe(
      'High 20000 is outside the allowed range of VCF price: 0 to 10,000 USD per core per year.'
    )
    expect(problem.attributes('role')).toBe('alert')
    expect(wrapper.get('[data-testid="distribution-high"]').attributes('aria-invalid')).toBe('true')
    expect(store.plan).toBe(before)
    expect(store.canUndo).toBe(false)
    expect(wrapper.emitted('close')).toBeUndefined()
  })

  it.each([
    ['triangular', { low: '400', likely: '350', high: '300' }, 'Low must not be above high.'],
    ['pert', { low: '300', likely: '450', high: '400' }, 'Most likely must lie between low and high.'],
    ['lognormal', { low: '0', high: '400' }, 'A lognormal range needs a low above 0.'],
    ['uniform', { low: 'abc', high: '400' }, 'Low: enter a number.'],
  ])('refuses %s %j: %s', async (kind, ends, message) => {
    const { wrapper } = mountWithStores(DistributionEditor, { props: { assumption: numberAssumption(VCF) } })
    await fill(wrapper, kind, ends)
    expect(wrapper.get('[data-testid="distribution-problem"]').text()).toBe(message)
    expect(usePlanStore().plan.ranges).toEqual({})
  })

  it('names the range in Chinese too', async () => {
    i18n.global.locale.value = 'zh-CN'
    const { wrapper } = mountWithStores(DistributionEditor, { props: { assumption: numberAssumption(VCF) } })
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    await fill(wrapper, 'uniform', { low: '-5', high: '400' })
    expect(wrapper.get('[data-testid="distribution-problem"]').text()).toBe(
      '低值 -5 超出VCF 价格的允许范围：0 到 10,000 USD / 核 / 年。'
    )
  })

  it('saves a valid range into plan.ranges as one undo step, and "default" removes it again', async () => {
    const { wrapper } = mountWithStores(DistributionEditor, { props: { assumption: numberAssumption(VCF) } })
    const store = usePlanStore()
    await fill(wrapper, 'pert', { low: '250', likely: '330', high: '420' })
    expect(wrapper.find('[data-testid="distribution-problem"]').exists()).toBe(false)
    expect(store.plan.ranges[VCF]).toEqual({ kind: 'pert', low: 250, likely: 330, high: 420 })
    expect(store.undoStack).toHaveLength(1)
    expect(wrapper.emitted('close')).toHaveLength(1)
    store.undo()
    expect(store.plan.ranges).toEqual({})
    store.redo()
    await fill(wrapper, 'none', {})
    expect(store.plan.ranges).toEqual({})
    expect(store.undoStack).toHaveLength(2)
  })

  it('opens from the ± button of a field, which then shows the range it holds', async () => {
    const { wrapper } = mountWithStores(AssumptionField, { props: { assumption: numberAssumption(VCF) } })
    expect(wrapper.find('[data-testid="distribution-editor"]').exists()).toBe(false)
    await wrapper.get('[data-testid="range-toggle"]').trigger('click')
    await fill(wrapper, 'uniform', { low: '300', high: '400' })
    expect(wrapper.find('[data-testid="distribution-editor"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="range-note"]').text()).toBe('Range: Uniform 300 – 400')
    expect(wrapper.get('[data-testid="range-toggle"]').classes()).toContain('on')
  })
})

describe('range edits', () => {
  const a = numberAssumption(VCF)

  it('checks the same rules as the planning file', () => {
    expect(distributionProblem(a, { kind: 'uniform', low: 0, high: 10_000 })).toBeNull()
    expect(distributionProblem(a, { kind: 'uniform', low: 5, high: 5 })).toBeNull()
    expect(distributionProblem(a, { kind: 'pert', low: 1, high: 5 })).toEqual({
      field: 'likely',
      reason: 'notNumber',
    })
    expect(distributionProblem(a, { kind: 'uniform', low: 1, high: 10_001 })).toEqual({
      field: 'high',
      reason: 'outOfRange',
    })
  })

  it('returns the same plan when nothing changes and throws on an invalid range', () => {
    const plan = createDefaultPlan()
    expect(withRange(plan, VCF, null)).toBe(plan)
    const next = withRange(plan, VCF, { kind: 'uniform', low: 1, high: 2 })
    expect(withRange(next, VCF, { kind: 'uniform', low: 1, high: 2 })).toBe(next)
    expect(plan.ranges).toEqual({})
    expect(() => withRange(plan, VCF, { kind: 'uniform', low: 3, high: 2 })).toThrow(/vcf/)
    expect(() => withRange(plan, 'vmware.edition', { kind: 'uniform', low: 1, high: 2 })).toThrow(/numeric/)
  })
})
