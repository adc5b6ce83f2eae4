// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, nextTick } from 'vue'
import { createDefaultPlan, driversAt } from '@models'

const plan = createDefaultPlan()
import AssumptionInspector from '../../renderer/src/components/AssumptionInspector.vue'
import BreakdownPanel from '../../renderer/src/components/BreakdownPanel.vue'
import { i18n } from '../../renderer/src/i18n'
import { setAnalysisWorkers, useAnalysisStore } from '../../renderer/src/stores/analysis'
import { useInspectorStore } from '../../renderer/src/stores/inspector'
import { inProcessWorker } from './in-process-worker'

/** The breakdown beside the inspector, as in the window; the chart is stubbed (jsdom has no canvas). */
function mountLinked() {
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'en'
  const Both = defineComponent(() => () => h('div', [h(BreakdownPanel), h(AssumptionInspector)]))
  const wrapper = mount(Both, {
    global: { plugins: [pinia, i18n], stubs: { Bar: true } },
    attachTo: document.body,
  })
  return { wrapper, inspector: useInspectorStore() }
}

/** Waits for the analysis worker's drivers of the asked cost (the inspector is busy until then). */
async function driversShown(): Promise<void> {
  const analysis = useAnalysisStore()
  await nextTick() // the inspector asks the store on its next update
  for (let i = 0; i < 2000 && analysis.drivers === null; i++) await new Promise((r) => setTimeout(r, 5))
  if (analysis.drivers === null) throw new Error('the drivers never arrived')
  await nextTick()
  await nextTick()
}

function shownKeys(wrapper: ReturnType<typeof mount>): string[] {
  return wrapper.findAll('.inspector [data-key]').map((w) => w.attributes('data-key') ?? '')
}

const scrolled: string[] = []

beforeAll(() => {
  // What drives a cost is computed in the analysis worker: here its handler runs in this thread.
  setAnalysisWorkers(() => inProcessWorker(), 1)
  // jsdom implements neither; the keys need no escaping.
  globalThis.CSS ??= { escape: (s: string) => s } as unknown as typeof CSS
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this.getAttribute('data-key') ?? '')
  })
})

afterAll(() => setAnalysisWorkers(undefined))

