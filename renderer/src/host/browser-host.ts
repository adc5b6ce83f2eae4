import { checkPlanFileSize, decodePlanFileBytes } from '@models'
import type { ExportFile, Host, HostOpenResult, HostRecoverySnapshot, HostSaveResult } from './types'

/** The parts of the File System Access API this host uses (not in TypeScript's DOM library yet). */
interface WritableFileStream {
  write(data: Blob | string | BufferSource): Promise<void>
  close(): Promise<void>
}
interface FileHandle {
  readonly name: string
  getFile(): Promise<File>
  createWritable(): Promise<WritableFileStream>
}
interface PickerType {
  description: string
  accept: Record<string, string[]>
}
interface FsAccessWindow {
  showOpenFilePicker(options: { types: PickerType[]; multiple: false }): Promise<FileHandle[]>
  showSaveFilePicker(options: { types: PickerType[]; suggestedName: string }): Promise<FileHandle>
}

const PICKER_TYPES: PickerType[] = [
  { description: 'Stackplan plan', accept: { 'application/json': ['.stackplan'] } },
]
const RECOVERY_PREFIX = 'stackplan.recovery.'

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * A picked file's text by the rule every Stackplan reader applies: the size is checked before a byte is
 * read, and bytes that are not UTF-8 are refused, never replaced (File.text() would replace them).
 */
async function readFileText(file: File): Promise<string> {
  const tooLarge = checkPlanFileSize(file.size)
  if (tooLarge) throw new Error(`${tooLarge.message}.`)
  const decoded = decodePlanFileBytes(new Uint8Array(await file.arrayBuffer()))
  if (!decoded.ok) throw new Error(`${decoded.error.message}.`)
  return decoded.text
}

/** Reads a file the user picked, dropped or uploaded. */
export async function readPickedFile(file: File): Promise<HostOpenResult> {
  try {
    return { status: 'opened', doc: { ref: null, name: file.name, text: await readFileText(file) } }
  } catch (error) {
    return { status: 'error', name: file.name, message: message(error) }
  }
}

const EXPORT_TYPES: Record<ExportFile['kind'], PickerType> = {
  xlsx: {
    description: 'Excel workbook',
    accept: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'] },
  },
  csv: { description: 'CSV table', accept: { 'text/csv': ['.csv'] } },
  png: { description: 'PNG image', accept: { 'image/png': ['.png'] } },
}

/** Offers `data` as a download named `name` (the classic browser "save"). */
function download(data: string | Uint8Array, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // Chromium reads the blob asynchronously after the click; keep the URL alive a little.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Asks for one file with a hidden <input type=file>; resolves null when the user cancels. */
function uploadOne(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.stackplan,application/json'
    input.style.display = 'none'
    input.dataset.testid = 'upload-input'
    const done = (file: File | null): void => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => done(null), { once: true })
    document.body.append(input)
    input.click()
  })
}

export interface BrowserHostOptions {
  /** Force download/upload even where Chromium offers the File System Access API. */
  classicFiles?: boolean
  storage?: Storage
}

/**
 * The host in a plain browser. Files: the File System Access API where Chromium offers it (the handle is
 * kept so Save writes back in place, with a changed-on-disk check), else upload and download. Recovery
 * snapshots live in localStorage. No native menus: the window's own toolbar and shortcuts drive actions.
 */
