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
})
