import { createDefaultPlan, serializePlanFile } from '../../../models/index'
import { parseCommandArgs } from '../options'
import { APP_VERSION } from '../version'
import { writeOutputFile } from '../write-output'

/**
 * Writes the default planning file to FILE or returns it for stdout. The file is written like every
 * other output (temporary file, flushed, then put in place), so a full disk never leaves a 0-byte plan
 * behind; it appears under its name only if nothing is there yet, so init never destroys work.
 */
export async function runInit(args: string[]): Promise<string> {
  const { positionals } = parseCommandArgs(args, {})
  const text = serializePlanFile(createDefaultPlan(), { appVersion: APP_VERSION, savedAt: new Date() })
  const path = positionals[0]
  if (path === undefined) return text.trimEnd()
  await writeOutputFile(path, text, { isExclusive: true })
  return `Wrote the default plan to ${path}`
}
