import path from 'node:path'
import { Menu } from 'electron'
import type { MenuItemConstructorOptions } from 'electron'
import type { PushChannel, PushChannels } from '../contract'

export interface MenuOptions {
  isPackaged: boolean
  platform: NodeJS.Platform
  /** Recent plan paths, newest first. */
  recent: readonly string[]
  /** Sends a push message to the focused (or main) window. */
  send: <K extends PushChannel>(channel: K, ...args: PushChannels[K]) => void
  showAbout: () => void
  openHelp: () => void
}

function recentSubmenu(options: MenuOptions): MenuItemConstructorOptions[] {
  if (options.recent.length === 0) return [{ label: 'No recent plans', enabled: false }]
  return options.recent.map((filePath, index) => ({
    // Accelerator-style mnemonics for the first nine; '&' in a name would be read as a mnemonic marker.
    label: `${index < 9 ? `&${index + 1} ` : ''}${path.basename(filePath).replace(/&/g, '&&')}`,
    sublabel: path.dirname(filePath),
    click: () => options.send('menu:openRecent', filePath),
  }))
}

/** The native menu as a template; menu commands become 'menu:*' push messages the renderer acts on. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { send, isPackaged, platform } = options
  const isMac = platform === 'darwin'

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: '&New', accelerator: 'CmdOrCtrl+N', click: () => send('menu:new') },
      { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => send('menu:open') },
      { label: 'Open &Recent', submenu: recentSubmenu(options) },
      { type: 'separator' },
      { label: '&Save', accelerator: 'CmdOrCtrl+S', click: () => send('menu:save') },
      { label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send('menu:saveAs') },
      { type: 'separator' },
      { label: '&Export PDF…', accelerator: 'CmdOrCtrl+P', click: () => send('menu:export') },
      { label: '&Import inventory…', accelerator: 'CmdOrCtrl+I', click: () => send('menu:importInventory') },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // Plan-level undo/redo lives in the renderer's store, so these are messages, not the native roles.
      { label: '&Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('menu:undo') },
      { label: '&Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => send('menu:redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  }

  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...developerItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'OpenStack documentation', click: () => options.openHelp() },
      ...(isMac ? [] : [{ type: 'separator' } as const]),
      ...(isMac ? [] : [{ label: '&About Stackplan', click: () => options.showAbout() }]),
    ],
  }

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Stackplan',
          submenu: [
            { label: 'About Stackplan', click: () => options.showAbout() },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : []

  return [...appMenu, file, edit, view, help]
}

/** Builds and installs the application menu (again after the recent list changes). */
export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)))
}
