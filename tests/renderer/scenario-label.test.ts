// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createDefaultPlan, serializePlanFile } from '@models'
import ScenarioTabs from '../../renderer/src/components/ScenarioTabs.vue'
import { i18n, scenarioLabel } from '../../renderer/src/i18n'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { mountWithStores } from './mount'

const META = { appVersion: 'test', savedAt: new Date(0) }

describe('the default scenario’s name in the window’s language', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it('the stored "Baseline" is shown as 基准 in 中文; a user’s own name is shown as written', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(scenarioLabel('Baseline')).toBe('基准')
    expect(scenarioLabel('Baseline copy')).toBe('Baseline copy')
    expect(scenarioLabel('续订 2027')).toBe('续订 2027')
    i18n.global.locale.value = 'en'
    expect(scenarioLabel('Baseline')).toBe('Baseline')
  })

  it('a new plan’s tab reads 基准 in 中文 while the file keeps "Baseline", the same bytes as in English', async () => {
    const { wrapper } = mountWithStores(ScenarioTabs)
    const planStore = usePlanStore()
    const englishBytes = serializePlanFile(planStore.plan, META)
    expect(wrapper.get('[data-testid="scenario-tab"]').text()).toBe('Baselinebase')
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    // The "base" badge (基准 in 中文) is left out rather than repeating the name.
    expect(wrapper.get('[data-testid="scenario-tab"]').text()).toBe('基准')
    expect(wrapper.find('[data-testid="scenario-tab"] .base').exists()).toBe(false)
    expect(planStore.plan.scenarios[0]?.name).toBe('Baseline')
    expect(serializePlanFile(planStore.plan, META)).toBe(englishBytes)
    expect(serializePlanFile(planStore.plan, META)).toBe(serializePlanFile(createDefaultPlan(), META))
  })

  it('renaming 基准 without changing the text leaves the stored name; a new name is stored as typed', async () => {
    const { wrapper } = mountWithStores(ScenarioTabs)
    const planStore = usePlanStore()
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    await wrapper.get('[data-testid="scenario-tab"]').trigger('dblclick')
    const input = wrapper.get('input.rename')
    expect((input.element as HTMLInputElement).value).toBe('基准')
    await input.trigger('keydown', { key: 'Enter' })
    expect(planStore.plan.scenarios[0]?.name).toBe('Baseline')
    expect(planStore.isDirty).toBe(false)

    await wrapper.get('[data-testid="scenario-tab"]').trigger('dblclick')
    await wrapper.get('input.rename').setValue('现状')
    await wrapper.get('input.rename').trigger('keydown', { key: 'Enter' })
    expect(planStore.plan.scenarios[0]?.name).toBe('现状')
    expect(wrapper.get('[data-testid="scenario-tab"]').text()).toContain('现状')
  })

  it('a copy of the default scenario made in 中文 is named in Chinese', async () => {
    const { wrapper } = mountWithStores(ScenarioTabs)
    const planStore = usePlanStore()
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    await wrapper.get('[data-testid="scenario-menu"]').trigger('click')
    await wrapper.get('[data-testid="scenario-duplicate"]').trigger('click')
    // zh copyOf: '{name} 副本' with the shown name 基准.
    expect(planStore.plan.scenarios.map((s) => s.name)).toEqual(['Baseline', '基准 副本'])
  })
})
