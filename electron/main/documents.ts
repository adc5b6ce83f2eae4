import path from 'node:path'
import type { FileStamp, OpenResult, SaveResult } from '../contract'
import { PLAN_EXTENSION } from './dialogs/file-names'
import { FileServiceError, readPlanText, savePlanText } from './files/plan-store'
import type { RecentFiles } from './files/recent'
import { checkPlanText } from './ipc/validate-plan'
import type { KnownPaths } from './known-paths'

/** What opening and saving documents needs from the rest of main. */
export interface DocumentServices {
  knownPaths: KnownPaths
  recent: Pick<RecentFiles, 'list' | 'add'>
  /** Called with the new recent list (newest first) after a file was opened or saved. */
  onRecentChanged(paths: string[], addedPath: string): void
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function rememberRecent(services: DocumentServices, filePath: string): Promise<void> {
  try {
    services.onRecentChanged(await services.recent.add(filePath), filePath)
  } catch (error) {
    // The recent list is a convenience: failing to update it must not fail the open or save.
    console.warn(`Stackplan: could not update the recent list: ${errorMessage(error)}`)
  }
}

/**
 * Reads a planning file for the renderer (the file service refuses folders, devices, pipes, files over the
 * size cap and bytes that are not UTF-8), then makes its path known and puts it on the recent list.
 */
async function openPlanAt(services: DocumentServices, filePath: string): Promise<OpenResult> {
  try {
    const { text, stamp } = await readPlanText(filePath)
    services.knownPaths.add(filePath)
    await rememberRecent(services, filePath)
    return { status: 'opened', doc: { path: filePath, name: path.basename(filePath), text, stamp } }
  } catch (error) {
    // The file service's messages already name the step and the path in a sentence.
    return { status: 'error', path: filePath, message: errorMessage(error) }
  }
}

/** Reads a planning file main already knows the path of (dialog, recent list, OS open). */
export async function openKnownPlan(services: DocumentServices, filePath: string): Promise<OpenResult> {
  if (!services.knownPaths.has(filePath)) {
    return { status: 'error', path: filePath, message: 'This file was not opened or chosen in Stackplan.' }
  }
  return openPlanAt(services, filePath)
}

const PLAN_SUFFIX = `.${PLAN_EXTENSION}`

/** Why a path the page says was dropped on the window cannot be opened, or null. */
export function droppedPathProblem(filePath: string): string | null {
  if (filePath.includes('\0')) return 'Could not open the dropped file: its path is not valid.'
  if (!path.isAbsolute(filePath)) {
    return `Could not open ${filePath}: a dropped file is opened by its full path, and this one is not.`
  }
  if (!filePath.toLowerCase().endsWith(PLAN_SUFFIX)) {
    return `Could not open ${filePath}: only planning files (${PLAN_SUFFIX}) can be opened by dropping them on the window.`
  }
  return null
}

/**
 * A file dropped on the window, by the path the preload found for it. The page could send any string, so
 * only an absolute path ending in .stackplan is tried; the file service then refuses anything but a
 * regular file within the size cap. What opens is then exactly like File › Open of that path: known from
 * now on (Save writes back to it), on the recent list, with the stamp the next save compares against.
 */
export async function openDroppedPlan(services: DocumentServices, filePath: string): Promise<OpenResult> {
  const problem = droppedPathProblem(filePath)
  if (problem !== null) return { status: 'error', path: filePath, message: problem }
  return openPlanAt(services, filePath)
}

export interface SaveRequest {
  path: string
  text: string
  expected: FileStamp | null
  overwrite: boolean
}

/** Writes a planning file to a path main knows, after the model has accepted the text. */
export async function saveKnownPlan(services: DocumentServices, request: SaveRequest): Promise<SaveResult> {
  const filePath = request.path
  if (!services.knownPaths.has(filePath)) {
    return {
      status: 'error',
      step: 'check path',
      path: filePath,
      message: 'This file was not opened or chosen in Stackplan; use Save As.',
    }
  }
  const check = checkPlanText(request.text)
  if (!check.ok) {
    return {
      status: 'error',
      step: 'validate',
      path: filePath,
      message: `The plan was not saved: ${check.message}`,
    }
  }
  try {
    const result = await savePlanText({
      path: filePath,
      text: request.text,
      expected: request.expected,
      overwrite: request.overwrite,
    })
    if (result.status === 'conflict') return { status: 'conflict', path: filePath }
    await rememberRecent(services, filePath)
    return { status: 'saved', path: filePath, name: path.basename(filePath), stamp: result.stamp }
  } catch (error) {
    if (error instanceof FileServiceError) {
      return { status: 'error', step: error.step, path: error.path || filePath, message: error.message }
    }
    return { status: 'error', step: 'save', path: filePath, message: errorMessage(error) }
  }
}
