import { writeFileAtomic, type WriteFileAtomicOptions } from '../../file-service/atomic-write'
import { describeReason, errorCode, FileServiceError } from '../../file-service/errors'
import { PlanFileProblem } from './errors'

/** Why writing an output failed, in plain words: "the disk is full", "the file already exists". */
export function writeFailure(error: unknown): string {
  if (error instanceof FileServiceError && error.step === 'check target') {
    // "Could not save: PATH is a socket; Stackplan writes only …" → "it is a socket; Stackplan writes only …"
    return `it ${error.message.slice(`Could not save: ${error.path} `.length).replace(/\.$/, '')}`
  }
  switch (errorCode(error)) {
    case 'EEXIST':
      return 'the file already exists (init never replaces a file)'
    case 'EISDIR':
      return 'it is a folder'
    default:
      return describeReason(error)
  }
}

/**
 * Writes an output file the way planning files are saved (temp file in the same folder, flushed, renamed
 * over the target), so a failure never leaves a partial file; a pipe, /dev/null or /dev/stdout is written
 * in place instead. A failure is a file problem: exit 3 with the path and the reason in plain words.
 */
export async function writeOutputFile(
  path: string,
  data: string | Uint8Array,
  options: Pick<WriteFileAtomicOptions, 'isExclusive'> = {}
): Promise<void> {
  try {
    await writeFileAtomic(path, data, options)
  } catch (error) {
    throw new PlanFileProblem(`cannot write ${path}: ${writeFailure(error)}`)
  }
}
