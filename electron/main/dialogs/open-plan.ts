import { dialog } from 'electron'
import type { BrowserWindow, OpenDialogOptions } from 'electron'
import { PLAN_EXTENSION } from './file-names'

/** The Open dialog for planning files; resolves to the chosen path or null when cancelled. */
export async function showOpenPlanDialog(win: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Open plan',
    properties: ['openFile'],
    filters: [
      { name: 'Stackplan plans', extensions: [PLAN_EXTENSION] },
      { name: 'All files', extensions: ['*'] },
    ],
  }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  if (result.canceled) return null
  return result.filePaths[0] ?? null
}
