/**
 * Hooks a long analysis offers its caller (a Web Worker, the CLI): progress reports and a cancellation
 * check. Both are called between units of work (a sensitivity row, a batch of Monte Carlo samples), never
 * inside the model, so they cost nothing measurable.
 */
export interface AnalysisControl {
  /** Called with the units done and the units in all, now and then and once at the end. */
  onProgress?: (done: number, total: number) => void
  /**
   * Asked between units; returning true stops the analysis with AnalysisCancelledError. In a Web Worker
   * read a flag the page can change while the worker is busy, e.g. `Atomics.load` on a SharedArrayBuffer,
   * or run Monte Carlo in batches (monteCarloBatch) and look at messages between them.
   */
  isCancelled?: () => boolean
}

/** Thrown by an analysis whose isCancelled check returned true. */
export class AnalysisCancelledError extends Error {
  constructor() {
    super('the analysis was cancelled')
    this.name = 'AnalysisCancelledError'
  }
}

/** Throws AnalysisCancelledError when the caller asks to stop. */
export function throwIfCancelled(control: AnalysisControl): void {
  if (control.isCancelled?.()) throw new AnalysisCancelledError()
}
