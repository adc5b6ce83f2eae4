import type { FileStamp, OpenResult, SaveResult, StackplanApi } from '../../../electron/contract'
import { readPickedFile } from './browser-host'
import type { Host, HostOpenResult, HostSaveResult, MenuCommand } from './types'

const MENU_COMMANDS: readonly [channel: `menu:${MenuCommand}`, command: MenuCommand][] = [
  ['menu:new', 'new'],
  ['menu:open', 'open'],
  ['menu:save', 'save'],
  ['menu:saveAs', 'saveAs'],
  ['menu:undo', 'undo'],
  ['menu:redo', 'redo'],
  ['menu:export', 'export'],
  ['menu:importInventory', 'importInventory'],
]

const PLAN_SUFFIX = '.stackplan'

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/**
 * The host inside Electron: every call goes through the preload bridge (`window.stackplan`). Main hands
 * out paths; this adapter remembers the stamp of each path it read or wrote so that a save can tell main
 * what it expects on disk (main answers 'conflict' when the file changed since).
 */
export function createElectronHost(api: StackplanApi): Host {
  const stamps = new Map<string, FileStamp>()

  const fromOpen = (result: OpenResult): HostOpenResult => {
    if (result.status === 'opened') {
      stamps.set(result.doc.path, result.doc.stamp)
      return { status: 'opened', doc: { ref: result.doc.path, name: result.doc.name, text: result.doc.text } }
    }
    if (result.status === 'cancelled') return result
    return { status: 'error', name: baseName(result.path), message: result.message }
  }

  const fromSave = (result: SaveResult): HostSaveResult => {
    switch (result.status) {
      case 'saved':
        stamps.set(result.path, result.stamp)
        return { status: 'saved', ref: result.path, name: result.name }
      case 'conflict':
        return { status: 'conflict', name: baseName(result.path) }
      case 'cancelled':
        return result
      case 'error':
        return { status: 'error', step: result.step, name: baseName(result.path), message: result.message }
    }
  }

  return {
    kind: 'electron',
    canSaveInPlace: true,
    async open() {
      return fromOpen(await api.invoke('plan:openDialog'))
    },
    async openRecent(ref) {
      return fromOpen(await api.invoke('plan:openRecent', { path: ref }))
    },
    async openDropped(file) {
      // A planning file on disk opens through main by its path, like File › Open: it gets a path to save
      // back to, a stamp and a place on the recent list. Anything else (a file dragged from a web page has
      // no path; a plan under another extension) is read here as before and has no path: Save asks where.
      const filePath = api.pathForFile(file)
      if (filePath !== '' && filePath.toLowerCase().endsWith(PLAN_SUFFIX)) {
        try {
          return fromOpen(await api.invoke('plan:openDropped', { path: filePath }))
        } catch (error) {
          // Main refused the request itself (a path longer than any OS allows, say).
          return {
            status: 'error',
            name: file.name,
            message: error instanceof Error ? error.message : String(error),
          }
        }
      }
      return readPickedFile(file)
    },
    async save({ ref, text, overwrite }) {
      return fromSave(
        await api.invoke('plan:save', { path: ref, text, expected: stamps.get(ref) ?? null, overwrite })
      )
    },
    async saveAs({ text, suggestedName }) {
      return fromSave(await api.invoke('plan:saveAs', { text, suggestedName }))
    },
    recentList() {
      return api.invoke('recent:list')
    },
    snapshot(s) {
      return api.invoke('recovery:snapshot', {
        docId: s.docId,
        path: s.ref,
        name: s.name,
        text: s.text,
        snapshotAtMs: s.snapshotAtMs,
        // What the file was when this document last read or wrote it: the recovered document's save
        // compares against it, so a change made on disk after the crash is a conflict.
        stamp: s.ref === null ? null : (stamps.get(s.ref) ?? null),
      })
    },
    async listRecovery() {
      const list = await api.invoke('recovery:list')
      for (const s of list) if (s.path !== null && s.stamp !== null) stamps.set(s.path, s.stamp)
      return list.map((s) => ({
        docId: s.docId,
        ref: s.path,
        name: s.name,
        text: s.text,
        snapshotAtMs: s.snapshotAtMs,
      }))
    },
    discardRecovery(docId) {
      return api.invoke('recovery:discard', { docId })
    },
    confirmClose(proceed) {
      return api.invoke('app:confirmClose', { proceed })
    },
    setDocumentState(state) {
      void api.invoke('window:setDocumentState', state)
    },
    setLanguage(language) {
      void api.invoke('app:setLanguage', { language })
    },
    openExternal(url) {
      return api.invoke('shell:openExternal', { url })
    },
    async exportPdf({ suggestedName, pageSize }) {
      return fromSave(await api.invoke('export:savePdf', { suggestedName, pageSize }))
    },
    async saveExport({ suggestedName, kind, bytes }) {
      return fromSave(await api.invoke('export:saveFile', { suggestedName, kind, bytes }))
    },
    onMenu(listener) {
      const offs = MENU_COMMANDS.map(([channel, command]) => api.on(channel, () => listener({ command })))
      offs.push(api.on('menu:openRecent', (path) => listener({ command: 'openRecent', ref: path })))
      return () => offs.forEach((off) => off())
    },
    onCloseRequested(listener) {
      return api.on('app:closeRequested', listener)
    },
    onOpenedExternally(listener) {
      return api.on('plan:openedExternally', (result) => listener(fromOpen(result)))
    },
  }
}
