/**
 * What the planner needs from the world outside the page: files, recent list, recovery snapshots, window
 * state and menus. Two implementations: Electron (through the preload bridge) and the plain browser.
 * Components never use a host; stores and composables do.
 */

/** A document as the host hands it over: `ref` names it for later saves (a path, a handle id) or is null. */
export interface HostDocument {
  ref: string | null
  name: string
  text: string
}

export type HostOpenResult =
  | { status: 'opened'; doc: HostDocument }
  | { status: 'cancelled' }
  | { status: 'error'; name: string; message: string }

export type HostSaveResult =
  | { status: 'saved'; ref: string | null; name: string }
  | { status: 'conflict'; name: string }
  | { status: 'cancelled' }
  | { status: 'error'; step: string; name: string; message: string }

/** An unsaved document kept by the host until it is saved or discarded. */
export interface HostRecoverySnapshot {
  docId: string
  ref: string | null
  name: string
  text: string
  snapshotAtMs: number
}

/** Paper size of the PDF report. */
export type ReportPageSize = 'A4' | 'Letter'

/** An exported file other than the PDF: the workbook, a CSV table, a chart image. */
export interface ExportFile {
  suggestedName: string
  kind: 'xlsx' | 'csv' | 'png'
  bytes: Uint8Array
}

export type MenuCommand = 'new' | 'open' | 'save' | 'saveAs' | 'undo' | 'redo' | 'export' | 'importInventory'

export type MenuEvent = { command: MenuCommand } | { command: 'openRecent'; ref: string }

export interface Host {
  readonly kind: 'electron' | 'browser'
  /** True when Save writes back to the file it came from (Electron, File System Access). */
  readonly canSaveInPlace: boolean
  open(): Promise<HostOpenResult>
  openRecent(ref: string): Promise<HostOpenResult>
  /**
   * A file dropped on the window. Electron opens a .stackplan file by its path through main, so the
   * document keeps its path and Save writes back to it; otherwise (browser, or a file without a path on
   * disk) the content is read and the document has no ref.
   */
  openDropped(file: File): Promise<HostOpenResult>
  /** Save over the document `ref`; `overwrite` skips the changed-on-disk check (after the user agreed). */
  save(req: { ref: string; text: string; overwrite: boolean }): Promise<HostSaveResult>
  saveAs(req: { text: string; suggestedName: string }): Promise<HostSaveResult>
  recentList(): Promise<string[]>
  snapshot(snapshot: HostRecoverySnapshot): Promise<void>
  listRecovery(): Promise<HostRecoverySnapshot[]>
  discardRecovery(docId: string): Promise<void>
  /** Answer to a close request: true closes the window. */
  confirmClose(proceed: boolean): Promise<void>
  setDocumentState(state: { title: string; isDirty: boolean }): void
  /** The window's language, so native menus and dialogs (Electron) speak it too. */
  setLanguage(language: 'en' | 'zh-CN'): void
  openExternal(url: string): Promise<boolean>
  /** Prints the window (showing the report) to a PDF file (Electron) or opens the print dialog (browser). */
  exportPdf(req: { suggestedName: string; pageSize: ReportPageSize }): Promise<HostSaveResult>
  /** Saves an exported file where the user chooses (Electron, File System Access) or as a download. */
  saveExport(file: ExportFile): Promise<HostSaveResult>
  onMenu(listener: (event: MenuEvent) => void): () => void
  /** The OS or window asks to close; answer with confirmClose. */
  onCloseRequested(listener: () => void): () => void
  /** A file opened from outside (double click, command line, second instance). */
  onOpenedExternally(listener: (result: HostOpenResult) => void): () => void
}
