import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { BrowserWindow } from 'electron'
import type { SaveResult } from '../../contract'
import { showExportPdfDialog } from '../dialogs/export-pdf'
import { withExtension } from '../dialogs/file-names'
import { handle } from './handle'

/** Writes bytes through a temporary file in the same folder and a rename, so a failure leaves no half file. */
export async function writeFileAtomic(filePath: string, data: Uint8Array): Promise<void> {
  const temp = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${process.pid}.${Date.now()}.tmp`
  )
  try {
    const handle = await fs.open(temp, 'w', 0o644)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, filePath)
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
}

/** export:savePdf — prints the page (the renderer lays out its print view) to a PDF the user chose. */
export function registerExportHandlers(): void {
  handle('export:savePdf', async (event, request): Promise<SaveResult> => {
    const win = BrowserWindow.fromWebContents(event.sender)
    if (!win) return { status: 'error', step: 'find window', path: '', message: 'The window is gone.' }
    const chosen = await showExportPdfDialog(win, request.suggestedName)
    if (chosen === null) return { status: 'cancelled' }
    const target = withExtension(chosen, 'pdf').path
    let step = 'render PDF'
    try {
      const pdf = await event.sender.printToPDF({ printBackground: true, landscape: true, pageSize: 'A4' })
      step = 'write file'
      await writeFileAtomic(target, pdf)
      const stat = await fs.stat(target)
      return {
        status: 'saved',
        path: target,
        name: path.basename(target),
        stamp: {
          sizeBytes: stat.size,
          mtimeMs: stat.mtimeMs,
          sha256: createHash('sha256').update(pdf).digest('hex'),
        },
      }
    } catch (error) {
      return {
        status: 'error',
        step,
        path: target,
        message: error instanceof Error ? error.message : String(error),
      }
    }
  })
}
