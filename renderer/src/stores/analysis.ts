import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, toRaw, watch } from 'vue'
import {
  MAX_SEED,
  maxMonteCarloSamples,
  MONTE_CARLO_DEFAULTS,
  SAMPLE_LIMITS,
  scenarioLayers,
  scenarioOf,
  type AnalysisTarget,
  type BreakEvenResult,
  type GapSummary,
  type MonteCarloResult,
  type Plan,
  type SensitivityResult,
  type TransitionMonteCarloResult,
} from '@models'
import { provideReportAnalysis } from '../export/analysis-source'
import { useHost } from '../host'
import { documentLabel, i18n } from '../i18n'
import { batchBuffers, type AnalysisFinalReply } from '../workers/analysis-protocol'
import { createAnalysisPool, type AnalysisPool, type WorkerFactory } from '../workers/analysis-pool'
import { exportFileName } from './export'
import type { DriverQuery } from './inspector'
import { usePlanStore } from './plan'

/** Why a sample count or seed cannot be used, or null; `max` is the run's limit (see maxSamples). */
export function samplesProblem(n: number, max: number = SAMPLE_LIMITS.max): 'samples' | null {
  return Number.isInteger(n) && n >= SAMPLE_LIMITS.min && n <= max ? null : 'samples'
}
export function seedProblem(n: number): 'seed' | null {
  return Number.isInteger(n) && n >= 0 && n <= MAX_SEED ? null : 'seed'
}

/**
 * Everything the analyses read of the plan, as text: a result computed for another key is stale. The view's
 * metric, the plan's name, notes and scorecard do not change any analysis.
 */
export function analysisKey(plan: Plan, scenarioId: string): string {
  const v = plan.view
  return JSON.stringify([
    scenarioId,
    // The base values and the scenario's overrides, as the model resolves them.
    scenarioLayers(plan, scenarioOf(plan, scenarioId)),
    plan.ranges,
    v.curveFromVms,
    v.curveToVms,
    v.curvePoints,
    // Imported workload classes change every cost at a fleet size (drivers, tornado, bands).
    plan.workloadMix ?? null,
  ])
}

/** Splits `total` samples into `parts` contiguous blocks (the model gives identical results for any split). */
export function splitSamples(total: number, parts: number): { firstSample: number; samples: number }[] {
  const out: { firstSample: number; samples: number }[] = []
  let first = 0
  for (let i = 0; i < parts; i++) {
    const samples = Math.floor(total / parts) + (i < total % parts ? 1 : 0)
    if (samples > 0) out.push({ firstSample: first, samples })
    first += samples
  }
  return out
}

let workerFactory: WorkerFactory | undefined
let workerCount: number | undefined

/** Replaces the workers the next analysis store starts (tests run the handler in-process). */
export function setAnalysisWorkers(factory: WorkerFactory | undefined, count?: number): void {
  workerFactory = factory
  workerCount = count
}

interface Keyed<T> {
  key: string
  value: T | null
  error: string | null
}

export interface MonteCarloRun {
  key: string
  result: MonteCarloResult
  gap: GapSummary
  elapsedMs: number
}

export type RunStatus = 'idle' | 'running' | 'combining' | 'done' | 'cancelled' | 'error'

export interface TransitionMonteCarloRun {
  key: string
  result: TransitionMonteCarloResult
  elapsedMs: number
}

/**
 * Sensitivity, break-even and Monte Carlo for the plan on screen, computed by the model in Web Workers.
 * Results are derived, never stored in the plan: each remembers the analysisKey it was computed for, and a
 * result for another key is stale (sensitivity and break-even are recomputed on request; Monte Carlo is
 * kept, marked stale, until the user runs it again). The plan holds only the inputs (plan.ranges).
 */
