import path from 'node:path'
import { app, dialog } from 'electron'
import type { BrowserWindow, SaveDialogOptions } from 'electron'
import type { ExportFileKind } from '../../contract'
import { toSuggestedFileName } from './file-names'
import { shellText } from '../shell-text'

function filterOf(kind: ExportFileKind): { title: string; name: string } {
  const text = shellText().dialog
  switch (kind) {
    case 'xlsx':
      return { title: text.exportXlsxTitle, name: text.xlsxFilter }
    case 'csv':
      return { title: text.exportCsvTitle, name: text.csvFilter }
    case 'png':
      return { title: text.exportPngTitle, name: text.pngFilter }
  }
}

/** The save dialog of an exported file (workbook, CSV, PNG); resolves to the chosen path or null. */
export async function showExportFileDialog(
  win: BrowserWindow | null,
  suggestedName: string,
  kind: ExportFileKind
): Promise<string | null> {
  const filter = filterOf(kind)
  const options: SaveDialogOptions = {
    title: filter.title,
    defaultPath: path.join(
      app.getPath('documents'),
      toSuggestedFileName(suggestedName, kind, 'Stackplan export')
    ),
    filters: [{ name: filter.name, extensions: [kind] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  if (result.canceled || !result.filePath) return null
  return result.filePath
}
