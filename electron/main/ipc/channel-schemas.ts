import { EXPORT_FILE_KINDS, PDF_PAGE_SIZES } from '../../contract'
import type { InvokeChannel, InvokeChannels } from '../../contract'
import { args, boolean, bytes, finiteNumber, nullable, object, oneOf, string } from './schema'

/** Longest path any supported OS accepts (Linux PATH_MAX); longer is never a real file. */
export const MAX_PATH_LENGTH = 4096
/** The planning file size cap (DESIGN.md): a UTF-8 file of 10 MB has at most this many UTF-16 units. */
export const MAX_PLAN_TEXT_LENGTH = 10 * 1024 * 1024
/** Names and titles: a file name is at most 255 characters; a title adds a dirty mark and the app name. */
export const MAX_NAME_LENGTH = 1024
export const MAX_URL_LENGTH = 2048
/** Largest export file (a workbook with 100,000 Monte Carlo samples is about 40 MB). */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024

const filePath = string({ minLength: 1, maxLength: MAX_PATH_LENGTH })
const planText = string({ minLength: 1, maxLength: MAX_PLAN_TEXT_LENGTH })
const shortName = string({ maxLength: MAX_NAME_LENGTH })
/** Document ids name recovery files, so they are kept to a file-name-safe alphabet. */
const docId = string({ minLength: 1, maxLength: 64, pattern: /^[A-Za-z0-9_-]+$/ })

const fileStamp = object({
  sizeBytes: finiteNumber({ min: 0, isInteger: true }),
  mtimeMs: finiteNumber({ min: 0 }),
  sha256: string({ minLength: 64, maxLength: 64, pattern: /^[0-9a-f]{64}$/ }),
})

const recoverySnapshot = object({
  docId,
  path: nullable(filePath),
  name: shortName,
  text: string({ maxLength: MAX_PLAN_TEXT_LENGTH }),
  snapshotAtMs: finiteNumber({ min: 0 }),
  stamp: nullable(fileStamp),
})

type ArgsValidator<K extends InvokeChannel> = (values: unknown[]) => InvokeChannels[K]['args']

/** One argument validator per invoke channel; a channel without an entry here cannot be registered. */
export const CHANNEL_ARGS: { [K in InvokeChannel]: ArgsValidator<K> } = {
  'app:info': args(),
  'app:confirmClose': args(object({ proceed: boolean })),
  'window:setDocumentState': args(object({ title: shortName, isDirty: boolean })),
  'shell:openExternal': args(object({ url: string({ minLength: 1, maxLength: MAX_URL_LENGTH }) })),
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
      bytes: bytes({ maxBytes: MAX_EXPORT_BYTES }),
    })
  ),
}
