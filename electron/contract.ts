// THE IPC contract between main and renderer. To add a channel: add it to the interface and to the
// allowlist below, then register its handler in electron/main/ipc/. The renderer imports this file with
// `import type` only (the preload imports the allowlists, which are plain data).
//
// Plans travel as text (the serialized .stackplan file); main re-parses every payload it writes with the
// model's parsePlanFile, so a compromised renderer cannot write anything but a valid planning file.
// The renderer never sends a path it invented: it refers to documents by the path main handed out
// (from a dialog, the recent list or an OS open event) and main checks it knows that path. The one
// exception is plan:openDropped: the path of a file dropped on the window, which only the preload can
// learn (webUtils.getPathForFile). Main accepts it only as an absolute path to an existing regular
// .stackplan file within the size cap, reads it like File › Open, and from then on knows that path.

/** What main knows about a file's bytes on disk when it was read or written (conflict detection). */
export interface FileStamp {
  sizeBytes: number
  mtimeMs: number
  sha256: string
}

/** A planning file main has read from disk for the renderer. */
export interface OpenedDocument {
  path: string
  /** File name without folder, for the title bar. */
  name: string
  text: string
  stamp: FileStamp
}

export type OpenResult =
  | { status: 'opened'; doc: OpenedDocument }
  | { status: 'cancelled' }
  | { status: 'error'; path: string; message: string }

export type SaveResult =
  | { status: 'saved'; path: string; name: string; stamp: FileStamp }
  | { status: 'conflict'; path: string }
  | { status: 'cancelled' }
  | { status: 'error'; step: string; path: string; message: string }

/** An unsaved document snapshot kept in the app's data folder until saved or discarded. */
export interface RecoverySnapshot {
  docId: string
  path: string | null
  name: string
  text: string
  snapshotAtMs: number
  /**
   * The stamp of the file at `path` when the document was last opened or saved (null when unknown or
   * untitled): a recovered document's save compares against it, so a change made on disk meanwhile is a
   * conflict, never silently overwritten.
   */
  stamp: FileStamp | null
}

export interface InvokeChannels {
  'app:info': { args: []; ret: { version: string; platform: string } }
  'app:confirmClose': { args: [req: { proceed: boolean }]; ret: void }
  /** The window's language, so the native menu and dialogs speak it too. */
  'app:setLanguage': { args: [req: { language: ShellLanguage }]; ret: void }
  'window:setDocumentState': { args: [req: { title: string; isDirty: boolean }]; ret: void }
  'shell:openExternal': { args: [req: { url: string }]; ret: boolean }
  'plan:openDialog': { args: []; ret: OpenResult }
  'plan:openRecent': { args: [req: { path: string }]; ret: OpenResult }
  /** A .stackplan file dropped on the window, by the path the preload's pathForFile found for it. */
  'plan:openDropped': { args: [req: { path: string }]; ret: OpenResult }
  'plan:save': {
    args: [req: { path: string; text: string; expected: FileStamp | null; overwrite: boolean }]
    ret: SaveResult
  }
  'plan:saveAs': { args: [req: { text: string; suggestedName: string }]; ret: SaveResult }
  'recent:list': { args: []; ret: string[] }
  'recovery:snapshot': { args: [req: RecoverySnapshot]; ret: void }
  'recovery:discard': { args: [req: { docId: string }]; ret: void }
  'recovery:list': { args: []; ret: RecoverySnapshot[] }
  'export:savePdf': { args: [req: { suggestedName: string; pageSize: PdfPageSize }]; ret: SaveResult }
  'export:saveFile': {
    args: [req: { suggestedName: string; kind: ExportFileKind; bytes: Uint8Array }]
    ret: SaveResult
  }
}

/** Languages the window and the native shell (menu, dialogs) speak. */
export const SHELL_LANGUAGES = ['en', 'zh-CN'] as const
export type ShellLanguage = (typeof SHELL_LANGUAGES)[number]

/** Paper sizes of the PDF report. */
export const PDF_PAGE_SIZES = ['A4', 'Letter'] as const
export type PdfPageSize = (typeof PDF_PAGE_SIZES)[number]

/** Files the window exports besides the PDF: the workbook, CSV tables, chart images. */
export const EXPORT_FILE_KINDS = ['xlsx', 'csv', 'png'] as const
export type ExportFileKind = (typeof EXPORT_FILE_KINDS)[number]

/** Main → renderer messages. Menu items and OS events that the renderer turns into actions. */
export interface PushChannels {
  'menu:new': []
  'menu:open': []
  'menu:save': []
  'menu:saveAs': []
  'menu:undo': []
  'menu:redo': []
  'menu:export': []
  'menu:importInventory': []
  'menu:openRecent': [path: string]
  'app:closeRequested': []
  /** A file opened by the OS (double click, command line, second instance, macOS open-file). */
  'plan:openedExternally': [result: OpenResult]
}

export const INVOKE_CHANNELS = [
  'app:info',
  'app:confirmClose',
  'app:setLanguage',
  'window:setDocumentState',
  'shell:openExternal',
  'plan:openDialog',
  'plan:openRecent',
  'plan:openDropped',
  'plan:save',
  'plan:saveAs',
  'recent:list',
  'recovery:snapshot',
  'recovery:discard',
  'recovery:list',
  'export:savePdf',
  'export:saveFile',
] as const satisfies readonly (keyof InvokeChannels)[]

export const PUSH_CHANNELS = [
  'menu:new',
  'menu:open',
  'menu:save',
  'menu:saveAs',
  'menu:undo',
  'menu:redo',
  'menu:export',
  'menu:importInventory',
  'menu:openRecent',
  'app:closeRequested',
  'plan:openedExternally',
] as const satisfies readonly (keyof PushChannels)[]

export type InvokeChannel = keyof InvokeChannels
export type PushChannel = keyof PushChannels

/** The only object the preload puts on `window` (as `window.stackplan`). */
export interface StackplanApi {
  invoke<K extends InvokeChannel>(
    channel: K,
    ...args: InvokeChannels[K]['args']
  ): Promise<InvokeChannels[K]['ret']>
  on<K extends PushChannel>(channel: K, listener: (...args: PushChannels[K]) => void): () => void
  /**
   * The path on disk of a File the user dropped on the window or picked, '' when it has none (dragged
   * from a web page, say). Electron 32 removed File.path; this is webUtils.getPathForFile.
   */
  pathForFile(file: File): string
}
