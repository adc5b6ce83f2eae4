import { writeFileAtomic } from '../../electron/main/files/atomic-write'
import { describeReason } from '../../electron/main/files/errors'
import { PlanFileProblem } from './errors'

/**
 * Writes an output file the way planning files are saved (temp file in the same folder, flushed, renamed
 * over the target), so a failure never leaves a partial file. A failure is a file problem: exit 3 with
 * the path and the reason.
 */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data)
  } catch (error) {
    throw new PlanFileProblem(`cannot write ${path}: ${describeReason(error)}`)
  }
}
