import { dialog } from 'electron'
import type { BrowserWindow, OpenDialogOptions } from 'electron'
import { PLAN_EXTENSION } from './file-names'
import { shellText } from '../shell-text'

/** The Open dialog for planning files; resolves to the chosen path or null when cancelled. */
export async function showOpenPlanDialog(win: BrowserWindow | null): Promise<string | null> {
  const text = shellText().dialog
  const options: OpenDialogOptions = {
    title: text.openPlanTitle,
    properties: ['openFile'],
    filters: [
      { name: text.planFilter, extensions: [PLAN_EXTENSION] },
      { name: text.allFilesFilter, extensions: ['*'] },
    ],
  }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  if (result.canceled) return null
  return result.filePaths[0] ?? null
}