export function createBrowserHost(options: BrowserHostOptions = {}): Host {
  const fs = window as unknown as Partial<FsAccessWindow>
  const hasFsAccess =
    !options.classicFiles &&
    typeof fs.showOpenFilePicker === 'function' &&
    typeof fs.showSaveFilePicker === 'function'
  const storage = options.storage ?? window.localStorage
  const handles = new Map<string, { handle: FileHandle; lastModified: number; size: number }>()
  let nextHandleId = 1

  const remember = (handle: FileHandle, file: File): string => {
    const ref = `handle:${nextHandleId++}`
    handles.set(ref, { handle, lastModified: file.lastModified, size: file.size })
    return ref
  }

  const writeTo = async (ref: string, handle: FileHandle, text: string): Promise<HostSaveResult> => {
    try {
      const writable = await handle.createWritable()
      await writable.write(text)
      await writable.close()
      const file = await handle.getFile()
      handles.set(ref, { handle, lastModified: file.lastModified, size: file.size })
      return { status: 'saved', ref, name: handle.name }
    } catch (error) {
      if (isAbort(error)) return { status: 'cancelled' }
      return { status: 'error', step: 'write', name: handle.name, message: message(error) }
    }
  }

  const saveAs = async ({
    text,
    suggestedName,
  }: {
    text: string
    suggestedName: string
  }): Promise<HostSaveResult> => {
    if (!hasFsAccess || !fs.showSaveFilePicker) {
      download(text, suggestedName)
      return { status: 'saved', ref: null, name: suggestedName }
    }
    let handle: FileHandle
    try {
      handle = await fs.showSaveFilePicker({ types: PICKER_TYPES, suggestedName })
    } catch (error) {
      if (isAbort(error)) return { status: 'cancelled' }
      return { status: 'error', step: 'choose', name: suggestedName, message: message(error) }
    }
    const ref = `handle:${nextHandleId++}`
    return writeTo(ref, handle, text)
  }

  const readSnapshots = (): HostRecoverySnapshot[] => {
    const out: HostRecoverySnapshot[] = []
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      if (!key?.startsWith(RECOVERY_PREFIX)) continue
      try {
        const s = JSON.parse(storage.getItem(key) ?? '') as HostRecoverySnapshot
        if (typeof s.docId === 'string' && typeof s.text === 'string' && typeof s.name === 'string')
          out.push(s)
      } catch {
        storage.removeItem(key)
      }
    }
    return out.sort((a, b) => b.snapshotAtMs - a.snapshotAtMs)
  }

  return {
    kind: 'browser',
    canSaveInPlace: hasFsAccess,
    async open() {
      if (!hasFsAccess || !fs.showOpenFilePicker) {
        const file = await uploadOne()
        return file ? readPickedFile(file) : { status: 'cancelled' }
      }
      try {
        const [handle] = await fs.showOpenFilePicker({ types: PICKER_TYPES, multiple: false })
        if (!handle) return { status: 'cancelled' }
        const file = await handle.getFile()
        const text = await readFileText(file)
        return { status: 'opened', doc: { ref: remember(handle, file), name: handle.name, text } }
      } catch (error) {
        if (isAbort(error)) return { status: 'cancelled' }
        return { status: 'error', name: '', message: message(error) }
      }
    },
    async openRecent() {
      return { status: 'cancelled' }
    },
    openDropped: readPickedFile,
    async save({ ref, text, overwrite }) {
      const known = handles.get(ref)
      if (!known) return saveAs({ text, suggestedName: 'plan.stackplan' })
      if (!overwrite) {
        try {
          const onDisk = await known.handle.getFile()
          if (onDisk.lastModified !== known.lastModified || onDisk.size !== known.size) {
            return { status: 'conflict', name: known.handle.name }
          }
        } catch {
          // The file is gone or unreadable: writing recreates it, which is what Save means.
        }
      }
      return writeTo(ref, known.handle, text)
    },
    saveAs,
    async recentList() {
      return []
    },
    async snapshot(s) {
      try {
        storage.setItem(RECOVERY_PREFIX + s.docId, JSON.stringify(s))
      } catch {
        // Storage full or disabled: recovery is best effort in the browser.
      }
    },
    async listRecovery() {
      return readSnapshots()
    },
    async discardRecovery(docId) {
      storage.removeItem(RECOVERY_PREFIX + docId)
    },
    async confirmClose() {},
    setDocumentState({ title }) {
      document.title = title
    },
    // The browser's own menus and dialogs follow the browser's language; there is nothing to tell.
    setLanguage() {},
    async openExternal(url) {
      if (new URL(url).protocol !== 'https:') return false
      window.open(url, '_blank', 'noopener,noreferrer')
      return true
    },
    async exportPdf() {
      // The print dialog uses the same print stylesheet; it saves the PDF itself, so nothing is reported.
      window.print()
      return { status: 'cancelled' }
    },
    async saveExport({ suggestedName, kind, bytes }) {
      const type = EXPORT_TYPES[kind]
      if (!hasFsAccess || !fs.showSaveFilePicker) {
        download(bytes, suggestedName, Object.keys(type.accept)[0])
        return { status: 'saved', ref: null, name: suggestedName }
      }
      let handle: FileHandle
      try {
        handle = await fs.showSaveFilePicker({ types: [type], suggestedName })
      } catch (error) {
        if (isAbort(error)) return { status: 'cancelled' }
        return { status: 'error', step: 'choose', name: suggestedName, message: message(error) }
      }
      try {
        // Chromium writes to a swap file and moves it into place on close: no partial file on failure.
        const writable = await handle.createWritable()
        await writable.write(bytes as BufferSource)
        await writable.close()
        return { status: 'saved', ref: null, name: handle.name }
      } catch (error) {
        return { status: 'error', step: 'write', name: handle.name, message: message(error) }
      }
    },
    onMenu() {
      return () => {}
    },
    onCloseRequested() {
      return () => {}
    },
    onOpenedExternally() {
      return () => {}
    },
  }
}
