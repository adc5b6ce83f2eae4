function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Format 2 added the workload mix (plan.workloadMix, present only in plans that have one). A format-1 plan is
 * one average VM, so it migrates to a plan without a mix: nothing moves. A format-1 reader would have refused
 * the key, so a format-1 file holding it was not written by Stackplan: refuse it rather than trust it.
 */
export function refuseV1WorkloadMix(doc: { [key: string]: unknown }): void {
  if (isObject(doc.plan) && Object.hasOwn(doc.plan, 'workloadMix')) {
    throw new Error('a format 1 plan cannot hold "workloadMix"')
  }
}
