// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { breakEven, createDefaultPlan, driversAt, monteCarlo, sensitivity } from '@models'
import { watch } from 'vue'
import { setHost, type ExportFile, type Host, type HostSaveResult } from '../../renderer/src/host'
import {
  analysisKey,
  setAnalysisWorkers,
  splitSamples,
  useAnalysisStore,
} from '../../renderer/src/stores/analysis'
import { usePlanStore } from '../../renderer/src/stores/plan'
import { parseCsv } from '../support/csv'
import { inProcessWorker } from './in-process-worker'

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 2))
  if (!condition()) throw new Error(`timed out waiting for ${what}`)
}

describe('splitSamples', () => {
  it.each([
    [
      2000,
      2,
      [
        [0, 1000],
        [1000, 1000],
      ],
    ],
    [
      101,
      2,
      [
        [0, 51],
        [51, 50],
      ],
    ],
    [
      3,
      4,
      [
        [0, 1],
        [1, 1],
        [2, 1],
      ],
    ],
  ])('%d samples over %d workers', (total, parts, expected) => {
    expect(splitSamples(total, parts).map((p) => [p.firstSample, p.samples])).toEqual(expected)
  })
})

describe('analysis store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    setAnalysisWorkers(() => inProcessWorker(), 2)
  })
  afterEach(() => {
    setAnalysisWorkers(undefined)
    setHost(null)
  })

  it('keeps results out of the plan: the plan holds only the inputs', async () => {
    const plan = usePlanStore()
    const analysis = useAnalysisStore()
    analysis.samples = 200
    // the sample count is an input: saved with the plan, one undoable edit
    expect(plan.plan.monteCarlo).toEqual({ samples: 200, seed: 1 })
    expect(plan.isDirty).toBe(true)
    const before = JSON.stringify(plan.plan)
    await analysis.runMonteCarlo()
    expect(analysis.monteCarlo).not.toBeNull()
    expect(JSON.stringify(plan.plan)).toBe(before) // running adds no results to the plan
    plan.undo()
    expect(analysis.samples).toBe(2000)
    expect(plan.isDirty).toBe(false)
  })

  it('finds what drives a cost in a worker, busy meanwhile, keeping the last answer while the next is computed', async () => {
    const plan = usePlanStore()
    const analysis = useAnalysisStore()
    const staff = { platform: null, category: 'staff', vms: null } as const
    analysis.refreshDrivers(staff)
    expect(analysis.isDriversBusy).toBe(true)
    expect(analysis.drivers).toBeNull()
    await until(() => analysis.drivers !== null, 'the staff drivers')
    expect(analysis.isDriversBusy).toBe(false)
    const before = driversAt(createDefaultPlan(), { platform: null, category: 'staff' })
    expect(analysis.drivers?.value).toEqual(before)
    expect(before).toContain('staff.vmware.minFte')

    // An edit makes the answer stale: it stays as the last one, busy, until the plan's own arrives.
    plan.setValue('staff.vmware.minFte', 1)
    analysis.refreshDrivers(staff)
    expect(analysis.drivers).toBeNull()
    expect(analysis.isDriversBusy).toBe(true)
    expect(analysis.lastDrivers?.value).toEqual(before)
    await until(() => analysis.drivers !== null, 'the drivers after the edit')
    expect(analysis.drivers?.value).toEqual(driversAt(plan.plan, { platform: null, category: 'staff' }))
  })

  it('drops the answer to a question superseded before it came back (request ids)', async () => {
    const analysis = useAnalysisStore()
    const answered: string[] = []
    watch(
      () => analysis.lastDrivers,
      (d) => answered.push(d?.key ?? '')
    )
    analysis.refreshDrivers({ platform: null, category: 'power', vms: null })
    analysis.refreshDrivers({ platform: 'vmware', category: 'licensing', vms: 3162 })
    await until(() => analysis.drivers !== null, 'the licensing drivers')
    await new Promise((resolve) => setTimeout(resolve, 20)) // a late reply to the first question would land here
    expect(answered).toHaveLength(1)
    expect(answered[0]).toContain('"licensing"')
    expect(analysis.drivers?.value).toEqual(
      driversAt(createDefaultPlan(), { vms: 3162, platform: 'vmware', category: 'licensing' })
    )
    expect(analysis.drivers?.value).toContain('vmware.usdPerCoreYear.vcf')
  })

  it('runs Monte Carlo over two workers with the model’s exact numbers and reports progress', async () => {
    const analysis = useAnalysisStore()
    analysis.samples = 300
    analysis.seed = 11
    const seen: number[] = []
    const stop = analysis.$subscribe(() => seen.push(analysis.progress.done))
    await analysis.runMonteCarlo()
    stop()
    expect(analysis.progress).toEqual({ status: 'done', done: 300, total: 300, message: null })
    expect(seen.some((d) => d > 0 && d < 300)).toBe(true)
    const whole = monteCarlo(usePlanStore().plan, { samples: 300, seed: 11 })
    expect(analysis.monteCarlo?.platforms).toEqual(whole.platforms)
    expect(analysis.monteCarlo?.probabilityOpenstackCheaper).toEqual(whole.probabilityOpenstackCheaper)
    expect(analysis.monteCarloRun?.gap.counts.reduce((a, b) => a + b, 0)).toBe(300)
  })

  it('marks Monte Carlo stale when the plan changes and fresh again after undo; the metric does not matter', async () => {
    const plan = usePlanStore()
    const analysis = useAnalysisStore()
    analysis.samples = 100
    await analysis.runMonteCarlo()
    plan.setMetric('npv')
    expect(analysis.isMonteCarloStale).toBe(false)
    plan.setValue('vmware.usdPerCoreYear.vcf', 200)
    expect(analysis.isMonteCarloStale).toBe(true)
    expect(analysis.monteCarlo).toBeNull()
    expect(analysis.monteCarloRun).not.toBeNull()
    plan.undo()
    expect(analysis.isMonteCarloStale).toBe(false)
    expect(analysis.monteCarlo).not.toBeNull()
  })

  it('a range edit makes the results stale too (the plan’s ranges are analysis inputs)', () => {
    const plan = usePlanStore()
    const before = analysisKey(plan.plan, plan.activeScenarioId)
    expect(plan.setRange('vmware.usdPerCoreYear.vcf', { kind: 'uniform', low: 300, high: 400 })).toBeNull()
    expect(analysisKey(plan.plan, plan.activeScenarioId)).not.toBe(before)
  })

  it('cancels a run at once: the status says cancelled, progress stops and no result appears', async () => {
    const analysis = useAnalysisStore()
    analysis.samples = 100_000
    const running = analysis.runMonteCarlo()
    await until(() => analysis.progress.done > 0, 'progress')
    analysis.cancelMonteCarlo()
    const doneAtCancel = analysis.progress.done
    await running
    expect(analysis.progress.status).toBe('cancelled')
    expect(analysis.progress.done).toBe(doneAtCancel)
    expect(analysis.progress.done).toBeLessThan(100_000)
    expect(analysis.monteCarloRun).toBeNull()
    expect(analysis.isRunning).toBe(false)
  })

  it('never takes a sample count or seed out of range into the plan', () => {
    const analysis = useAnalysisStore()
    const plan = usePlanStore()
    for (const bad of [0, 100_001, 2.5, Number.NaN]) analysis.samples = bad
    for (const bad of [-1, 4_294_967_296, 0.5]) analysis.seed = bad
    expect(plan.plan.monteCarlo).toBeUndefined() // out-of-range inputs never reach the plan
    expect(plan.isDirty).toBe(false)
    expect([analysis.samples, analysis.seed]).toEqual([2000, 1])
    analysis.seed = 4_294_967_295 // the largest seed is allowed
    expect(plan.plan.monteCarlo).toEqual({ samples: 2000, seed: 4_294_967_295 })
  })

  it('computes the tornado on request, once per plan state', async () => {
    const plan = usePlanStore()
    const analysis = useAnalysisStore()
    analysis.refreshSensitivity()
    analysis.refreshSensitivity()
    expect(analysis.isSensitivityBusy).toBe(true)
    await until(() => analysis.sensitivity !== null, 'the tornado')
    expect(analysis.sensitivity).toEqual(sensitivity(plan.plan))
    plan.setFleetVms(5000)
    expect(analysis.sensitivity).toBeNull()
    expect(analysis.lastSensitivity?.value?.vms).toBe(1000)
    analysis.refreshSensitivity()
    await until(() => analysis.sensitivity !== null, 'the new tornado')
    expect(analysis.sensitivity?.vms).toBe(5000)
  })

  it('solves a break-even; Apply is one undo step that makes both platforms cost about the same', async () => {
    const plan = usePlanStore()
    const analysis = useAnalysisStore()
    analysis.breakEvenKey = 'vmware.usdPerCoreYear.vcf'
    analysis.refreshBreakEven()
    await until(() => analysis.breakEven !== null, 'the break-even')
    const result = analysis.breakEven?.value
    expect(result).toEqual(breakEven(plan.plan, 'vmware.usdPerCoreYear.vcf'))
    expect(plan.setValue(result!.key, result!.value!)).toBeNull()
    expect(plan.undoStack).toHaveLength(1)
    // The solver's tolerance is 1e-6 of the 0–10,000 range, 0.01 USD a core on 1,600 licensed cores.
    const e = plan.evaluation!
    expect(Math.abs(e.gapAnnual)).toBeLessThan(20)
    expect(e.platforms.vmware.annual.total).toBeGreaterThan(1e6)
    plan.undo()
    expect(plan.values['vmware.usdPerCoreYear.vcf']).toBe(350)
  })

  it('reports a break-even that does not exist with the model’s sentence', async () => {
    const analysis = useAnalysisStore()
    analysis.breakEvenKey = 'finance.usdToCurrency'
    analysis.refreshBreakEven()
    await until(() => analysis.breakEven !== null, 'the break-even')
    expect(analysis.breakEven?.value?.value).toBeNull()
    expect(analysis.breakEven?.value?.reason).toMatch(/no break-even inside the allowed range/)
  })

  it('exports the samples as CSV through the host: a header and one row per sample', async () => {
    const saveExport = vi.fn(async (file: ExportFile): Promise<HostSaveResult> => ({
      status: 'saved',
      ref: null,
      name: file.suggestedName,
    }))
    setHost({ saveExport } as unknown as Host)
    const analysis = useAnalysisStore()
    analysis.samples = 150
    await analysis.runMonteCarlo()
    await analysis.exportSamplesCsv()
    expect(saveExport).toHaveBeenCalledTimes(1)
    const file = saveExport.mock.calls[0]![0]
    expect(file.kind).toBe('csv')
    expect(file.suggestedName).toBe('Untitled plan Monte Carlo samples.csv')
    const rows = parseCsv(new TextDecoder().decode(file.bytes))
    expect(rows).toHaveLength(151)
    expect(rows[0]![0]).toBe('sample')
    expect(analysis.csvStatus).toEqual({ state: 'saved', message: 'Untitled plan Monte Carlo samples.csv' })
  })
})
