import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { BrowserWindow } from 'electron'
import type { SaveResult } from '../../contract'
import { showExportFileDialog } from '../dialogs/export-file'
import { showExportPdfDialog } from '../dialogs/export-pdf'
import { confirmedExportPath } from '../dialogs/confirm-replace'
import { writeFileAtomic } from '../../../file-service/atomic-write'
import { handle } from './handle'

/** Writes an export atomically (never a partial file) and describes the result for the renderer. */
async function writeExport(target: string, data: Uint8Array): Promise<SaveResult> {
  await writeFileAtomic(target, data)
  const stat = await fs.stat(target)
  return {
    status: 'saved',
    path: target,
    name: path.basename(target),
    stamp: {
      sizeBytes: stat.size,
      mtimeMs: stat.mtimeMs,
      sha256: createHash('sha256').update(data).digest('hex'),
    },
  }
}

function failure(step: string, target: string, error: unknown): SaveResult {
  return {
    status: 'error',
    step,
    path: target,
    message: error instanceof Error ? error.message : String(error),
  }
}

/**
 * export:savePdf — prints the page (the renderer shows its report view, laid out by its print stylesheet)
 * to a PDF of the chosen paper size, into a file the user picks.
 * export:saveFile — writes a workbook, CSV or PNG the renderer built into a file the user picks.
 */
export function registerExportHandlers(): void {
  handle('export:savePdf', async (event, request): Promise<SaveResult> => {
    const win = BrowserWindow.fromWebContents(event.sender)
    if (!win) return { status: 'error', step: 'find window', path: '', message: 'The window is gone.' }
    const chosen = await showExportPdfDialog(win, request.suggestedName)
    if (chosen === null) return { status: 'cancelled' }
    const target = await confirmedExportPath(win, chosen, 'pdf')
    if (target === null) return { status: 'cancelled' }
    let pdf: Uint8Array
    try {
      // The stylesheet's @page size follows the same choice; page numbers come from its margin boxes.
      pdf = await event.sender.printToPDF({
        printBackground: true,
        pageSize: request.pageSize,
        preferCSSPageSize: true,
      })
    } catch (error) {
      return failure('render PDF', target, error)
    }
    try {
      return await writeExport(target, pdf)
    } catch (error) {
      return failure('write file', target, error)
    }
  })

  handle('export:saveFile', async (event, request): Promise<SaveResult> => {
    const win = BrowserWindow.fromWebContents(event.sender)
    const chosen = await showExportFileDialog(win, request.suggestedName, request.kind)
    if (chosen === null) return { status: 'cancelled' }
    const target = await confirmedExportPath(win, chosen, request.kind)
    if (target === null) return { status: 'cancelled' }
    try {
      return await writeExport(target, request.bytes)
    } catch (error) {
      return failure('write file', target, error)
    }
  })
}