describe('linked views: a breakdown category shows what drives it in the inspector', () => {
  it('clicking the Staff row shows the chip and exactly the staff drivers', async () => {
    const { wrapper, inspector } = mountLinked()
    expect(shownKeys(wrapper)).toContain('host.capexUsd')
    expect(wrapper.find('[data-testid="inspector-drivers"]').exists()).toBe(false)

    const staff = wrapper.get('[data-testid="breakdown-category-staff"]')
    expect(staff.element.tagName).toBe('BUTTON')
    await staff.trigger('click')
    await nextTick()
    expect(inspector.category).toBe('staff')
    expect(staff.attributes('aria-pressed')).toBe('true')
    // Computed in the worker: busy, every assumption still shown, until the drivers arrive.
    expect(wrapper.get('[data-testid="inspector-drivers"]').text()).toContain('Finding what drives Staff')
    expect(wrapper.get('.groups').attributes('aria-busy')).toBe('true')
    expect(shownKeys(wrapper)).toContain('host.capexUsd')
    await driversShown()
    expect(wrapper.get('.groups').attributes('aria-busy')).toBe('false')
    expect(wrapper.get('[data-testid="inspector-drivers"]').text()).toContain('Showing what drives Staff')
    expect(shownKeys(wrapper).sort()).toEqual(driversAt(plan, { platform: null, category: 'staff' }).sort())
    await nextTick()
    expect(scrolled.at(-1)).toBe(shownKeys(wrapper)[0])

    await wrapper.get('[data-testid="breakdown-category-licensing"]').trigger('click')
    await nextTick()
    // The staff drivers stay on screen while licensing's are computed.
    expect(shownKeys(wrapper).sort()).toEqual(driversAt(plan, { platform: null, category: 'staff' }).sort())
    await driversShown()
    expect(shownKeys(wrapper).sort()).toEqual(
      driversAt(plan, { platform: null, category: 'licensing' }).sort()
    )
    wrapper.unmount()
  })

  it('✕ and typing in the filter box both show every assumption again', async () => {
    const { wrapper, inspector } = mountLinked()
    const all = shownKeys(wrapper).length
    inspector.showDrivers('power')
    await driversShown()
    expect(shownKeys(wrapper).sort()).toEqual(driversAt(plan, { platform: null, category: 'power' }).sort())
    await wrapper.get('[data-testid="inspector-show-all"]').trigger('click')
    await nextTick()
    expect(inspector.category).toBeNull()
    expect(shownKeys(wrapper)).toHaveLength(all)

    inspector.showDrivers('power')
    await nextTick()
    await wrapper.get('[data-testid="inspector-filter"]').setValue('capex')
    await nextTick()
    expect(inspector.category).toBeNull()
    expect(wrapper.find('[data-testid="inspector-drivers"]').exists()).toBe(false)
    expect(shownKeys(wrapper)).toContain('host.capexUsd')
    expect(shownKeys(wrapper)).not.toContain('power.usdPerKwh')
    wrapper.unmount()
  })

  it('focusing an assumption outside the category shows all again', async () => {
    const { wrapper, inspector } = mountLinked()
    inspector.showDrivers('staff')
    await nextTick()
    inspector.focusAssumption('host.capexUsd')
    await nextTick()
    await nextTick()
    expect(inspector.category).toBeNull()
    expect(shownKeys(wrapper)).toContain('host.capexUsd')
    wrapper.unmount()
  })

  it('narrows to one platform’s drivers, naming the platform and the clicked fleet size', async () => {
    const { wrapper, inspector } = mountLinked()
    // A point on OpenStack's total curve at 3,162 VMs: every OpenStack driver, no VMware-only key.
    inspector.showDrivers(null, 'openstack', 3162)
    await driversShown()
    expect(shownKeys(wrapper).sort()).toEqual(
      driversAt(plan, { vms: 3162, platform: 'openstack', category: null }).sort()
    )
    expect(shownKeys(wrapper)).not.toContain('vmware.usdPerCoreYear.vcf')
    // OpenStack at 3,162 VMs runs 66 compute + 2 reserve + 3 controllers + 17 Ceph nodes = 88 nodes:
    // FTE = max(minFte 5, fixedFte 2 + 88 / 60 = 3.47) = 5, so the on-call minimum drives staff and hosts
    // per FTE (perturbed ±50 %: at 30, 2 + 88 / 30 = 4.93, still under 5) does not.
    expect(shownKeys(wrapper)).toContain('staff.openstack.minFte')
    expect(shownKeys(wrapper)).not.toContain('staff.openstack.hostsPerFte')
    expect(wrapper.get('[data-testid="inspector-drivers"]').text()).toContain(
      'Showing what drives OpenStack at 3,162 VMs'
    )
    // A bar segment: VMware's staff, without a fleet size.
    inspector.showDrivers('staff', 'vmware')
    await driversShown()
    expect(shownKeys(wrapper).sort()).toEqual(
      driversAt(plan, { platform: 'vmware', category: 'staff' }).sort()
    )
    expect(shownKeys(wrapper)).not.toContain('staff.openstack.salaryPremium')
    expect(wrapper.get('[data-testid="inspector-drivers"]').text()).toContain(
      'Showing what drives VMware · Staff'
    )
    // The Staff row is for both platforms, so it is not pressed for VMware's segment.
    expect(wrapper.get('[data-testid="breakdown-category-staff"]').attributes('aria-pressed')).toBe('false')
    wrapper.unmount()
  })

  it('says so when the platform has no such cost (OpenStack pays no licence)', async () => {
    const { wrapper, inspector } = mountLinked()
    inspector.showDrivers('licensing', 'openstack')
    await driversShown()
    expect(shownKeys(wrapper)).toEqual([])
    expect(wrapper.get('[data-testid="inspector-drivers"]').text()).toContain(
      'OpenStack · Licensing: this platform has no such cost'
    )
    wrapper.unmount()
  })
})
