// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { breakEven, monteCarloTransition, planTransition, sensitivity } from '@models'
import SensitivityPanel from '../../renderer/src/components/SensitivityPanel.vue'
import UncertaintyPanel from '../../renderer/src/components/UncertaintyPanel.vue'
import { i18n } from '../../renderer/src/i18n'
import {
  setAnalysisWorkers,
  useAnalysisStore,
} from '../../renderer/src/stores/analysis'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { inProcessWorker } from './in-process-worker'

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 2))
  if (!condition()) throw new Error(`timed out waiting for ${what}`)
}

/** A panel with the window's stores and i18n; charts stubbed (jsdom has no canvas). */
function mountPanel(component: typeof SensitivityPanel, locale: 'en' | 'zh-CN' = 'en') {
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = locale
  return mount(component, {
    global: {
      plugins: [pinia, i18n],
      stubs: { TornadoChart: true, ProbabilityChart: true, GapHistogram: true },
    },
  })
}

describe('analysis target in the window', () => {
  beforeEach(() => setAnalysisWorkers(() => inProcessWorker(), 2))
  afterEach(() => {
    setAnalysisWorkers(undefined)
    i18n.global.locale.value = 'en'
  })

  it('sensitivity and break-even follow the target the store holds, as the model computes them', async () => {
    setActivePinia(createPinia())
    const analysis = useAnalysisStore()
    const planStore = usePlanStore()
    analysis.analysisTarget = 'moveNpvGain'
    analysis.refreshSensitivity()
    analysis.refreshBreakEven()
    await until(() => analysis.sensitivity !== null && analysis.breakEven !== null, 'the analyses')
    const expected = sensitivity(planStore.plan, { target: 'moveNpvGain' })
    expect(analysis.sensitivity?.target).toBe('moveNpvGain')
    expect(analysis.sensitivity?.gap).toBe(expected.gap)
    expect(analysis.sensitivity?.rows.slice(0, 5)).toEqual(expected.rows.slice(0, 5))
    const solved = breakEven(planStore.plan, 'vmware.usdPerCoreYear.vcf', { target: 'moveNpvGain' })
    expect(analysis.breakEven?.value).toEqual(solved)
    // Another target makes the result stale for the new question: no answer until it is computed.
    analysis.analysisTarget = 'annualGap'
    expect(analysis.sensitivity).toBeNull()
    expect(analysis.breakEven).toBeNull()
  })

  it('Monte Carlo runs the stay-or-move comparison for a transition target', async () => {
    setActivePinia(createPinia())
    const analysis = useAnalysisStore()
    const planStore = usePlanStore()
    analysis.analysisTarget = 'paybackMonth'
    await analysis.runMonteCarlo()
    expect(analysis.progress.status).toBe('done')
    expect(analysis.monteCarloRun).toBeNull()
    expect(analysis.transitionRun?.result).toEqual(
      monteCarloTransition(planStore.plan, { samples: analysis.samples, seed: analysis.seed })
    )
    expect(planStore.setValue('transition.vmsPerMonth', 80)).toBeNull()
    expect(analysis.isTransitionStale).toBe(true)
  })

  it('the Sensitivity panel offers a labelled target choice; payback months replace crossovers and money', async () => {
    const wrapper = mountPanel(SensitivityPanel)
    const select = wrapper.get('[data-testid="analysis-target-select"]')
    const label = wrapper.get('[data-testid="analysis-target"] label')
    expect(label.text()).toBe('Measure')
    expect(label.attributes('for')).toBe(select.attributes('id'))
    expect(select.attributes('aria-describedby')).toBe(`${select.attributes('id')}-hint`)
    expect(select.findAll('option').map((o) => o.text())).toEqual([
      'Annual gap, VMware − OpenStack',
      'NPV gain of moving (stay − move)',
      'Payback month of moving',
    ])
    await select.setValue('paybackMonth')
    const analysis = useAnalysisStore()
    expect(analysis.analysisTarget).toBe('paybackMonth')
    await until(() => analysis.sensitivity?.target === 'paybackMonth', 'the payback tornado')
    await nextTick()
    const s = analysis.sensitivity!
    const headers = wrapper.findAll('[data-testid="tornado-table"] thead th').map((h) => h.text())
    expect(headers.slice(2)).toEqual(['At low', 'At high'])
    // The default plan's move does not pay back within its 5 years: the model counts that as month index 60.
    expect(planTransition(usePlanStore().plan).paybackMonth).toBeNull()
    expect(s.gap).toBe(60)
    expect(wrapper.get('.summary').text()).toContain(
      'Moving does not pay back within the horizon’s 60 months.'
    )
    const first = s.rows.find((r) => r.gapHigh !== r.gapLow)!
    const cells = wrapper.findAll('[data-testid="tornado-table"] tbody tr')[0]!.findAll('td')
    const month = (m: number) => (m >= s.months ? 'none' : `month ${m + 1}`)
    expect(cells[1]!.text()).toBe(month(first.gapLow))
    expect(cells[2]!.text()).toBe(month(first.gapHigh))
    expect(wrapper.get('#breakeven-title').text()).toBe(
      'Break-even: at what value does moving start or stop paying back within the horizon?'
    )
    wrapper.unmount()
  })

  it('speaks Chinese and runs the stay-or-move Monte Carlo from the Uncertainty panel', async () => {
    const wrapper = mountPanel(UncertaintyPanel, 'zh-CN')
    expect(wrapper.get('[data-testid="analysis-target"] label').text()).toBe('衡量指标')
    await wrapper.get('[data-testid="analysis-target-select"]').setValue('moveNpvGain')
    const analysis = useAnalysisStore()
    await analysis.runMonteCarlo()
    await nextTick()
    const r = analysis.transitionRun!.result
    const text = wrapper.get('[data-testid="mc-transition-summary"]').text()
    // The Samples field's count: the plan's default of 2,000.
    expect(text).toContain(`共 2,000 个样本`)
    expect(text).toContain('留下的净现值 − 迁移的净现值')
    expect(r.samples).toBe(2000)
    // No curve-run export for a transition target (the CLI refuses --samples-out there too).
    expect(wrapper.find('[data-testid="mc-export-csv"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
