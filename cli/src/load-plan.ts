import { FileServiceError } from '../../file-service/errors'
import { readRegularFile } from '../../file-service/read-file'
import { createDefaultPlan, decodePlanFileBytes, parsePlanFile, type Plan } from '../../models/index'
import { PlanFileProblem } from './errors'

/** Why reading failed, in the command line's short words. */
function readFailure(error: unknown): string {
  if (!(error instanceof FileServiceError)) return String(error)
  if (error.code === 'ENOENT') return 'no such file'
  if (error.code === 'EACCES') return 'permission denied'
  if (error.code === 'EISDIR') return 'it is a folder, not a planning file'
  if (error.code === 'ENOTFILE')
    return 'it is not a regular file (a pipe, device or link), not a planning file'
  // "Could not open PATH: the reason." → "the reason"
  return error.message.slice(`Could not open ${error.path}: `.length).replace(/\.$/, '')
}

/**
 * Reads and parses a planning file, or returns the built-in default plan when no path is given. The file
 * is read exactly as the window reads it: one bounded reader (size checked before reading, the read
 * itself capped, so /proc/self/pagemap with its stat size of 0 cannot fill memory; pipes and devices
 * refused without blocking) and one decoding rule (strict UTF-8).
 */
export async function loadPlan(path: string | undefined): Promise<Plan> {
  if (path === undefined) return createDefaultPlan()
  let bytes: Uint8Array
  try {
    bytes = (await readRegularFile(path)).bytes
  } catch (error) {
    throw new PlanFileProblem(`cannot read ${path}: ${readFailure(error)}`)
  }
  const decoded = decodePlanFileBytes(bytes)
  if (!decoded.ok) throw new PlanFileProblem(`${path}: ${decoded.error.message}`)
  const parsed = parsePlanFile(decoded.text)
  if (!parsed.ok) throw new PlanFileProblem(`${path}: ${parsed.error.message}`)
  return parsed.value.plan
}
