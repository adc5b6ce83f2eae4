import { app, dialog } from 'electron'
import type { BrowserWindow, MessageBoxOptions } from 'electron'

/** Help → About: name, version and the runtime versions a bug report needs. */
export async function showAboutDialog(win: BrowserWindow | null): Promise<void> {
  const options: MessageBoxOptions = {
    type: 'info',
    title: 'About Stackplan',
    message: `Stackplan ${app.getVersion()}`,
    detail: [
      'Capacity and cost planner for private clouds: VMware and OpenStack across fleet sizes.',
      '',
      `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node.js ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  }
  if (win) await dialog.showMessageBox(win, options)
  else await dialog.showMessageBox(options)
}
