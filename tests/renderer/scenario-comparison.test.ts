// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { evaluatePlan } from '@models'
import ScenarioComparison from '../../renderer/src/components/ScenarioComparison.vue'
import { createNumberFormatter } from '../../renderer/src/format/numbers'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { mountWithStores } from './mount'

describe('scenarios side by side', () => {
  it('is hidden with one scenario and lists each scenario’s totals, gap and changed values with several', async () => {
    const { wrapper } = mountWithStores(ScenarioComparison)
    const store = usePlanStore()
    expect(wrapper.find('[data-testid="scenario-comparison"]').exists()).toBe(false)
    const id = store.addScenario('VVF')
    store.setActiveScenario(id)
    expect(store.setValue('vmware.edition', 'vvf')).toBeNull()
    await nextTick()
    const rows = wrapper.findAll('tbody tr')
    expect(rows).toHaveLength(2)
    const fmt = createNumberFormatter('en', 'USD', 'code')
    const vvf = evaluatePlan(store.plan, { scenarioId: id })
    const cells = rows[1]!.findAll('th, td').map((c) => c.text())
    expect(cells[0]).toBe('VVF')
    expect(cells[2]).toBe(fmt.money(vvf.platforms.vmware.annual.total))
    expect(cells[3]).toBe(fmt.money(vvf.platforms.openstack.annual.total))
    expect(cells[4]).toBe(fmt.money(vvf.gapAnnual))
    // One value differs from the base: the edition.
    expect(cells[6]).toBe('1')
    expect(rows[0]!.findAll('td').at(-1)!.text()).toBe('Base')
    // The VVF licence is cheaper than VCF's, so the scenarios' VMware totals differ.
    const base = evaluatePlan(store.plan, { scenarioId: store.plan.scenarios[0]!.id })
    expect(vvf.platforms.vmware.annual.total).toBeLessThan(base.platforms.vmware.annual.total)
  })
})
