import path from 'node:path'
import type { FileStamp, OpenResult, SaveResult } from '../contract'
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

/** Reads a planning file main already knows the path of (dialog, recent list, OS open). */
export async function openKnownPlan(services: DocumentServices, filePath: string): Promise<OpenResult> {
  if (!services.knownPaths.has(filePath)) {
    return { status: 'error', path: filePath, message: 'This file was not opened or chosen in Stackplan.' }
  }
  try {
    const { text, stamp } = await readPlanText(filePath)
    await rememberRecent(services, filePath)
    return { status: 'opened', doc: { path: filePath, name: path.basename(filePath), text, stamp } }
  } catch (error) {
    // The file service's messages already name the step and the path in a sentence.
    return { status: 'error', path: filePath, message: errorMessage(error) }
  }
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