export const useAnalysisStore = defineStore('analysis', () => {
  const planStore = usePlanStore()
  let pool: AnalysisPool | null = null
  const workers = (): AnalysisPool => (pool ??= createAnalysisPool(workerFactory, workerCount))

  // Sample count and seed are inputs, saved with the plan (an edit, undoable) so a colleague gets the same numbers.
  const samples = computed<number>({
    get: () => planStore.plan.monteCarlo?.samples ?? MONTE_CARLO_DEFAULTS.samples,
    set: (n) => planStore.setMonteCarlo({ samples: n, seed: seed.value }),
  })
  const seed = computed<number>({
    get: () => planStore.plan.monteCarlo?.seed ?? MONTE_CARLO_DEFAULTS.seed,
    set: (n) => planStore.setMonteCarlo({ samples: samples.value, seed: n }),
  })
  const breakEvenKey = ref('vmware.usdPerCoreYear.vcf')
  /**
   * What sensitivity, break-even and Monte Carlo measure (models/analysis/target.ts): a view choice like the
   * break-even key, not saved with the plan; one choice for the three so they answer the same question.
   */
  const analysisTarget = ref<AnalysisTarget>('annualGap')
  const isTransitionTarget = computed(() => analysisTarget.value !== 'annualGap')
  /**
   * The most samples a run may draw: the curves' run holds every sample's cost at every curve point (plus
   * the plan's size), so a plan with many curve points allows fewer samples within the memory limit. The
   * stay-or-move run keeps one result per sample.
   */
  const maxSamples = computed(() =>
    isTransitionTarget.value ? SAMPLE_LIMITS.max : maxMonteCarloSamples(planStore.plan.view.curvePoints + 1)
  )
  const planKey = computed(() => analysisKey(planStore.plan, planStore.activeScenarioId))
  const target = (): { plan: Plan; scenarioId: string } => ({
    plan: toRaw(planStore.plan),
    scenarioId: planStore.activeScenarioId,
  })

  /** One result per key, computed on worker 0; a newer request cancels the one in flight. */
  function keyedAnalysis<T>(
    request: (id: number) => Parameters<AnalysisPool['send']>[1],
    read: (r: AnalysisFinalReply) => T | null
  ) {
    const state = shallowRef<Keyed<T> | null>(null)
    const job = shallowRef<{ id: number; key: string } | null>(null)
    function refresh(key: string): void {
      if (state.value?.key === key || job.value?.key === key) return
      if (job.value) workers().cancel(job.value.id)
      const id = workers().nextId()
      job.value = { id, key }
      void workers()
        .send(0, request(id))
        .then((reply) => {
          if (job.value?.id !== id) return
          job.value = null
          if (reply.type === 'error') state.value = { key, value: null, error: reply.message }
          else if (reply.type !== 'cancelled') state.value = { key, value: read(reply), error: null }
        })
    }
    return { state, job, refresh }
  }

  const sens = keyedAnalysis<SensitivityResult>(
    (id) => ({ type: 'sensitivity', id, ...target(), target: analysisTarget.value }),
    (r) => (r.type === 'sensitivity' ? r.result : null)
  )
  const sensitivityFor = computed(() => `${analysisTarget.value}|${planKey.value}`)
  const sensitivity = computed(() =>
    sens.state.value?.key === sensitivityFor.value ? sens.state.value.value : null
  )
  /** The last tornado, possibly of an earlier plan (shown dimmed while the new one is computed). */
  const lastSensitivity = computed(() => sens.state.value)
  const isSensitivityBusy = computed(() => sens.job.value !== null)
  const refreshSensitivity = (): void => sens.refresh(sensitivityFor.value)
  /** Starts the tornado for the plan on screen if needed; resolves once it is computed (or has failed). */
  function ensureSensitivity(): Promise<void> {
    refreshSensitivity()
    if (!sens.job.value) return Promise.resolve()
    return new Promise((resolve) => {
      const stop = watch(
        () => sens.job.value,
        (job) => {
          if (job) return
          stop()
          resolve()
        }
      )
    })
  }

  const be = keyedAnalysis<BreakEvenResult>(
    (id) => ({ type: 'breakEven', id, ...target(), key: breakEvenKey.value, target: analysisTarget.value }),
    (r) => (r.type === 'breakEven' ? r.result : null)
  )
  const breakEvenFor = computed(() => `${breakEvenKey.value}|${analysisTarget.value}|${planKey.value}`)
  const breakEven = computed(() => (be.state.value?.key === breakEvenFor.value ? be.state.value : null))
  const isBreakEvenBusy = computed(() => be.job.value !== null)
  const refreshBreakEven = (): void => be.refresh(breakEvenFor.value)

  // What drives a cost (linked views): found by the model perturbing each assumption, 250–400 ms, so in a
  // worker. The inspector asks; a newer question or plan cancels the one in flight (its late reply, matched
  // by request id, is dropped) and the last answer stays on screen, marked busy, until the new one arrives.
  const driversQuery = shallowRef<DriverQuery | null>(null)
  const driversFor = computed(() =>
    driversQuery.value ? `${JSON.stringify(driversQuery.value)}|${planKey.value}` : null
  )
  const drv = keyedAnalysis<string[]>(
    (id) => ({ type: 'drivers', id, ...target(), ...(driversQuery.value as DriverQuery) }),
    (r) => (r.type === 'drivers' ? r.keys : null)
  )
  /** The drivers of the asked cost for the plan on screen; null while they are computed (or none is asked). */
  const drivers = computed(() =>
    driversFor.value !== null && drv.state.value?.key === driversFor.value ? drv.state.value : null
  )
  /** The last drivers computed, possibly of an earlier question or plan (shown while the new ones are computed). */
  const lastDrivers = computed(() => drv.state.value)
  const isDriversBusy = computed(() => drv.job.value !== null)
  /** Asks for the drivers of a cost (null: none), computing them unless they are known for this plan. */
  function refreshDrivers(query: DriverQuery | null): void {
    driversQuery.value = query ? { ...query } : null
    if (driversFor.value !== null) drv.refresh(driversFor.value)
  }

  const monteCarloRun = shallowRef<MonteCarloRun | null>(null)
  const progress = shallowRef<{ status: RunStatus; done: number; total: number; message: string | null }>({
    status: 'idle',
    done: 0,
    total: 0,
    message: null,
  })
  let active: { token: number; ids: number[] } | null = null
  let runCounter = 0
  const monteCarlo = computed(() =>
    monteCarloRun.value?.key === planKey.value ? monteCarloRun.value.result : null
  )
  const isMonteCarloStale = computed(
    () => monteCarloRun.value !== null && monteCarloRun.value.key !== planKey.value
  )
  /** The last stay-or-move Monte Carlo; kept, marked stale, when the plan changes, as the curve run is. */
  const transitionRun = shallowRef<TransitionMonteCarloRun | null>(null)
  const isTransitionStale = computed(
    () => transitionRun.value !== null && transitionRun.value.key !== planKey.value
  )
  const isRunning = computed(
    () => progress.value.status === 'running' || progress.value.status === 'combining'
  )

  function fail(message: string): void {
    active = null
    progress.value = { ...progress.value, status: 'error', message }
  }

  /** The stay-or-move Monte Carlo on worker 0 (transition targets). */
  async function runTransitionMonteCarlo(): Promise<void> {
    cancelMonteCarlo()
    const p = workers()
    const token = ++runCounter
    // The Samples field, as `stackplan montecarlo --target … --samples N`: about 0.7 ms a sample, chunked.
    const total = samples.value
    const key = planKey.value
    const id = p.nextId()
    active = { token, ids: [id] }
    progress.value = { status: 'running', done: 0, total, message: null }
    const started = performance.now()
    const reply = await p.send(
      0,
      { type: 'monteCarloTransition', id, ...target(), seed: seed.value, samples: total },
      {
        onProgress: (done) => {
          if (active?.token === token) progress.value = { ...progress.value, done }
        },
      }
    )
    if (active?.token !== token) return
    if (reply.type !== 'monteCarloTransition')
      return fail(reply.type === 'error' ? reply.message : 'cancelled')
    active = null
    const elapsedMs = performance.now() - started
    transitionRun.value = markRaw({ key, result: markRaw(reply.result), elapsedMs })
    progress.value = { status: 'done', done: total, total, message: null }
  }

  /**
   * Runs Monte Carlo for the chosen target: the cost curves over every worker (contiguous sample blocks,
   * combined in a worker), or the stay-or-move comparison on one.
   */
  async function runMonteCarlo(): Promise<void> {
    if (samplesProblem(samples.value, maxSamples.value) || seedProblem(seed.value)) return
    if (isTransitionTarget.value) return runTransitionMonteCarlo()
    cancelMonteCarlo()
    const p = workers()
    const token = ++runCounter
    const total = samples.value
    const key = planKey.value
    const { plan, scenarioId } = target()
    const parts = splitSamples(total, p.size)
    const ids = parts.map(() => p.nextId())
    const done = parts.map(() => 0)
    active = { token, ids }
    progress.value = { status: 'running', done: 0, total, message: null }
    const started = performance.now()
    const replies = await Promise.all(
      parts.map((part, i) =>
        p.send(
          i,
          { type: 'monteCarlo', id: ids[i] as number, plan, scenarioId, seed: seed.value, ...part },
          {
            onProgress: (d) => {
              done[i] = d
              if (active?.token === token)
                progress.value = { ...progress.value, done: done.reduce((a, b) => a + b, 0) }
            },
          }
        )
      )
    )
    if (active?.token !== token) return
    const failed = replies.find((r) => r.type !== 'batches')
    if (failed) return fail(failed.type === 'error' ? failed.message : 'cancelled')
    const batches = replies.flatMap((r) => (r.type === 'batches' ? r.batches : []))
    const combineId = p.nextId()
    active = { token, ids: [combineId] }
    progress.value = { status: 'combining', done: total, total, message: null }
    const reply = await p.send(
      0,
      { type: 'combine', id: combineId, batches },
      { transfer: batches.flatMap(batchBuffers) }
    )
    if (active?.token !== token) return
    if (reply.type !== 'monteCarlo') return fail(reply.type === 'error' ? reply.message : 'cancelled')
    active = null
    const elapsedMs = performance.now() - started
    monteCarloRun.value = markRaw({ key, result: markRaw(reply.result), gap: reply.gap, elapsedMs })
    progress.value = { status: 'done', done: total, total, message: null }
  }

  /** Stops the run at once: late replies of its workers are ignored, the workers stop at their next chunk. */
  function cancelMonteCarlo(): void {
    if (!active) return
    for (const id of active.ids) workers().cancel(id)
    active = null
    progress.value = { ...progress.value, status: 'cancelled' }
  }

  const csvStatus = shallowRef<{ state: 'idle' | 'busy' | 'saved' | 'error'; message: string }>({
    state: 'idle',
    message: '',
  })

  /** The samples CSV (built in a worker) saved through the host: a save dialog, or a download. */
  async function exportSamplesCsv(): Promise<void> {
    const run = monteCarloRun.value
    if (!run || csvStatus.value.state === 'busy') return
    csvStatus.value = { state: 'busy', message: '' }
    const { samples: n, seed: s, fleetVms, currency, sampledKeys, sampleValues, gapAtFleet } = run.result
    const id = workers().nextId()
    const csvRun = { samples: n, seed: s, fleetVms, currency, sampledKeys, sampleValues, gapAtFleet }
    const reply = await workers().send(0, { type: 'samplesCsv', id, run: csvRun })
    if (reply.type !== 'csv') {
      csvStatus.value = { state: 'error', message: reply.type === 'error' ? reply.message : '' }
      return
    }
    const label = documentLabel({ fileName: planStore.fileName, planName: planStore.plan.name })
    const name = exportFileName(label, ` ${i18n.global.t('exportName.samples')}.csv`)
    const saved = await useHost().saveExport({ suggestedName: name, kind: 'csv', bytes: reply.bytes })
    csvStatus.value =
      saved.status === 'saved'
        ? { state: 'saved', message: saved.name }
        : saved.status === 'error'
          ? { state: 'error', message: saved.message }
          : { state: 'idle', message: '' }
  }

  provideReportAnalysis(
    () => ({ sensitivity: sensitivity.value, monteCarlo: monteCarlo.value }),
    ensureSensitivity
  )

  return {
    samples,
    maxSamples,
    seed,
    breakEvenKey,
    analysisTarget,
    isTransitionTarget,
    planKey,
    sensitivity,
    lastSensitivity,
    isSensitivityBusy,
    refreshSensitivity,
    ensureSensitivity,
    breakEven,
    isBreakEvenBusy,
    refreshBreakEven,
    drivers,
    lastDrivers,
    isDriversBusy,
    refreshDrivers,
    monteCarloRun,
    monteCarlo,
    isMonteCarloStale,
    transitionRun,
    isTransitionStale,
    progress,
    isRunning,
    runMonteCarlo,
    cancelMonteCarlo,
    csvStatus,
    exportSamplesCsv,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAnalysisStore, import.meta.hot))
