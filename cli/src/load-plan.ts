import { readFile, stat } from 'node:fs/promises'
import { checkPlanFileSize, createDefaultPlan, parsePlanFile, type Plan } from '../../models/index'
import { PlanFileProblem } from './errors'

/** Reads and parses a planning file, or returns the built-in default plan when no path is given. */
export async function loadPlan(path: string | undefined): Promise<Plan> {
  if (path === undefined) return createDefaultPlan()
  let text: string
  try {
    // Size is checked before reading so a huge file is refused without loading it.
    const info = await stat(path)
    if (!info.isFile()) throw new PlanFileProblem(`${path} is not a file`)
    const tooLarge = checkPlanFileSize(info.size)
    if (tooLarge) throw new PlanFileProblem(`${path}: ${tooLarge.message}`)
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (error instanceof PlanFileProblem) throw error
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? String(error))
    throw new PlanFileProblem(`cannot read ${path}: ${why}`)
  }
  const parsed = parsePlanFile(text)
  if (!parsed.ok) throw new PlanFileProblem(`${path}: ${parsed.error.message}`)
  return parsed.value.plan
}
