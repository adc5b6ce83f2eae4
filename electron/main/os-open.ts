import path from 'node:path'
import type { OpenResult } from '../contract'

const PLAN_SUFFIX = '.stackplan'

/**
 * Planning files named on a command line (launch, or a second launch forwarded by the single-instance
 * lock): arguments ending in .stackplan that are not switches, resolved against the launch folder.
 * The executable (and, unpackaged, the app folder) never ends in .stackplan, so all of argv is scanned.
 */
export function findPlanPathsInArgv(argv: readonly string[], cwd: string): string[] {
  const found: string[] = []
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string' || arg.startsWith('-') || arg.includes('\0')) continue
    if (!arg.toLowerCase().endsWith(PLAN_SUFFIX)) continue
    const resolved = path.resolve(cwd, arg)
    if (!found.includes(resolved)) found.push(resolved)
  }
  return found
}

/**
 * Holds files the OS asked to open until the page can receive them: macOS sends 'open-file' before the
 * window exists, and a page only listens once its script has run.
 */
export class ExternalOpenQueue {
  private pending: OpenResult[] = []
  private deliver: ((result: OpenResult) => boolean) | null = null

  /** The page is ready: everything queued is delivered now, later results immediately. */
  setReceiver(deliver: (result: OpenResult) => boolean): void {
    this.deliver = deliver
    const queued = this.pending
    this.pending = []
    for (const result of queued) this.push(result)
  }

  /** The page went away (reload, crash): queue again until it is back. */
  clearReceiver(): void {
    this.deliver = null
  }

  push(result: OpenResult): void {
    if (this.deliver && this.deliver(result)) return
    this.pending.push(result)
  }

  get size(): number {
    return this.pending.length
  }
}
