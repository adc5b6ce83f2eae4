import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  computeAllCurves,
  FLEET_VMS_LIMITS,
  MAX_MONTE_CARLO_SAMPLES,
  MAX_SEED,
  createDefaultPlan,
  evaluatePlan,
  planProblems,
  scoreScorecard,
  vmsForHosts,
  type AssumptionValue,
  type CostMetric,
  type CurveSet,
  type Distribution,
  type Evaluation,
  type GroupId,
  type Plan,
  type MonteCarloSettings,
  type Scorecard,
} from '@models'
import {
  FLEET_KEY,
  changedKeys,
  isBaseScenario,
  scenarioValues,
  scenarioDifferences,
  withAddedScenario,
  withDeletedScenario,
  withDuplicatedScenario,
  withFleetVms,
  withMovedScenario,
  withName,
  withRenamedScenario,
  withReset,
  withScorecard,
  withMonteCarlo,
  withRange,
  withValue,
} from '@models'

/** One state of the document: a plan (never mutated once made) and the version id it was given. */
interface HistoryEntry {
  plan: Plan
  version: number
}

const HISTORY_LIMIT = 200

function newDocId(): string {
  return `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The open plan and its history. Plans are replaced, never mutated: every edit builds a new plan (see
 * plan-edits.ts), pushes the old one on the undo stack and gets a fresh version id; the document is dirty
 * while its version differs from the one last saved, so undoing back to the saved state makes it clean.
 * Results (evaluation, curves, scorecard) are computed from the plan by the model and never stored.
 */
export const usePlanStore = defineStore('plan', () => {
  const plan = shallowRef<Plan>(createDefaultPlan())
  /** Where the host can save the document again (a path, a file handle id), or null. */
  const docRef = ref<string | null>(null)
  /** File name shown in the title, or null for a document never saved. */
  const fileName = ref<string | null>(null)
  /** Identifies the document's recovery snapshot. */
  const docId = ref(newDocId())
  const editVersion = ref(0)
  const savedVersion = ref(0)
  const undoStack = shallowRef<HistoryEntry[]>([])
  const redoStack = shallowRef<HistoryEntry[]>([])
  /** The host count last typed in the fleet-size field when it is in hosts. */
  const fleetHosts = ref<number | null>(null)
  let versionCounter = 0

  const isDirty = computed(() => editVersion.value !== savedVersion.value)
  const canUndo = computed(() => undoStack.value.length > 0)
  const canRedo = computed(() => redoStack.value.length > 0)
  const activeScenarioId = computed(() => {
    const id = plan.value.view.activeScenarioId
    return plan.value.scenarios.some((s) => s.id === id) ? id : plan.value.scenarios[0]!.id
  })
  const activeScenario = computed(() => plan.value.scenarios.find((s) => s.id === activeScenarioId.value)!)
  const isBaseActive = computed(() => isBaseScenario(plan.value, activeScenarioId.value))
  const values = computed(() => scenarioValues(plan.value, activeScenarioId.value))
  const fleetVms = computed(() => values.value[FLEET_KEY] as number)
  const metric = computed(() => plan.value.view.metric)
  const fleetUnit = computed(() => plan.value.view.fleetUnit)
  const documentName = computed(() => fileName.value ?? plan.value.name)
  const differences = computed(() => scenarioDifferences(plan.value, activeScenarioId.value))
  const changed = computed(() => new Set(changedKeys(plan.value, activeScenarioId.value)))

  const problems = computed(() => planProblems(plan.value))
  const evaluationResult = computed((): { ok: true; value: Evaluation } | { ok: false; message: string } => {
    if (problems.value.length > 0)
      return { ok: false, message: problems.value.map((p) => p.message).join('; ') }
    try {
      return { ok: true, value: evaluatePlan(plan.value, { scenarioId: activeScenarioId.value }) }
    } catch (error) {
      return { ok: false, message: errorText(error) }
    }
  })
  const evaluation = computed(() => (evaluationResult.value.ok ? evaluationResult.value.value : null))
  const curves = computed((): CurveSet[] => {
    if (problems.value.length > 0) return []
    const v = plan.value.view
    try {
      return computeAllCurves(plan.value, {
        metric: v.metric,
        fromVms: v.curveFromVms,
        toVms: v.curveToVms,
        points: v.curvePoints,
      })
    } catch {
      return []
    }
  })
  /** Yearly-cost curves of every scenario whatever the chart shows: the headline speaks of yearly cost only. */
  const annualCurves = computed((): CurveSet[] => {
    const v = plan.value.view
    if (v.metric === 'annual') return curves.value
    if (problems.value.length > 0) return []
    try {
      return computeAllCurves(plan.value, {
        metric: 'annual',
        fromVms: v.curveFromVms,
        toVms: v.curveToVms,
        points: v.curvePoints,
      })
    } catch {
      return []
    }
  })
  const scorecardResult = computed(() =>
    evaluation.value ? scoreScorecard(plan.value.scorecard, evaluation.value) : null
  )

  function commit(next: Plan): void {
    if (next === plan.value) return
    undoStack.value = [...undoStack.value, { plan: plan.value, version: editVersion.value }].slice(
      -HISTORY_LIMIT
    )
    redoStack.value = []
    plan.value = next
    editVersion.value = ++versionCounter
  }

  /** Replaces the plan with one built from it (an imported workload): one undoable edit. */
  function commitPlan(next: Plan): void {
    commit(next)
  }

  /** View settings travel with the plan but are not edits: no undo step, no dirty mark. */
  function setView(patch: Partial<Plan['view']>): void {
    plan.value = { ...plan.value, view: { ...plan.value.view, ...patch } }
  }

  function undo(): void {
    const entry = undoStack.value.at(-1)
    if (!entry) return
    undoStack.value = undoStack.value.slice(0, -1)
    redoStack.value = [...redoStack.value, { plan: plan.value, version: editVersion.value }]
    restore(entry.plan)
    editVersion.value = entry.version
  }

  function redo(): void {
    const entry = redoStack.value.at(-1)
    if (!entry) return
    redoStack.value = redoStack.value.slice(0, -1)
    undoStack.value = [...undoStack.value, { plan: plan.value, version: editVersion.value }]
    restore(entry.plan)
    editVersion.value = entry.version
  }

  /** Undo and redo keep the current view, and the scenario on screen when it exists in the restored plan. */
  function restore(target: Plan): void {
    const current = activeScenarioId.value
    const active = target.scenarios.some((s) => s.id === current) ? current : target.view.activeScenarioId
    plan.value = { ...target, view: { ...plan.value.view, activeScenarioId: active } }
  }

  /** Sets a value in the active scenario. Returns null, or the model's refusal (nothing changes then). */
  function setValue(key: string, value: AssumptionValue): string | null {
    try {
      commit(withValue(plan.value, activeScenarioId.value, key, value))
      return null
    } catch (error) {
      return errorText(error)
    }
  }

  /** Sets (null: removes) the plan's uncertainty range of a numeric assumption; null or the refusal. */
  function setRange(key: string, distribution: Distribution | null): string | null {
    try {
      commit(withRange(plan.value, key, distribution))
      return null
    } catch (error) {
      return errorText(error)
    }
  }

  function resetValue(key: string): void {
    commit(withReset(plan.value, activeScenarioId.value, [key]))
  }

  function resetGroup(group: GroupId): void {
    const keys = changedKeys(plan.value, activeScenarioId.value, group)
    if (keys.length > 0) commit(withReset(plan.value, activeScenarioId.value, keys))
  }

  function setFleetVms(vms: number): string | null {
    if (vms === fleetVms.value) return null
    try {
      commit(withFleetVms(plan.value, vms))
      return null
    } catch (error) {
      return errorText(error)
    }
  }

  /** Sets the fleet from a host count: the VM workload that many compute hosts carry (the model decides). */
  function setFleetHosts(hosts: number): string | null {
    let vms: number
    try {
      vms = Math.round(vmsForHosts(plan.value, hosts, { scenarioId: activeScenarioId.value }))
    } catch (error) {
      return errorText(error)
    }
    if (!Number.isFinite(vms)) return 'n/a'
    fleetHosts.value = hosts
    return setFleetVms(Math.min(FLEET_VMS_LIMITS.max, Math.max(FLEET_VMS_LIMITS.min, vms)))
  }

  function setName(name: string): void {
    if (name.trim() && name !== plan.value.name) commit(withName(plan.value, name.trim()))
  }

  function addScenario(name: string): string {
    const { plan: next, id } = withAddedScenario(plan.value, name)
    commit({ ...next, view: { ...next.view, activeScenarioId: id } })
    return id
  }

  function duplicateScenario(id: string, name: string): string {
    const { plan: next, id: copyId } = withDuplicatedScenario(plan.value, id, name)
    commit({ ...next, view: { ...next.view, activeScenarioId: copyId } })
    return copyId
  }

  function renameScenario(id: string, name: string): void {
    const target = plan.value.scenarios.find((s) => s.id === id)
    if (target && name.trim() && target.name !== name.trim())
      commit(withRenamedScenario(plan.value, id, name))
  }

  function deleteScenario(id: string): void {
    commit(withDeletedScenario(plan.value, id))
  }

  function moveScenario(id: string, toIndex: number): void {
    commit(withMovedScenario(plan.value, id, toIndex))
  }

  function setScorecard(scorecard: Scorecard): void {
    commit(withScorecard(plan.value, scorecard))
  }

  /** Saves the Monte Carlo sample count and seed; values outside the planning file's limits never get in. */
  function setMonteCarlo(settings: MonteCarloSettings): void {
    const { samples, seed } = settings
    const isValid =
      Number.isInteger(samples) &&
      samples >= 1 &&
      samples <= MAX_MONTE_CARLO_SAMPLES &&
      Number.isInteger(seed) &&
      seed >= 0 &&
      seed <= MAX_SEED
    if (!isValid) return
    const now = plan.value.monteCarlo
    if (now && now.samples === settings.samples && now.seed === settings.seed) return
    commit(withMonteCarlo(plan.value, settings))
  }

  function setActiveScenario(id: string): void {
    if (plan.value.scenarios.some((s) => s.id === id)) setView({ activeScenarioId: id })
  }

  function setMetric(value: CostMetric): void {
    setView({ metric: value })
  }

  function setFleetUnit(unit: 'vms' | 'hosts'): void {
    setView({ fleetUnit: unit })
  }

  /** Replaces the document (New, Open, recovery). `isSaved` false keeps it dirty (a recovered snapshot). */
  function load(
    next: Plan,
    doc: { ref: string | null; name: string | null; isSaved: boolean; docId?: string }
  ): void {
    plan.value = next
    docRef.value = doc.ref
    fileName.value = doc.name
    docId.value = doc.docId ?? newDocId()
    undoStack.value = []
    redoStack.value = []
    fleetHosts.value = null
    editVersion.value = ++versionCounter
    savedVersion.value = doc.isSaved ? editVersion.value : -1
  }

  function newPlan(): void {
    load(createDefaultPlan(), { ref: null, name: null, isSaved: true })
  }

  /** Records a successful save of the state with version `version` (the one that was serialized). */
  function markSaved(doc: { ref: string | null; name: string }, version: number): void {
    docRef.value = doc.ref
    fileName.value = doc.name
    savedVersion.value = version
  }

  return {
    plan,
    docRef,
    fileName,
    docId,
    editVersion,
    savedVersion,
    undoStack,
    redoStack,
    fleetHosts,
    isDirty,
    canUndo,
    canRedo,
    activeScenarioId,
    activeScenario,
    isBaseActive,
    values,
    fleetVms,
    metric,
    annualCurves,
    fleetUnit,
    documentName,
    differences,
    changed,
    problems,
    evaluationResult,
    evaluation,
    curves,
    scorecardResult,
    undo,
    redo,
    setValue,
    setRange,
    resetValue,
    resetGroup,
    setFleetVms,
    setFleetHosts,
    commitPlan,
    setName,
    addScenario,
    duplicateScenario,
    renameScenario,
    deleteScenario,
    moveScenario,
    setScorecard,
    setMonteCarlo,
    setActiveScenario,
    setMetric,
    setFleetUnit,
    load,
    newPlan,
    markSaved,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePlanStore, import.meta.hot))
