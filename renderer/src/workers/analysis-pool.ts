import type { AnalysisFinalReply, AnalysisReply, AnalysisRequest } from './analysis-protocol'

/** The part of a Worker the pool uses (tests pass an in-process stand-in). */
export interface WorkerLike {
  postMessage(message: AnalysisRequest, transfer?: Transferable[]): void
  onmessage: ((event: MessageEvent<AnalysisReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

export type WorkerFactory = () => WorkerLike

type Job = Exclude<AnalysisRequest, { type: 'cancel' }>

interface Pending {
  worker: number
  resolve: (reply: AnalysisFinalReply) => void
  onProgress?: (done: number, total: number) => void
}

export interface AnalysisPool {
  /** Workers in the pool (each its own thread). */
  readonly size: number
  nextId(): number
  /** Sends a job to worker `index` (modulo size); resolves with its final reply, never rejects. */
  send(
    index: number,
    job: Job,
    options?: { transfer?: Transferable[]; onProgress?: (done: number, total: number) => void }
  ): Promise<AnalysisFinalReply>
  /** Asks the worker running `id` to stop; its promise resolves with 'cancelled' (or its result, if done first). */
  cancel(id: number): void
  terminate(): void
}

/** The analysis worker, bundled by Vite as an ES module worker (CSP: worker-src 'self'). */
export function createAnalysisWorker(): WorkerLike {
  return new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module' })
}

/** Workers to start: one per core, at least one and at most four (the window keeps a thread of its own). */
export function poolSize(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 2
  return Math.max(1, Math.min(4, cores))
}

/**
 * A small pool of analysis workers, started on first use. Replies are routed by request id; a worker that
 * fails (its script cannot load, it crashes) answers every job it holds with an error.
 */
export function createAnalysisPool(
  create: WorkerFactory = createAnalysisWorker,
  size = poolSize()
): AnalysisPool {
  const workers: (WorkerLike | null)[] = new Array<WorkerLike | null>(size).fill(null)
  const pending = new Map<number, Pending>()
  let lastId = 0

  function settle(reply: AnalysisFinalReply): void {
    const p = pending.get(reply.id)
    if (!p) return
    pending.delete(reply.id)
    p.resolve(reply)
  }

  function worker(index: number): WorkerLike {
    const existing = workers[index]
    if (existing) return existing
    const w = create()
    w.onmessage = (event) => {
      const reply = event.data
      if (reply.type === 'progress') pending.get(reply.id)?.onProgress?.(reply.done, reply.total)
      else settle(reply)
    }
    w.onerror = (event) => {
      event.preventDefault?.()
      const message = event.message || 'the analysis worker stopped'
      for (const [id, p] of [...pending]) if (p.worker === index) settle({ type: 'error', id, message })
      workers[index] = null
      w.terminate()
    }
    workers[index] = w
    return w
  }

  return {
    size,
    nextId: () => ++lastId,
    send(index, job, options = {}) {
      const at = ((index % size) + size) % size
      return new Promise((resolve) => {
        pending.set(job.id, { worker: at, resolve, onProgress: options.onProgress })
        try {
          worker(at).postMessage(job, options.transfer ?? [])
        } catch (error) {
          settle({
            type: 'error',
            id: job.id,
            message: error instanceof Error ? error.message : String(error),
          })
        }
      })
    },
    cancel(id) {
      const p = pending.get(id)
      if (p) workers[p.worker]?.postMessage({ type: 'cancel', id })
    },
    terminate() {
      for (const w of workers) w?.terminate()
      workers.fill(null)
      for (const id of [...pending.keys()]) settle({ type: 'cancelled', id })
    },
  }
}
