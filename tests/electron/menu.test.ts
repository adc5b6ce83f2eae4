import type { MenuItemConstructorOptions } from 'electron'
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { Menu } = await import('./support/electron-mock')
const { buildMenuTemplate, installMenu, withoutMnemonic } = await import('../../electron/main/menu')
const { languageForLocale, setShellLanguage } = await import('../../electron/main/shell-text')

function setup(overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  const send = vi.fn()
  const showAbout = vi.fn()
  const openHelp = vi.fn()
  const template = buildMenuTemplate({
    isPackaged: true,
    platform: 'linux',
    recent: ['/home/ana/plans/a.stackplan', '/home/ana/plans/R&D.stackplan'],
    send,
    showAbout,
    openHelp,
    ...overrides,
  })
  return { template, send, showAbout, openHelp }
}

function items(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((entry) => entry.label?.replace('&', '') === label)
  if (!menu) throw new Error(`no ${label} menu`)
  return menu.submenu as MenuItemConstructorOptions[]
}

function item(list: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = list.find((entry) => entry.label?.replace(/&/g, '') === label)
  if (!found) throw new Error(`no item ${label}`)
  return found
}

function click(entry: MenuItemConstructorOptions) {
  ;(entry.click as () => void)()
}

describe('File menu', () => {
  it.each([
    ['New', 'CmdOrCtrl+N', 'menu:new'],
    ['Open…', 'CmdOrCtrl+O', 'menu:open'],
    ['Save', 'CmdOrCtrl+S', 'menu:save'],
    ['Save As…', 'CmdOrCtrl+Shift+S', 'menu:saveAs'],
    ['Export PDF…', 'CmdOrCtrl+P', 'menu:export'],
    ['Import inventory…', 'CmdOrCtrl+I', 'menu:importInventory'],
  ])('%s has %s and sends %s', (label, accelerator, channel) => {
    const { template, send } = setup()
    const entry = item(items(template, 'File'), label)
    expect(entry.accelerator).toBe(accelerator)
    click(entry)
    expect(send).toHaveBeenCalledExactlyOnceWith(channel)
  })

  it('lists recent plans, newest first, each sending its path', () => {
    const { template, send } = setup()
    const recent = item(items(template, 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[]
    expect(recent.map((entry) => entry.label)).toEqual(['&1 a.stackplan', '&2 R&&D.stackplan'])
    click(recent[1] as MenuItemConstructorOptions)
    expect(send).toHaveBeenCalledExactlyOnceWith('menu:openRecent', '/home/ana/plans/R&D.stackplan')
  })

  it('shows a disabled placeholder when there are no recent plans', () => {
    const { template } = setup({ recent: [] })
    const recent = item(items(template, 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[]
    expect(recent).toEqual([{ label: 'No recent plans', enabled: false }])
  })

  it('ends with Quit outside macOS', () => {
    const { template } = setup()
    expect(items(template, 'File').at(-1)).toEqual({ role: 'quit' })
  })
})

describe('Edit menu', () => {
  it('sends undo and redo to the page and keeps the clipboard roles', () => {
    const { template, send } = setup()
    const edit = items(template, 'Edit')
    expect(item(edit, 'Undo').accelerator).toBe('CmdOrCtrl+Z')
    expect(item(edit, 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z')
    click(item(edit, 'Undo'))
    click(item(edit, 'Redo'))
    expect(send.mock.calls).toEqual([['menu:undo'], ['menu:redo']])
    expect(edit.map((entry) => entry.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
  })
})

describe('View menu', () => {
  it('has no reload or developer tools in a packaged app', () => {
    const roles = items(setup({ isPackaged: true }).template, 'View').map((entry) => entry.role)
    expect(roles).not.toContain('reload')
    expect(roles).not.toContain('forceReload')
    expect(roles).not.toContain('toggleDevTools')
    expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']))
  })

  it('has reload and developer tools when unpackaged', () => {
    const roles = items(setup({ isPackaged: false }).template, 'View').map((entry) => entry.role)
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })
})

describe('Help menu', () => {
  it('opens the documentation link and the About box', () => {
    const { template, openHelp, showAbout } = setup()
    const help = items(template, 'Help')
    click(item(help, 'OpenStack documentation'))
    click(item(help, 'About Stackplan'))
    expect(openHelp).toHaveBeenCalledTimes(1)
    expect(showAbout).toHaveBeenCalledTimes(1)
  })
})

describe('macOS', () => {
  it('puts About and Quit in the app menu', () => {
    const { template } = setup({ platform: 'darwin' })
    expect(template[0]?.label).toBe('Stackplan')
    const appItems = template[0]?.submenu as MenuItemConstructorOptions[]
    expect(appItems.map((entry) => entry.role ?? entry.label)).toEqual(
      expect.arrayContaining(['About Stackplan', 'quit'])
    )
    expect(items(template, 'File').map((entry) => entry.role)).not.toContain('quit')
  })
})

it('installMenu builds and sets the application menu', () => {
  installMenu({
    isPackaged: true,
    platform: 'linux',
    recent: [],
    send: vi.fn(),
    showAbout: vi.fn(),
    openHelp: vi.fn(),
  })
  expect(Menu.buildFromTemplate).toHaveBeenCalledTimes(1)
  expect(Menu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(
    Menu.buildFromTemplate.mock.results[0]?.value
  )
})

describe('in Chinese', () => {
  afterEach(() => {
    setShellLanguage('en')
  })

  it('labels every menu, item and role in Chinese with bracketed mnemonics', () => {
    setShellLanguage('zh-CN')
    const { template, send } = setup({ isPackaged: false })
    expect(template.map((entry) => entry.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)'])
    const file = template[0]?.submenu as MenuItemConstructorOptions[]
    expect(file.map((entry) => entry.label ?? entry.type)).toEqual([
      '新建(&N)',
      '打开(&O)…',
      '最近打开(&R)',
      'separator',
      '保存(&S)',
      '另存为(&A)…',
      'separator',
      '导出 PDF(&E)…',
      '导入清单(&I)…',
      'separator',
      '退出(&Q)',
    ])
    expect(file.at(-1)).toEqual({ role: 'quit', label: '退出(&Q)' })
    click(file[4] as MenuItemConstructorOptions)
    expect(send).toHaveBeenCalledExactlyOnceWith('menu:save')
    const edit = template[1]?.submenu as MenuItemConstructorOptions[]
    expect(edit.map((entry) => entry.label ?? entry.type)).toEqual([
      '撤销(&U)',
      '重做(&R)',
      'separator',
      '剪切(&T)',
      '复制(&C)',
      '粘贴(&P)',
      '全选(&A)',
    ])
    // Every item that shows text has it in Chinese: no role falls back to Electron's English wording.
    const view = template[2]?.submenu as MenuItemConstructorOptions[]
    for (const entry of view)
      expect(entry.type === 'separator' || /[\u4e00-\u9fff]/.test(entry.label ?? '')).toBe(true)
  })

  it('says there are no recent plans in Chinese', () => {
    setShellLanguage('zh-CN')
    const { template } = setup({ recent: [] })
    const file = template[0]?.submenu as MenuItemConstructorOptions[]
    expect(file[2]?.submenu).toEqual([{ label: '没有最近打开的计划', enabled: false }])
  })

  it('drops mnemonics in the macOS app menu', () => {
    setShellLanguage('zh-CN')
    const { template } = setup({ platform: 'darwin' })
    const appMenu = template[0]?.submenu as MenuItemConstructorOptions[]
    expect(appMenu[0]?.label).toBe('关于 Stackplan')
    expect(withoutMnemonic('&About Stackplan')).toBe('About Stackplan')
    expect(withoutMnemonic('R&&D')).toBe('R&D')
  })

  it('follows the OS locale until the window says otherwise: any Chinese locale reads Chinese', () => {
    expect(['zh-CN', 'zh-TW', 'zh', 'en-US', 'de-DE', ''].map(languageForLocale)).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'en',
      'en',
      'en',
    ])
  })
})
