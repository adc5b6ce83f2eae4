import { promises as fs } from 'node:fs'
import path from 'node:path'
import { dialog } from 'electron'
import type { BrowserWindow, MessageBoxOptions } from 'electron'
import { withExtension } from './file-names'
import { shellText } from '../shell-text'

/** True when anything (even a dangling link) is at `filePath`. */
async function pathExists(filePath: string): Promise<boolean> {
  try {
    await fs.lstat(filePath)
    return true
  } catch {
    return false
  }
}

/**
 * The path an export writes to for the name a save dialog returned. The dialog asked before replacing the
 * name it returned; when the extension had to be added (GTK returns names without it), the file under
 * the extended name was never asked about, so an existing one is replaced only after the user says so
 * here. Null when the user keeps it.
 */
export async function confirmedExportPath(
  win: BrowserWindow | null,
  chosen: string,
  extension: string
): Promise<string | null> {
  const target = withExtension(chosen, extension)
  if (!target.isChanged || !(await pathExists(target.path))) return target.path
  const text = shellText().dialog
  const options: MessageBoxOptions = {
    type: 'warning',
    buttons: [text.cancel, text.replace],
    defaultId: 0,
    cancelId: 0,
    title: text.replaceTitle,
    message: text.replaceMessage(path.basename(target.path)),
    detail: text.replaceDetail(path.dirname(target.path)),
  }
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
  return response === 1 ? target.path : null
}
