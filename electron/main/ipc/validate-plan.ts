import { parsePlanFile } from '../../../models/index'

export type PlanTextCheck = { ok: true } | { ok: false; message: string }

/**
 * Re-parses a plan the renderer asks main to write. Only text the model accepts as a planning file
 * reaches the disk, so a compromised renderer cannot use the save channels to write arbitrary bytes.
 */
export function checkPlanText(text: string): PlanTextCheck {
  try {
    const parsed = parsePlanFile(text)
    if (parsed.ok) return { ok: true }
    return { ok: false, message: `not a valid planning file (${parsed.error.kind}: ${parsed.error.message})` }
  } catch (error) {
    // parsePlanFile promises not to throw; if it ever does, refuse rather than write.
    return { ok: false, message: `the plan could not be checked (${(error as Error).message})` }
  }
}

export function isValidPlanText(text: string): boolean {
  return checkPlanText(text).ok
}
