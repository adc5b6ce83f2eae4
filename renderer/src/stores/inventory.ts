import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { importedAssumptionValue, planInputs, planWithImportedWorkload } from '@models'
import {
  importedEstateOf,
  INVENTORY_LIMITS,
  predominantHosts,
  suggestedPeakCpu,
  summarizeInventory,
  workloadClassesOf,
  type EstateSummary,
  type InventoryProblem,
  type InventoryRows,
} from '../../../inventory/index'
import type { InventoryReply, InventoryRequest } from '../workers/inventory-protocol'
import { usePlanStore } from './plan'

/** The part of a Worker the import uses (tests pass an in-process stand-in). */
export interface InventoryWorkerLike {
  postMessage(message: InventoryRequest, transfer?: Transferable[]): void
  onmessage: ((event: MessageEvent<InventoryReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

/** The import worker, bundled by Vite as an ES module worker (CSP: worker-src 'self'). */
function createInventoryWorker(): InventoryWorkerLike {
  return new Worker(new URL('../workers/inventory.worker.ts', import.meta.url), { type: 'module' })
}

let workerFactory: () => InventoryWorkerLike = createInventoryWorker

/** Replaces the worker factory (tests run the handler in-process). */
export function setInventoryWorkerFactory(factory: () => InventoryWorkerLike): void {
  workerFactory = factory
}

/** Files an import accepts by name (the content decides in the end). */
export const INVENTORY_FILE_PATTERN = /\.(xlsx|xlsm|xls|csv|zip)$/i

export interface InventoryFailure {
  fileName: string
  problem: InventoryProblem | 'internal'
  detail: string | null
  message: string
}

/**
 * An inventory import in the window: files read in a worker (progress, cancel), the estate summary shown
 * in a dialog, and "Use as this plan's workload" applied as one undoable edit. Nothing reaches the plan
 * unless the user says so, and a failed read leaves the plan as it was.
 */
export const useInventoryStore = defineStore('inventory', () => {
  const planStore = usePlanStore()
  const status = ref<'idle' | 'reading' | 'ready' | 'error'>('idle')
  const fileNames = ref<string[]>([])
  const progress = ref<{ fileName: string; fraction: number }>({ fileName: '', fraction: 0 })
  const rows = shallowRef<InventoryRows | null>(null)
  const failure = ref<InventoryFailure | null>(null)
  const includePoweredOff = ref(false)
  const includeTemplates = ref(false)
  const importedAt = ref<Date | null>(null)
  /** "Plan on these hosts' hardware" and "Use the suggested peak CPU utilization", both off until asked. */
  const useHostHardware = ref(false)
  const usePeakCpu = ref(false)
  /** Bumped by File › Import inventory…; the toolbar's file input answers by opening the file chooser. */
  const pickerRequests = ref(0)
  let worker: InventoryWorkerLike | null = null

  const terms = computed(() => {
    const { vmware, finance } = planInputs(planStore.plan, { scenarioId: planStore.activeScenarioId }).inputs
    return {
      licensing: {
        minCoresPerCpu: vmware.minCoresPerCpu,
        minCoresPerOrder: vmware.minCoresPerOrderEnabled ? vmware.minCoresPerOrder : null,
        usdPerCoreYear: vmware.usdPerCoreYear,
      },
      usdToCurrency: finance.usdToCurrency,
    }
  })

  const summary = computed<EstateSummary | null>(() =>
    rows.value
      ? summarizeInventory(rows.value, {
          includePoweredOff: includePoweredOff.value,
          includeTemplates: includeTemplates.value,
          licensing: terms.value.licensing,
        })
      : null
  )

  /** The imported hosts' most common configuration, offered as the plan's host hardware. */
  const hostHardware = computed(() => (rows.value ? predominantHosts(rows.value.hosts) : null))
  /** The hosts' CPU usage as a peak CPU utilization, with the value the plan would get (rounded, in range). */
  const peakCpu = computed(() => {
    const s = summary.value
    const suggested = rows.value && s ? suggestedPeakCpu(rows.value.hosts, s.included.vcpu) : null
    return suggested
      ? { ...suggested, used: importedAssumptionValue('workload.peakCpuUtilization', suggested.fraction) }
      : null
  })

  function stopWorker(): void {
    worker?.terminate()
    worker = null
  }

  function fail(f: InventoryFailure): void {
    stopWorker()
    failure.value = f
    status.value = 'error'
  }

  /** Reads dropped or chosen files; the dialog follows `status`. */
  async function importFiles(files: readonly File[]): Promise<void> {
    stopWorker()
    rows.value = null
    failure.value = null
    includePoweredOff.value = false
    includeTemplates.value = false
    useHostHardware.value = false
    usePeakCpu.value = false
    fileNames.value = files.map((f) => f.name)
    progress.value = { fileName: files[0]?.name ?? '', fraction: 0 }
    status.value = 'reading'
    // Size is checked before a byte is read, so a huge file is refused at once.
    const tooBig = files.find((f) => f.size > INVENTORY_LIMITS.maxFileBytes)
    if (tooBig) {
      fail({
        fileName: tooBig.name,
        problem: 'too-large',
        detail: null,
        message: `${tooBig.name}: the file is larger than ${INVENTORY_LIMITS.maxFileBytes / (1024 * 1024)} MiB`,
      })
      return
    }
    const payload = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
    )
    if (status.value !== 'reading') return // cancelled while the files were loading
    const current = workerFactory()
    worker = current
    current.onmessage = (event) => {
      if (worker !== current) return
      const reply = event.data
      if (reply.type === 'progress') progress.value = { fileName: reply.fileName, fraction: reply.fraction }
      else if (reply.type === 'done') {
        stopWorker()
        rows.value = reply.rows
        importedAt.value = new Date()
        status.value = 'ready'
      } else
        fail({
          fileName: reply.fileName,
          problem: reply.problem,
          detail: reply.detail,
          message: reply.message,
        })
    }
    current.onerror = (event) => {
      if (worker !== current) return
      fail({
        fileName: fileNames.value.join(', '),
        problem: 'internal',
        detail: null,
        message: event.message,
      })
    }
    current.postMessage(
      { type: 'read', files: payload },
      payload.map((p) => p.bytes.buffer)
    )
  }

  /** Stops reading at once (the worker is terminated) and closes the dialog. */
  function cancel(): void {
    stopWorker()
    close()
  }

  function close(): void {
    status.value = 'idle'
    rows.value = null
    failure.value = null
  }

  /**
   * Makes the included VMs the plan's workload, as one undoable edit; false (and the plan untouched) when
   * nothing is included. The same edit sets the host hardware and the peak CPU utilization when asked.
   */
  function useAsWorkload(): boolean {
    const s = summary.value
    if (!s || s.vms.included === 0) return false
    const { plan } = planWithImportedWorkload(planStore.plan, {
      vms: s.vms.included,
      vcpu: s.included.vcpu,
      ramGib: s.included.ramGib,
      diskGib: s.included.diskGib,
      classes: workloadClassesOf(s),
      estate: importedEstateOf(s, importedAt.value ?? new Date()),
      hostHardware: useHostHardware.value ? hostHardware.value : null,
      peakCpuUtilization: usePeakCpu.value ? (peakCpu.value?.fraction ?? null) : null,
    })
    planStore.commitPlan(plan)
    close()
    return true
  }

  function requestPicker(): void {
    pickerRequests.value++
  }

  return {
    pickerRequests,
    requestPicker,
    status,
    fileNames,
    progress,
    rows,
    failure,
    includePoweredOff,
    includeTemplates,
    useHostHardware,
    usePeakCpu,
    hostHardware,
    peakCpu,
    importedAt,
    terms,
    summary,
    importFiles,
    cancel,
    close,
    useAsWorkload,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useInventoryStore, import.meta.hot))
