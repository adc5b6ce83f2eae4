import { EXPORT_FILE_KINDS, PDF_PAGE_SIZES, SHELL_LANGUAGES } from '../../contract'
import type { InvokeChannel, InvokeChannels } from '../../contract'
import { IPC_LIMITS } from '../../../models/index'
import { args, boolean, bytes, finiteNumber, nullable, object, oneOf, text } from './schema'

const filePath = text({ minChars: 1, maxChars: IPC_LIMITS.maxPathChars })
const planText = text({ minChars: 1, maxChars: IPC_LIMITS.maxPlanTextChars })
const shortName = text({ maxChars: IPC_LIMITS.maxNameChars })
/** Document ids name recovery files, so they are kept to a file-name-safe alphabet. */
const docId = text({ minChars: 1, maxChars: IPC_LIMITS.maxDocIdChars, pattern: /^[A-Za-z0-9_-]+$/ })

const fileStamp = object({
  sizeBytes: finiteNumber({ min: 0, isInteger: true }),
  mtimeMs: finiteNumber({ min: 0 }),
  sha256: text({ minChars: 64, maxChars: 64, pattern: /^[0-9a-f]{64}$/ }),
})

const recoverySnapshot = object({
  docId,
  path: nullable(filePath),
  name: shortName,
  text: text({ maxChars: IPC_LIMITS.maxPlanTextChars }),
  snapshotAtMs: finiteNumber({ min: 0 }),
  stamp: nullable(fileStamp),
})

type ArgsValidator<K extends InvokeChannel> = (values: unknown[]) => InvokeChannels[K]['args']

/** One argument validator per invoke channel; a channel without an entry here cannot be registered. */
export const CHANNEL_ARGS: { [K in InvokeChannel]: ArgsValidator<K> } = {
  'app:info': args(),
  'app:confirmClose': args(object({ proceed: boolean })),
  'app:setLanguage': args(object({ language: oneOf(SHELL_LANGUAGES) })),
  'window:setDocumentState': args(object({ title: shortName, isDirty: boolean })),
  'shell:openExternal': args(object({ url: text({ minChars: 1, maxChars: IPC_LIMITS.maxUrlChars }) })),
  'plan:openDialog': args(),
  'plan:openRecent': args(object({ path: filePath })),
  'plan:openDropped': args(object({ path: filePath })),
  'plan:save': args(
    object({ path: filePath, text: planText, expected: nullable(fileStamp), overwrite: boolean })
  ),
  'plan:saveAs': args(object({ text: planText, suggestedName: shortName })),
  'recent:list': args(),
  'recovery:snapshot': args(recoverySnapshot),
  'recovery:discard': args(object({ docId })),
  'recovery:list': args(),
  'export:savePdf': args(object({ suggestedName: shortName, pageSize: oneOf(PDF_PAGE_SIZES) })),
  'export:saveFile': args(
    object({
      suggestedName: shortName,
      kind: oneOf(EXPORT_FILE_KINDS),
      bytes: bytes({ maxBytes: IPC_LIMITS.maxExportBytes }),
    })
  ),
}
