// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createDefaultPlan } from '@models'
import MonteCarloControls from '../../renderer/src/components/MonteCarloControls.vue'
import { i18n } from '../../renderer/src/i18n'
import { useAnalysisStore } from '../../renderer/src/stores/analysis'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { mountWithStores } from './mount'

/** A plan whose curve has `points` points (a planning file may ask for up to 1,000). */
function planWithPoints(points: number) {
  const plan = createDefaultPlan()
  plan.view.curvePoints = points
  return plan
}

async function typeSamples(wrapper: ReturnType<typeof mountWithStores>['wrapper'], text: string) {
  const input = wrapper.get('[data-testid="mc-samples"]')
  await input.setValue(text)
  await input.trigger('change')
  await nextTick()
}

describe('the window’s Monte Carlo memory bound', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it('lets the default curve (61 points) draw the full 100,000 samples', () => {
    mountWithStores(MonteCarloControls)
    // 62 fleet sizes × 16 B + (catalog keys + 1) × 8 B ≈ 2 KB a sample: 100,000 samples ≈ 200 MB < 256 MiB.
    expect(useAnalysisStore().maxSamples).toBe(100_000)
  })

  it('caps the samples of a 1,000-point curve and says why, naming the points and the memory', async () => {
    const { wrapper } = mountWithStores(MonteCarloControls)
    usePlanStore().load(planWithPoints(1000), { ref: null, name: null, isSaved: true })
    const max = useAnalysisStore().maxSamples
    // 1,001 fleet sizes × 16 B = 16,016 B a sample before the sampled values: at most 256 MiB / 16,016 B
    // = 16,760 samples, and the sampled values take some of that.
    expect(max).toBeLessThan(16_760)
    expect(max).toBeGreaterThan(10_000)
    await typeSamples(wrapper, '100000')
    const hint = wrapper.get('#mc-samples-hint')
    expect(hint.classes()).toContain('problem')
    expect(hint.text()).toBe(
      `Samples: a whole number from 1 to ${max.toLocaleString('en-US')}: with 1,000 curve points, more would take over 256 MB of memory.`
    )
    await typeSamples(wrapper, String(max))
    expect(wrapper.get('#mc-samples-hint').classes()).not.toContain('problem')
  })

  it('says it in Chinese too', async () => {
    const { wrapper } = mountWithStores(MonteCarloControls)
    i18n.global.locale.value = 'zh-CN'
    usePlanStore().load(planWithPoints(1000), { ref: null, name: null, isSaved: true })
    await typeSamples(wrapper, '100000')
    expect(wrapper.get('#mc-samples-hint').text()).toContain('曲线有 1,000 个点')
  })
})
