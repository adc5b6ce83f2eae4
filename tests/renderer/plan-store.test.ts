// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { evaluatePlan } from '@models'
import { usePlanStore } from '../../renderer/src/stores/plan'

describe('plan store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
  })

  it('starts clean with the default plan and nothing to undo', () => {
    const store = usePlanStore()
    expect(store.isDirty).toBe(false)
    expect(store.canUndo).toBe(false)
    expect(store.canRedo).toBe(false)
    expect(store.plan.scenarios).toHaveLength(1)
    expect(store.fleetVms).toBe(1000)
  })

  it('keeps derived results out of $state', () => {
    const store = usePlanStore()
    const keys = Object.keys(store.$state)
    for (const derived of ['evaluation', 'curves', 'scorecardResult', 'isDirty', 'values', 'problems']) {
      expect(keys).not.toContain(derived)
    }
    expect(keys).toEqual(
      expect.arrayContaining(['plan', 'editVersion', 'savedVersion', 'undoStack', 'redoStack'])
    )
  })

  it('an edit makes the document dirty; undo returns to the saved state and makes it clean again', () => {
    const store = usePlanStore()
    expect(store.setValue('vmware.usdPerCoreYear.vcf', 250)).toBeNull()
    expect(store.isDirty).toBe(true)
    expect(store.values['vmware.usdPerCoreYear.vcf']).toBe(250)
    store.undo()
    expect(store.isDirty).toBe(false)
    expect(store.values['vmware.usdPerCoreYear.vcf']).toBe(350)
    store.redo()
    expect(store.isDirty).toBe(true)
    expect(store.values['vmware.usdPerCoreYear.vcf']).toBe(250)
  })

  it('a saved state stays the clean point: edit after save is dirty, undo back to it is clean', () => {
    const store = usePlanStore()
    store.setValue('host.capexUsd', 30_000)
    store.markSaved({ ref: 'a.stackplan', name: 'a.stackplan' }, store.editVersion)
    expect(store.isDirty).toBe(false)
    store.setValue('host.capexUsd', 31_000)
    expect(store.isDirty).toBe(true)
    store.undo()
    expect(store.isDirty).toBe(false)
    store.undo()
    expect(store.isDirty).toBe(true)
  })

  it('refuses an invalid value with a message naming the range, and changes nothing', () => {
    const store = usePlanStore()
    const before = store.plan
    const problem = store.setValue('vmware.usdPerCoreYear.vcf', -5)
    expect(problem).toMatch(/0 to 10,000/)
    expect(store.plan).toBe(before)
    expect(store.isDirty).toBe(false)
    expect(store.canUndo).toBe(false)
    expect(store.setValue('workload.vcpuPerVm', Number.NaN)).toMatch(/finite/)
    expect(store.setValue('workload.vcpuPerVm', Number.POSITIVE_INFINITY)).toMatch(/finite/)
  })

  it('undoes every kind of edit in order', () => {
    const store = usePlanStore()
    store.setFleetVms(5000)
    store.setName('Renewal 2026')
    const id = store.addScenario('VVF')
    store.setValue('vmware.edition', 'vvf')
    store.renameScenario(id, 'VVF + SAN')
    expect(store.undoStack).toHaveLength(5)
    store.undo()
    expect(store.plan.scenarios[1]?.name).toBe('VVF')
    store.undo()
    expect(store.plan.scenarios[1]?.overrides).toEqual({})
    store.undo()
    expect(store.plan.scenarios).toHaveLength(1)
    store.undo()
    expect(store.plan.name).toBe('Untitled plan')
    store.undo()
    expect(store.fleetVms).toBe(1000)
    expect(store.isDirty).toBe(false)
  })

  it('a new edit after undo clears the redo stack', () => {
    const store = usePlanStore()
    store.setValue('power.pue', 1.3)
    store.undo()
    expect(store.canRedo).toBe(true)
    store.setValue('power.pue', 1.2)
    expect(store.canRedo).toBe(false)
  })

  it('edits the base in the first scenario and overrides in the others', () => {
    const store = usePlanStore()
    store.setValue('staff.salaryUsd', 120_000)
    expect(store.plan.assumptions['staff.salaryUsd']).toBe(120_000)
    const id = store.addScenario('Cheap VCF')
    expect(store.activeScenarioId).toBe(id)
    expect(store.values['staff.salaryUsd']).toBe(120_000)
    store.setValue('vmware.usdPerCoreYear.vcf', 200)
    expect(store.plan.assumptions['vmware.usdPerCoreYear.vcf']).toBeUndefined()
    expect(store.activeScenario.overrides).toEqual({ 'vmware.usdPerCoreYear.vcf': 200 })
    expect(store.differences.map((d) => d.key)).toEqual(['vmware.usdPerCoreYear.vcf'])
    // Setting an override back to the base value removes it.
    store.setValue('vmware.usdPerCoreYear.vcf', 350)
    expect(store.activeScenario.overrides).toEqual({})
  })

  it('resets a value and a whole group', () => {
    const store = usePlanStore()
    store.setValue('host.capexUsd', 40_000)
    store.setValue('host.ramGib', 2048)
    store.setValue('power.pue', 1.2)
    store.resetValue('power.pue')
    expect(store.changed.has('power.pue')).toBe(false)
    store.resetGroup('host')
    expect(store.changed.size).toBe(0)
    expect(store.plan.assumptions).toEqual({})
  })

  it('duplicates a scenario with its overrides, right after it, and selects the copy', () => {
    const store = usePlanStore()
    const a = store.addScenario('A')
    store.setValue('vmware.edition', 'vvf')
    const copy = store.duplicateScenario(a, 'A copy')
    expect(store.plan.scenarios.map((s) => s.name)).toEqual(['Baseline', 'A', 'A copy'])
    expect(store.activeScenarioId).toBe(copy)
    expect(store.activeScenario.overrides).toEqual({ 'vmware.edition': 'vvf' })
    expect(new Set(store.plan.scenarios.map((s) => s.id)).size).toBe(3)
  })

  it('gives new scenarios unique names', () => {
    const store = usePlanStore()
    store.addScenario('Scenario')
    store.addScenario('Scenario')
    expect(store.plan.scenarios.map((s) => s.name)).toEqual(['Baseline', 'Scenario', 'Scenario 2'])
  })

  it('reorders and deletes scenarios, never the last one', () => {
    const store = usePlanStore()
    const a = store.addScenario('A')
    const b = store.addScenario('B')
    store.moveScenario(b, 0)
    expect(store.plan.scenarios.map((s) => s.name)).toEqual(['B', 'Baseline', 'A'])
    store.deleteScenario(b)
    store.deleteScenario(a)
    expect(store.plan.scenarios.map((s) => s.name)).toEqual(['Baseline'])
    const versions = store.editVersion
    store.deleteScenario(store.plan.scenarios[0]!.id)
    expect(store.plan.scenarios).toHaveLength(1)
    expect(store.editVersion).toBe(versions)
  })

  it('view changes (metric, active scenario) are neither edits nor undo steps', () => {
    const store = usePlanStore()
    store.setMetric('npv')
    store.setFleetUnit('hosts')
    expect(store.isDirty).toBe(false)
    expect(store.canUndo).toBe(false)
    expect(store.metric).toBe('npv')
  })

  it('derives the evaluation from the model for the active scenario', () => {
    const store = usePlanStore()
    store.setFleetVms(3000)
    const expected = evaluatePlan(store.plan, { scenarioId: store.activeScenarioId })
    expect(store.evaluation?.platforms.vmware.annual.total).toBe(expected.platforms.vmware.annual.total)
    expect(store.evaluation?.vms).toBe(3000)
    expect(store.curves).toHaveLength(1)
    expect(store.curves[0]?.vms).toContain(3000)
  })

  it('converts a host count to VMs with the model and keeps the fleet in range', () => {
    const store = usePlanStore()
    expect(store.setFleetHosts(10)).toBeNull()
    // Default plan on VMware: fault tolerance binds. 2 % of the VMs are FT, each a 4-vCPU primary and
    // shadow (8 vCPU), at most 8 FT vCPUs per host: 10 hosts carry 10 FT VMs → 10 / 0.02 = 500 VMs
    // (RAM alone would allow 10 × 1024 × 0.9 × 0.95 / 16 / 1.02 = 536).
    expect(store.fleetVms).toBe(500)
    expect(Number.isInteger(store.fleetVms)).toBe(true)
    expect(store.fleetHosts).toBe(10)
  })

  it('load replaces the document and clears the history', () => {
    const store = usePlanStore()
    store.setValue('power.pue', 1.3)
    const plan = structuredClone(store.plan)
    plan.name = 'Loaded'
    store.load(plan, { ref: '/x/loaded.stackplan', name: 'loaded.stackplan', isSaved: true })
    expect(store.isDirty).toBe(false)
    expect(store.canUndo).toBe(false)
    expect(store.documentName).toBe('loaded.stackplan')
    store.load(plan, { ref: null, name: null, isSaved: false })
    expect(store.isDirty).toBe(true)
  })
})
