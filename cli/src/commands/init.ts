import { writeFile } from 'node:fs/promises'
import { createDefaultPlan, serializePlanFile } from '../../../models/index'
import { PlanFileProblem } from '../errors'
import { parseCommandArgs } from '../options'
import { APP_VERSION } from '../version'

/** Writes the default planning file to FILE (refusing to overwrite) or returns it for stdout. */
export async function runInit(args: string[]): Promise<string> {
  const { positionals } = parseCommandArgs(args, {})
  const text = serializePlanFile(createDefaultPlan(), { appVersion: APP_VERSION, savedAt: new Date() })
  const path = positionals[0]
  if (path === undefined) return text.trimEnd()
  try {
    // 'wx' refuses to replace an existing plan: init never destroys work.
    await writeFile(path, text, { encoding: 'utf8', flag: 'wx' })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'EEXIST'
        ? 'the file already exists'
        : code === 'ENOENT'
          ? 'the folder does not exist'
          : (code ?? String(error))
    throw new PlanFileProblem(`cannot write ${path}: ${why}`)
  }
  return `Wrote the default plan to ${path}`
}
