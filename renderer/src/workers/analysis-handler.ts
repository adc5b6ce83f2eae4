import {
  AnalysisCancelledError,
  breakEven,
  combineMonteCarloBatches,
  driversAt,
  monteCarloBatch,
  monteCarloTransitionBatch,
  combineTransitionBatches,
  samplesCsv,
  sensitivity,
  summarizeGap,
  type MonteCarloBatch,
  type TransitionMonteCarloBatch,
  type SamplesForCsv,
} from '@models'
import { batchBuffers, type AnalysisReply, type AnalysisRequest } from './analysis-protocol'

export interface AnalysisHandlerOptions {
  /** Sends a reply to the page; `transfer` lists buffers to move rather than copy. */
  post: (reply: AnalysisReply, transfer?: ArrayBuffer[]) => void
  /** Lets queued messages (a cancel, a newer request) run. @default a zero-delay macrotask */
  yieldToEvents?: () => Promise<void>
  /** @default performance.now */
  now?: () => number
  /**
   * How long one Monte Carlo chunk should take, ms: cancellation and progress happen between chunks.
   * @default 40
   */
  chunkMs?: number
}

/** A macrotask through a MessageChannel: no 4 ms clamp as nested timers get, and queued messages go first. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel()
    port1.onmessage = () => {
      port1.close()
      resolve()
    }
    port2.postMessage(null)
  })
}

const FIRST_CHUNK = 8

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The model's samples CSV (the same text `stackplan montecarlo --samples-out` writes), UTF-8. */
export function samplesCsvBytes(run: SamplesForCsv): Uint8Array {
  return new TextEncoder().encode(samplesCsv(run))
}

/**
 * The analysis worker's message handler, kept apart from the worker so tests can call it directly. It runs
 * the model's analyses and replies by id. Monte Carlo runs in chunks of about `chunkMs` (monteCarloBatch
 * with firstSample, so the chunks give exactly the numbers of one batch), yielding between them so a
 * cancel message can arrive; sensitivity, break-even and drivers yield once first, so a request superseded by a
 * newer one is dropped before it starts.
 */
export function createAnalysisHandler(
  options: AnalysisHandlerOptions
): (request: AnalysisRequest) => Promise<void> {
  const { post, yieldToEvents = macrotask, now = () => performance.now(), chunkMs = 40 } = options
  const running = new Set<number>()
  const cancelled = new Set<number>()

  async function startOrCancel(id: number): Promise<boolean> {
    await yieldToEvents()
    if (!cancelled.has(id)) return true
    post({ type: 'cancelled', id })
    return false
  }

  async function monteCarloPart(request: Extract<AnalysisRequest, { type: 'monteCarlo' }>): Promise<void> {
    const { id, plan, scenarioId, seed, firstSample, samples } = request
    const batches: MonteCarloBatch[] = []
    let done = 0
    let chunk = FIRST_CHUNK
    while (done < samples) {
      if (!(await startOrCancel(id))) return
      const n = Math.min(chunk, samples - done)
      const started = now()
      batches.push(monteCarloBatch(plan, { scenarioId, seed, firstSample: firstSample + done, samples: n }))
      const ms = Math.max(0.05, now() - started)
      done += n
      post({ type: 'progress', id, done, total: samples })
      // Size the next chunk from this one's speed: the model's cost per sample depends on the plan.
      chunk = Math.max(1, Math.min(20_000, Math.round((n * chunkMs) / ms)))
    }
    post({ type: 'batches', id, batches }, batches.flatMap(batchBuffers))
  }

  /**
   * The stay-or-move Monte Carlo in chunks of about `chunkMs` (monteCarloTransitionBatch with firstSample, so
   * the chunks give exactly the numbers of one run), yielding between them so a cancel takes effect at once
   * and progress is posted as it goes; the blocks are combined here.
   */
  async function transitionPart(
    request: Extract<AnalysisRequest, { type: 'monteCarloTransition' }>
  ): Promise<void> {
    const { id, plan, scenarioId, seed, samples } = request
    const batches: TransitionMonteCarloBatch[] = []
    let done = 0
    let chunk = FIRST_CHUNK
    while (done < samples) {
      if (!(await startOrCancel(id))) return
      const n = Math.min(chunk, samples - done)
      const started = now()
      batches.push(monteCarloTransitionBatch(plan, { scenarioId, seed, firstSample: done, samples: n }))
      const ms = Math.max(0.05, now() - started)
      done += n
      post({ type: 'progress', id, done, total: samples })
      chunk = Math.max(1, Math.min(20_000, Math.round((n * chunkMs) / ms)))
    }
    post({ type: 'monteCarloTransition', id, result: combineTransitionBatches(batches) })
  }

  async function run(request: Exclude<AnalysisRequest, { type: 'cancel' }>): Promise<void> {
    const { id } = request
    switch (request.type) {
      case 'sensitivity':
        if (await startOrCancel(id))
          post({
            type: 'sensitivity',
            id,
            result: sensitivity(request.plan, { scenarioId: request.scenarioId, target: request.target }),
          })
        return
      case 'breakEven':
        if (await startOrCancel(id))
          post({
            type: 'breakEven',
            id,
            result: breakEven(request.plan, request.key, {
              scenarioId: request.scenarioId,
              target: request.target,
            }),
          })
        return
      case 'drivers': {
        const { plan, scenarioId, vms, platform, category } = request
        // 250–400 ms on the default plan: one evaluation per perturbed value, so it runs here, not in the page.
        if (await startOrCancel(id))
          post({
            type: 'drivers',
            id,
            keys: driversAt(plan, { scenarioId, ...(vms === null ? {} : { vms }), platform, category }),
          })
        return
      }
      case 'monteCarlo':
        return monteCarloPart(request)
      case 'monteCarloTransition':
        return transitionPart(request)
      case 'combine': {
        const result = combineMonteCarloBatches(request.batches)
        const gap = summarizeGap(result.gapAtFleet)
        const transfer = [result.gapAtFleet, ...Object.values(result.sampleValues)].map((a) => a.buffer)
        post({ type: 'monteCarlo', id, result, gap }, transfer as ArrayBuffer[])
        return
      }
      case 'samplesCsv': {
        const bytes = samplesCsvBytes(request.run)
        post({ type: 'csv', id, bytes }, [bytes.buffer as ArrayBuffer])
        return
      }
    }
  }

  return async (request) => {
    if (request.type === 'cancel') {
      if (running.has(request.id)) cancelled.add(request.id)
      return
    }
    running.add(request.id)
    try {
      await run(request)
    } catch (error) {
      if (error instanceof AnalysisCancelledError) post({ type: 'cancelled', id: request.id })
      else post({ type: 'error', id: request.id, message: errorMessage(error) })
    } finally {
      running.delete(request.id)
      cancelled.delete(request.id)
    }
  }
}
