// The analysis Web Worker: sensitivity, break-even and Monte Carlo off the window's main thread.
import { createAnalysisHandler } from './analysis-handler'
import type { AnalysisRequest } from './analysis-protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope

const handle = createAnalysisHandler({
  post: (reply, transfer = []) => scope.postMessage(reply, transfer),
})

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  void handle(event.data)
}
