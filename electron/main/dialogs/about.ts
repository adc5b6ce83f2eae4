import { app, dialog } from 'electron'
import type { BrowserWindow, MessageBoxOptions } from 'electron'
import { shellText } from '../shell-text'

/** Help → About: name, version and the runtime versions a bug report needs. */
export async function showAboutDialog(win: BrowserWindow | null): Promise<void> {
  const text = shellText().dialog
  const options: MessageBoxOptions = {
    type: 'info',
    title: text.aboutTitle,
    message: `Stackplan ${app.getVersion()}`,
    detail: [
      text.aboutDetail,
      '',
      `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node.js ${process.versions.node}`,
    ].join('\n'),
    buttons: [text.ok],
  }
  if (win) await dialog.showMessageBox(win, options)
  else await dialog.showMessageBox(options)
}
