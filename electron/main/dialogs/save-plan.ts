import path from 'node:path'
import { app, dialog } from 'electron'
import type { BrowserWindow, SaveDialogOptions } from 'electron'
import { PLAN_EXTENSION, toSuggestedFileName } from './file-names'
import { shellText } from '../shell-text'

/** The Save As dialog for planning files; resolves to the chosen path or null when cancelled. */
export async function showSavePlanDialog(
  win: BrowserWindow | null,
  suggestedName: string
): Promise<string | null> {
  const text = shellText().dialog
  const options: SaveDialogOptions = {
    title: text.savePlanTitle,
    defaultPath: path.join(app.getPath('documents'), toSuggestedFileName(suggestedName, PLAN_EXTENSION)),
    filters: [{ name: text.planFilter, extensions: [PLAN_EXTENSION] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  if (result.canceled || !result.filePath) return null
  return result.filePath
}
