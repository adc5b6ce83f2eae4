// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { SCORE_MAX, serializePlanFile } from '@models'
import ScorecardEditor from '../../renderer/src/components/ScorecardEditor.vue'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { mountWithStores } from './mount'

describe('scorecard editor: the fields take what the planning file accepts', () => {
  it('a weight above the file limit (10) is refused and the plan still saves', async () => {
    const { wrapper } = mountWithStores(ScorecardEditor)
    const store = usePlanStore()
    const weight = wrapper.get('input[aria-label="Design weight"]')
    expect(weight.attributes('max')).toBe(String(SCORE_MAX))
    // 50 used to be taken (the field allowed weights up to 100), and the plan could then not be saved.
    const input = weight.element as HTMLInputElement
    input.value = '50'
    await weight.trigger('change')
    expect(store.plan.scorecard.design.weight).toBe(1)
    expect(input.value).toBe('1')
    input.value = '10'
    await weight.trigger('change')
    expect(store.plan.scorecard.design.weight).toBe(10)
    expect(() => serializePlanFile(store.plan, { appVersion: 't', savedAt: new Date(0) })).not.toThrow()
  })

  it('says "weighted score", shows the weights and says plainly when the cost answer points the other way', async () => {
    const { wrapper } = mountWithStores(ScorecardEditor)
    const store = usePlanStore()
    const e = store.evaluation!
    const cheaper = e.cheaper
    const other = cheaper === 'vmware' ? 'openstack' : 'vmware'
    const next = structuredClone(store.plan.scorecard)
    for (const r of ['design', 'features', 'useCases'] as const) {
      next[r][other] = 10
      next[r][cheaper] = 0
      next[r].weight = 2
    }
    next.valueWeight = 1
    store.setScorecard(next)
    await wrapper.vm.$nextTick()
    // The dearer platform scores 10 × 2 on three rounds and at most 10 on value; the cheaper one 0 × 2 and 10:
    // weighted (60 + value) / 7 against 10 / 7 = 1.4.
    expect(wrapper.get('.winner').text()).toMatch(
      /^Weighted score: (VMware|OpenStack) leads, [\d.]+ to 1\.4 out of 10\.$/
    )
    expect(wrapper.get('.weights').text()).toBe('2 · 2 · 2 · 1')
    const name = { vmware: 'VMware', openstack: 'OpenStack' }
    expect(wrapper.get('[data-testid="scorecard-disagrees"]').text()).toContain(
      `Cost alone points the other way: ${name[cheaper]} is cheaper by`
    )
    expect(wrapper.text()).not.toContain('Winner')
    expect(wrapper.get('.hint').text()).toContain('classic four-round VMware-vs-OpenStack comparison')
  })
})
