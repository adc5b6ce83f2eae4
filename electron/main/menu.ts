import path from 'node:path'
import { Menu } from 'electron'
import type { MenuItemConstructorOptions } from 'electron'
import type { PushChannel, PushChannels } from '../contract'
import { shellText, type MenuRole, type ShellText } from './shell-text'

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

/** A role's item, labelled in the shell language when it has a label for the role. */
function roleItem(text: ShellText, role: MenuRole): MenuItemConstructorOptions {
  const label = text.roles[role]
  return label === undefined ? { role } : { role, label }
}

/** "关于 Stackplan(&A)" → "关于 Stackplan", "&About Stackplan" → "About Stackplan": macOS shows no mnemonics. */
export function withoutMnemonic(label: string): string {
  return label.replace(/\(&\w\)/g, '').replace(/&(.)/g, '$1')
}

function recentSubmenu(options: MenuOptions, text: ShellText): MenuItemConstructorOptions[] {
  if (options.recent.length === 0) return [{ label: text.menu.noRecent, enabled: false }]
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
  const text = shellText()
  const m = text.menu
  const role = (name: MenuRole) => roleItem(text, name)

  const file: MenuItemConstructorOptions = {
    label: m.file,
    submenu: [
      { label: m.new, accelerator: 'CmdOrCtrl+N', click: () => send('menu:new') },
      { label: m.open, accelerator: 'CmdOrCtrl+O', click: () => send('menu:open') },
      { label: m.openRecent, submenu: recentSubmenu(options, text) },
      { type: 'separator' },
      { label: m.save, accelerator: 'CmdOrCtrl+S', click: () => send('menu:save') },
      { label: m.saveAs, accelerator: 'CmdOrCtrl+Shift+S', click: () => send('menu:saveAs') },
      { type: 'separator' },
      { label: m.exportPdf, accelerator: 'CmdOrCtrl+P', click: () => send('menu:export') },
      { label: m.importInventory, accelerator: 'CmdOrCtrl+I', click: () => send('menu:importInventory') },
      ...(isMac ? [] : [{ type: 'separator' } as const, role('quit')]),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: m.edit,
    submenu: [
      // Plan-level undo/redo lives in the renderer's store, so these are messages, not the native roles.
      { label: m.undo, accelerator: 'CmdOrCtrl+Z', click: () => send('menu:undo') },
      { label: m.redo, accelerator: 'CmdOrCtrl+Shift+Z', click: () => send('menu:redo') },
      { type: 'separator' },
      role('cut'),
      role('copy'),
      role('paste'),
      role('selectAll'),
    ],
  }

  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [role('reload'), role('toggleDevTools'), { type: 'separator' }]
  const view: MenuItemConstructorOptions = {
    label: m.view,
    submenu: [
      ...developerItems,
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      { type: 'separator' },
      role('togglefullscreen'),
    ],
  }

  const help: MenuItemConstructorOptions = {
    label: m.help,
    role: 'help',
    submenu: [
      { label: m.openstackDocs, click: () => options.openHelp() },
      ...(isMac ? [] : [{ type: 'separator' } as const]),
      ...(isMac ? [] : [{ label: m.about, click: () => options.showAbout() }]),
    ],
  }

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Stackplan',
          submenu: [
            { label: withoutMnemonic(m.about), click: () => options.showAbout() },
            { type: 'separator' },
            role('services'),
            { type: 'separator' },
            role('hide'),
            role('hideOthers'),
            role('unhide'),
            { type: 'separator' },
            role('quit'),
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
