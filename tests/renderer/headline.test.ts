// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { computeCurves, createDefaultPlan, evaluatePlan } from '@models'
import HeadlineSentence from '../../renderer/src/components/HeadlineSentence.vue'
import { createNumberFormatter } from '../../renderer/src/format/numbers'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { mountWithStores } from './mount'

describe('HeadlineSentence', () => {
  it('states the cheaper platform, the gap and the crossover with the model’s numbers', () => {
    const { wrapper } = mountWithStores(HeadlineSentence)
    const plan = createDefaultPlan()
    const e = evaluatePlan(plan)
    const curves = computeCurves(plan)
    const fmt = createNumberFormatter('en', 'USD', 'code')
    const text = wrapper.text()
    const cheaper = e.cheaper === 'vmware' ? 'VMware' : 'OpenStack'
    expect(text).toContain(`At 1,000 VMs ${cheaper} costs`)
    expect(text).toContain(`less a year (${fmt.money(Math.abs(e.gapAnnual))})`)
    expect(text).toContain(`Per VM-month: ${fmt.money(e.platforms.vmware.perVmMonth)} on VMware`)
    expect(text).toContain(`${fmt.money(e.platforms.openstack.perVmMonth)} on OpenStack`)
    // The default plan's curves cross (VMware is cheaper below the crossover, OpenStack above).
    const [first] = curves.crossovers
    expect(first).toMatchObject({ cheaperBelow: 'vmware', cheaperAbove: 'openstack' })
    expect(text).toContain(`The yearly costs cross at ${fmt.integer(first!.vms)}`)
    expect(text).not.toMatch(/NaN|Infinity|undefined/)
  })

  it('follows the fleet size and the prices', async () => {
    const { wrapper } = mountWithStores(HeadlineSentence)
    const store = usePlanStore()
    store.setFleetVms(20_000)
    await nextTick()
    expect(wrapper.text()).toContain('At 20,000 VMs')
    store.setValue('vmware.usdPerCoreYear.vcf', 0)
    await nextTick()
    expect(wrapper.text()).toContain('VMware costs')
  })

  it('never shows NaN or Infinity when every price is zero', async () => {
    const { wrapper } = mountWithStores(HeadlineSentence)
    const store = usePlanStore()
    for (const key of [
      'vmware.usdPerCoreYear.vcf',
      'host.capexUsd',
      'staff.salaryUsd',
      'power.usdPerKwh',
      'host.facilityUsdPerYear',
      'openstack.supportUsdPerNodeYear.infra',
      'openstack.supportUsdPerNodeYear.standard',
      'openstack.supportUsdPerNodeYear.advanced',
      'storage.driveUsdPerRawTb',
      'storage.cephNodeUsd',
      'staff.openstack.adoptionUsd',
      'vmware.vsanAddOnUsdPerTibYear',
    ]) {
      expect(store.setValue(key, 0)).toBeNull()
    }
    store.setFleetVms(1)
    await nextTick()
    expect(wrapper.text()).not.toMatch(/NaN|Infinity/)
    // Every cost is zero at every size: a tie, not "VMware stays cheaper"; one VM is singular.
    expect(wrapper.text()).toMatch(/At 1 VM both platforms cost the same a year \(USD\s0\)\./)
    expect(wrapper.text()).toContain('Both cost the same from 1 to 100,000 VMs.')
    expect(wrapper.text()).not.toContain('stays cheaper')
  })

  it('names the platform that is cheaper where the curves differ when they never cross', async () => {
    const { wrapper } = mountWithStores(HeadlineSentence)
    const store = usePlanStore()
    // A free VCF licence and OpenStack at a 200 % staff premium (the catalog's most): VMware is cheaper at
    // every size.
    expect(store.setValue('vmware.usdPerCoreYear.vcf', 0)).toBeNull()
    expect(store.setValue('staff.openstack.salaryPremium', 2)).toBeNull()
    await nextTick()
    const curves = store.curves.find((c) => c.scenarioId === store.activeScenarioId)!
    expect(curves.crossovers).toEqual([])
    expect(curves.platforms.vmware.total.every((v, i) => v < curves.platforms.openstack.total[i]!)).toBe(true)
    expect(wrapper.text()).toContain('VMware stays cheaper from 10 to 100,000 VMs.')
  })

  it('speaks NPV alone in the NPV view: the NPV gap over the horizon, its basis and the NPV crossover', async () => {
    const { wrapper } = mountWithStores(HeadlineSentence)
    const store = usePlanStore()
    const plan = createDefaultPlan()
    const annual = computeCurves(plan, { metric: 'annual' }).crossovers.map((c) => c.vms)
    const npv = computeCurves(plan, { metric: 'npv' }).crossovers.map((c) => c.vms)
    // The default plan's yearly and NPV crossovers differ, so the sentence shows which one it names.
    expect(annual.length).toBeGreaterThan(0)
    expect(npv.length).toBeGreaterThan(0)
    expect(npv).not.toEqual(annual)
    store.setMetric('npv')
    await nextTick()
    const fmt = createNumberFormatter('en', 'USD', 'code')
    const e = evaluatePlan(plan)
    const { vmware, openstack } = e.platforms
    const cheaper = vmware.horizon.npv < openstack.horizon.npv ? 'VMware' : 'OpenStack'
    const gap = Math.abs(vmware.horizon.npv - openstack.horizon.npv)
    const text = wrapper.text()
    expect(text).toContain(`At 1,000 VMs ${cheaper} costs`)
    expect(text).toContain(`less in NPV over the horizon (${fmt.money(gap)})`)
    expect(text).toContain(`The NPV curves cross at ${fmt.integer(npv[0]!)}`)
    // Never the yearly measure in the NPV answer.
    expect(text).not.toContain('a year (')
    expect(text).not.toContain('The yearly costs cross')
    // The default plan: 5 years at 8 %, no fleet growth; with growth the basis and the numbers change.
    expect(wrapper.get('[data-testid="headline-npv-basis"]').text()).toBe(
      'NPV over 5 years discounted at 8\u202f% a year; no fleet growth.'
    )
    store.setValue('workload.growthPerYear', 0.2)
    await nextTick()
    const grown = structuredClone(plan)
    grown.assumptions['workload.growthPerYear'] = 0.2
    const g = evaluatePlan(grown).platforms
    expect(wrapper.get('[data-testid="headline-npv-basis"]').text()).toBe(
      'NPV over 5 years discounted at 8\u202f% a year; each fleet size grows 20\u202f% a year.'
    )
    expect(wrapper.text()).toContain(`(${fmt.money(Math.abs(g.vmware.horizon.npv - g.openstack.horizon.npv))})`)
    expect(Math.abs(g.vmware.horizon.npv - g.openstack.horizon.npv)).not.toBe(gap)
  })

  it('keeps the yearly answer and crossover in the annual view', async () => {
    const { wrapper } = mountWithStores(HeadlineSentence)
    const text = wrapper.text()
    expect(text).toContain('less a year (')
    expect(text).not.toContain('NPV')
    expect(wrapper.find('[data-testid="headline-npv-basis"]').exists()).toBe(false)
  })

  it('names the active scenario when the plan has several', async () => {
    const { wrapper } = mountWithStores(HeadlineSentence)
    const store = usePlanStore()
    expect(wrapper.find('[data-testid="headline-scenario"]').exists()).toBe(false)
    const id = store.addScenario('VVF + SAN')
    store.setActiveScenario(id)
    await nextTick()
    expect(wrapper.get('[data-testid="headline-scenario"]').text()).toBe('VVF + SAN:')
  })
})
