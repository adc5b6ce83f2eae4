import { createAnalysisHandler } from '../../renderer/src/workers/analysis-handler'
import type { AnalysisReply, AnalysisRequest } from '../../renderer/src/workers/analysis-protocol'
import type { WorkerLike } from '../../renderer/src/workers/analysis-pool'

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * A stand-in for the analysis Web Worker that runs the worker's own message handler in this thread:
 * messages are cloned (structured clone, as postMessage does) and delivered on a later macrotask, so
 * requests, cancels and replies interleave as they do across threads.
 */
export function inProcessWorker(
  options: { chunkMs?: number } = {}
): WorkerLike & { received: AnalysisRequest[] } {
  const received: AnalysisRequest[] = []
  const worker: WorkerLike & { received: AnalysisRequest[] } = {
    received,
    onmessage: null,
    onerror: null,
    postMessage(message: AnalysisRequest) {
      const copy = structuredClone(message)
      setTimeout(() => {
        received.push(copy)
        void handle(copy)
      }, 0)
    },
    terminate() {},
  }
  const handle = createAnalysisHandler({
    post: (reply: AnalysisReply) => {
      const copy = structuredClone(reply)
      setTimeout(() => worker.onmessage?.({ data: copy } as MessageEvent<AnalysisReply>), 0)
    },
    yieldToEvents: macrotask,
    chunkMs: options.chunkMs ?? 5,
  })
  return worker
}
