import { promises as fs } from 'node:fs'
import { BrowserWindow } from 'electron'
import type { SaveResult } from '../../contract'
import { showOpenPlanDialog } from '../dialogs/open-plan'
import { PLAN_EXTENSION, withExtension } from '../dialogs/file-names'
import { showSavePlanDialog } from '../dialogs/save-plan'
import { openDroppedPlan, openKnownPlan, saveKnownPlan } from '../documents'
import type { DocumentServices } from '../documents'
import { handle } from './handle'
import { checkPlanText } from './validate-plan'

async function pathExists(filePath: string): Promise<boolean> {
  try {
    await fs.lstat(filePath)
    return true
  } catch {
    return false
  }
}

/** plan:openDialog, plan:openRecent, plan:openDropped, plan:save, plan:saveAs. */
export function registerPlanHandlers(services: DocumentServices): void {
  handle('plan:openDialog', async (event) => {
    const chosen = await showOpenPlanDialog(BrowserWindow.fromWebContents(event.sender))
    if (chosen === null) return { status: 'cancelled' }
    services.knownPaths.add(chosen)
    return openKnownPlan(services, chosen)
  })

  handle('plan:openRecent', (_event, request) => openKnownPlan(services, request.path))

  handle('plan:openDropped', (_event, request) => openDroppedPlan(services, request.path))

  handle('plan:save', (_event, request) => saveKnownPlan(services, request))

  handle('plan:saveAs', async (event, request): Promise<SaveResult> => {
    // Refuse an invalid plan before asking the user for a file name.
    const check = checkPlanText(request.text)
    if (!check.ok) {
      return {
        status: 'error',
        step: 'validate',
        path: '',
        message: `The plan was not saved: ${check.message}`,
      }
    }
    const chosen = await showSavePlanDialog(
      BrowserWindow.fromWebContents(event.sender),
      request.suggestedName
    )
    if (chosen === null) return { status: 'cancelled' }
    const target = withExtension(chosen, PLAN_EXTENSION)
    services.knownPaths.add(target.path)
    // The dialog asked before replacing the chosen file; a name we extended was not asked about, so an
    // existing file there comes back as a conflict (the page can then ask and save with overwrite).
    if (target.isChanged && (await pathExists(target.path))) return { status: 'conflict', path: target.path }
    return saveKnownPlan(services, { path: target.path, text: request.text, expected: null, overwrite: true })
  })
}
