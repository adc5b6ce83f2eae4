import path from 'node:path'
import { app, dialog } from 'electron'
import type { BrowserWindow, SaveDialogOptions } from 'electron'
import { toSuggestedFileName } from './file-names'
import { shellText } from '../shell-text'

/** The Export PDF dialog; resolves to the chosen path or null when cancelled. */
export async function showExportPdfDialog(
  win: BrowserWindow | null,
  suggestedName: string
): Promise<string | null> {
  const text = shellText().dialog
  const options: SaveDialogOptions = {
    title: text.exportPdfTitle,
    defaultPath: path.join(
      app.getPath('documents'),
      toSuggestedFileName(suggestedName, 'pdf', 'Stackplan report')
    ),
    filters: [{ name: text.pdfFilter, extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  if (result.canceled || !result.filePath) return null
  return result.filePath
}
