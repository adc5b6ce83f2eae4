/**
 * The words of the native shell (menu, file dialogs, message boxes) in the window's language. The page
 * owns the language choice (it keeps it with the user's settings) and tells main through `app:setLanguage`;
 * until it does, the OS locale decides. Only the two languages the page speaks exist here.
 */
import type { ShellLanguage } from '../contract'

/** The menu roles the menu uses. */
export type MenuRole =
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'

export interface ShellText {
  menu: {
    file: string
    new: string
    open: string
    openRecent: string
    noRecent: string
    save: string
    saveAs: string
    exportPdf: string
    importInventory: string
    edit: string
    undo: string
    redo: string
    view: string
    help: string
    openstackDocs: string
    about: string
  }
  /**
   * Labels of the menu items Electron provides by role (cut, quit, zoom…). Missing ones keep Electron's own
   * wording, which follows each platform's convention in English ("Exit" on Windows, "Quit" elsewhere).
   */
  roles: Partial<Record<MenuRole, string>>
  dialog: {
    openPlanTitle: string
    savePlanTitle: string
    planFilter: string
    allFilesFilter: string
    exportPdfTitle: string
    pdfFilter: string
    exportXlsxTitle: string
    xlsxFilter: string
    exportCsvTitle: string
    csvFilter: string
    exportPngTitle: string
    pngFilter: string
    replaceTitle: string
    replaceMessage: (fileName: string) => string
    replaceDetail: (folder: string) => string
    cancel: string
    replace: string
    ok: string
    aboutTitle: string
    aboutDetail: string
  }
}

const EN: ShellText = {
  menu: {
    file: '&File',
    new: '&New',
    open: '&Open…',
    openRecent: 'Open &Recent',
    noRecent: 'No recent plans',
    save: '&Save',
    saveAs: 'Save &As…',
    exportPdf: '&Export PDF…',
    importInventory: '&Import inventory…',
    edit: '&Edit',
    undo: '&Undo',
    redo: '&Redo',
    view: '&View',
    help: '&Help',
    openstackDocs: 'OpenStack documentation',
    about: '&About Stackplan',
  },
  roles: {},
  dialog: {
    openPlanTitle: 'Open plan',
    savePlanTitle: 'Save plan',
    planFilter: 'Stackplan plans',
    allFilesFilter: 'All files',
    exportPdfTitle: 'Export PDF',
    pdfFilter: 'PDF documents',
    exportXlsxTitle: 'Export workbook',
    xlsxFilter: 'Excel workbooks',
    exportCsvTitle: 'Export CSV',
    csvFilter: 'CSV files',
    exportPngTitle: 'Export chart image',
    pngFilter: 'PNG images',
    replaceTitle: 'Replace file?',
    replaceMessage: (fileName) => `“${fileName}” already exists. Replace it?`,
    replaceDetail: (folder) =>
      `A file of that name is already in ${folder}; replacing it overwrites its contents.`,
    cancel: 'Cancel',
    replace: 'Replace',
    ok: 'OK',
    aboutTitle: 'About Stackplan',
    aboutDetail: 'Capacity and cost planner for private clouds: VMware and OpenStack across fleet sizes.',
  },
}

// Menu mnemonics follow the Windows convention for Chinese menus: the label, then the letter in brackets.
const ZH: ShellText = {
  menu: {
    file: '文件(&F)',
    new: '新建(&N)',
    open: '打开(&O)…',
    openRecent: '最近打开(&R)',
    noRecent: '没有最近打开的计划',
    save: '保存(&S)',
    saveAs: '另存为(&A)…',
    exportPdf: '导出 PDF(&E)…',
    importInventory: '导入清单(&I)…',
    edit: '编辑(&E)',
    undo: '撤销(&U)',
    redo: '重做(&R)',
    view: '视图(&V)',
    help: '帮助(&H)',
    openstackDocs: 'OpenStack 文档',
    about: '关于 Stackplan(&A)',
  },
  roles: {
    quit: '退出(&Q)',
    cut: '剪切(&T)',
    copy: '复制(&C)',
    paste: '粘贴(&P)',
    selectAll: '全选(&A)',
    reload: '重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    togglefullscreen: '切换全屏',
    services: '服务',
    hide: '隐藏 Stackplan',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
  },
  dialog: {
    openPlanTitle: '打开计划',
    savePlanTitle: '保存计划',
    planFilter: 'Stackplan 计划',
    allFilesFilter: '所有文件',
    exportPdfTitle: '导出 PDF',
    pdfFilter: 'PDF 文档',
    exportXlsxTitle: '导出工作簿',
    xlsxFilter: 'Excel 工作簿',
    exportCsvTitle: '导出 CSV',
    csvFilter: 'CSV 文件',
    exportPngTitle: '导出图表图片',
    pngFilter: 'PNG 图片',
    replaceTitle: '替换文件？',
    replaceMessage: (fileName) => `“${fileName}”已存在。要替换它吗？`,
    replaceDetail: (folder) => `${folder} 中已有同名文件；替换会覆盖其内容。`,
    cancel: '取消',
    replace: '替换',
    ok: '确定',
    aboutTitle: '关于 Stackplan',
    aboutDetail: '私有云容量与成本规划工具：在不同规模下比较 VMware 与 OpenStack。',
  },
}

const TEXT: Record<ShellLanguage, ShellText> = { en: EN, 'zh-CN': ZH }

/** The shell language for an OS locale such as "zh-CN", "zh-TW" or "en-GB": Chinese for zh*, else English. */
export function languageForLocale(locale: string): ShellLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

let current: ShellLanguage = 'en'

/** Sets the language every later menu and dialog uses; true when it changed. */
export function setShellLanguage(language: ShellLanguage): boolean {
  if (language === current) return false
  current = language
  return true
}

export function shellLanguage(): ShellLanguage {
  return current
}

/** The shell's words in the current language. */
export function shellText(): ShellText {
  return TEXT[current]
}
