import {
  findDuplicateKey,
  findExcessiveNesting,
  findJsonSyntaxError,
  lineColumnAt,
  positionFromSyntaxError,
} from './positions'
import type { Plan } from '../plan/plan'
import { formatCount, PlanFileRefusal, PlanFileWriteError, refuse, type PlanFileError } from './errors'
import { MAX_PLAN_FILE_BYTES, PLAN_FILE_LIMITS } from '../plan/limits'
import {
  CURRENT_FORMAT_VERSION,
  findMigration,
  MIGRATIONS,
  type PlanFileMigrationRegistry,
} from './migrations'
import { checkDocumentSafety, isJsonObject, type JsonObject } from './document-safety'
import { inSchemaOrder } from './key-order'
import { PLAN_SCHEMA } from './plan-schema'
import { validatePlan } from './validate'

export {
  PLAN_FILE_ERROR_KINDS,
  PlanFileWriteError,
  type PlanFileError,
  type PlanFileErrorKind,
} from './errors'
export {
  createMigrationRegistry,
  CURRENT_FORMAT_VERSION,
  MIGRATIONS,
  migrationFromChanges,
  V1_TO_V2_CHANGES,
  type MigrationChange,
  type PlanFileMigration,
  type PlanFileMigrationRegistry,
} from './migrations'

/** The value of `format` in every planning file's envelope. */
export const PLAN_FILE_FORMAT = 'stackplan'

/** The oldest Stackplan format able to read what this version writes. */
export const WRITTEN_MIN_READER_VERSION = 2

/** The oldest format that reads a plan with a workload mix (format 2 added it). */
export const MIX_MIN_READER_VERSION = 2

/** What a planning file holds besides the plan itself, as read. */
export interface ParsedPlanFile {
  plan: Plan
  /** The format version the file declares (for a migrated file, the version it had before migrating). */
  formatVersion: number
  /** The `app` field: the Stackplan version that saved it ('' when the file does not say). */
  appVersion: string
  /** The `savedAt` field as written, normally an ISO 8601 time ('' when the file does not say). */
  savedAt: string
  /** The version the file was migrated from, or null when it needed no migration. */
  migratedFrom: number | null
}

export type PlanFileResult = { ok: true; value: ParsedPlanFile } | { ok: false; error: PlanFileError }

export interface ParsePlanFileOptions {
  /**
   * Forward migrations by starting version.
   * @default MIGRATIONS
   */
  migrations?: PlanFileMigrationRegistry
}

/** UTF-8 length of a string in bytes (a lone surrogate counts 3, as the encoder writes U+FFFD). */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** Bytes in MiB as people read them, rounded up to a tenth so a size over the cap never reads as the cap. */
function describeMegabytes(bytes: number): string {
  return `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`
}

/**
 * Refuses a file larger than MAX_PLAN_FILE_BYTES before anyone reads it: callers stat the file and pass
 * its size in bytes. Null when the size is acceptable.
 */
export function checkPlanFileSize(bytes: number): PlanFileError | null {
  if (bytes >= 0 && bytes <= MAX_PLAN_FILE_BYTES) return null
  const size = Number.isFinite(bytes) && bytes > 0 ? ` (${describeMegabytes(bytes)})` : ''
  return {
    kind: 'tooLarge',
    message: `This file is too large to be a planning file${size}; the limit is ${describeMegabytes(MAX_PLAN_FILE_BYTES)}`,
  }
}

/**
 * The text of a planning file's bytes, by the one rule every reader applies (desktop, command line,
 * browser): at most MAX_PLAN_FILE_BYTES, and strict UTF-8 — bytes that are not UTF-8 are refused, never
 * replaced with U+FFFD (a silently altered number or key would be worse than a refusal). A leading byte
 * order mark is dropped.
 */
export function decodePlanFileBytes(
  bytes: Uint8Array
): { ok: true; text: string } | { ok: false; error: PlanFileError } {
  const tooLarge = checkPlanFileSize(bytes.length)
  if (tooLarge) return { ok: false, error: tooLarge }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return {
      ok: false,
      error: {
        kind: 'notPlanningFile',
        message: 'This is not a Stackplan planning file: it is not UTF-8 text (or it is damaged)',
      },
    }
  }
}

function refuseAt(kind: PlanFileError['kind'], message: string, text: string, position: number): never {
  const { line, column } = lineColumnAt(text, position)
  throw new PlanFileRefusal({ kind, message: `${message} at line ${line}, column ${column}`, line, column })
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch (e) {
    const problem = findJsonSyntaxError(body)
    const fromEngine = e instanceof Error ? positionFromSyntaxError(body, e.message) : null
    const position = fromEngine ?? problem?.position
    const reason = problem?.reason ?? 'the text is not valid JSON'
    if (position === undefined) refuse('corrupted', `Corrupted planning file: ${reason}`)
    return refuseAt('corrupted', `Corrupted planning file: ${reason}`, body, position)
  }
}

function envelopeInteger(doc: JsonObject, key: string): number {
  const value = doc[key]
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    refuse('invalidStructure', `Invalid planning file: ${key} must be a whole number of 0 or more`, key)
  }
  return value
}

function envelopeText(doc: JsonObject, key: string): string {
  if (!Object.hasOwn(doc, key)) return ''
  const value = doc[key]
  if (typeof value !== 'string' || value.length > PLAN_FILE_LIMITS.maxEnvelopeTextChars) {
    refuse(
      'invalidStructure',
      `Invalid planning file: ${key} must be text of at most ${PLAN_FILE_LIMITS.maxEnvelopeTextChars} characters`,
      key
    )
  }
  return value
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Runs the migrations from `from` up to the current version, one step at a time. */
function migrate(doc: JsonObject, from: number, registry: PlanFileMigrationRegistry): JsonObject {
  let current: unknown = doc
  for (let version = from; version < CURRENT_FORMAT_VERSION; version++) {
    const step = `Could not convert this plan from format ${version} to format ${version + 1}`
    const migration = findMigration(registry, version)
    if (!migration) {
      refuse('migrationFailed', `${step}: this version of Stackplan has no conversion for format ${version}`)
    }
    try {
      current = migration(current)
      checkDocumentSafety(current)
    } catch (e) {
      refuse('migrationFailed', `${step}: ${describeError(e)}`)
    }
  }
  if (
    !isJsonObject(current) ||
    current.format !== PLAN_FILE_FORMAT ||
    current.formatVersion !== CURRENT_FORMAT_VERSION
  ) {
    refuse(
      'migrationFailed',
      `Could not convert this plan from format ${from}: the conversion did not produce a format ${CURRENT_FORMAT_VERSION} planning file`
    )
  }
  return current
}

/** The declared format version and minimum reader version of a parsed document. */
function readEnvelopeVersion(doc: JsonObject): { formatVersion: number; minReaderVersion: number } {
  if (Object.hasOwn(doc, 'format')) {
    if (doc.format !== PLAN_FILE_FORMAT) {
      const found = typeof doc.format === 'string' ? `"${doc.format.slice(0, 40)}"` : 'not "stackplan"'
      refuse('notPlanningFile', `This is not a Stackplan planning file: its format is ${found}`)
    }
    const formatVersion = envelopeInteger(doc, 'formatVersion')
    const minReaderVersion = Object.hasOwn(doc, 'minReaderVersion')
      ? envelopeInteger(doc, 'minReaderVersion')
      : formatVersion
    if (minReaderVersion > formatVersion) {
      refuse(
        'invalidStructure',
        `Invalid planning file: minReaderVersion (${minReaderVersion}) is above formatVersion (${formatVersion})`,
        'minReaderVersion'
      )
    }
    return { formatVersion, minReaderVersion }
  }
  // Format 0 (test-only, see docs/FILE-FORMAT.md) had no envelope; it marked itself with "stackplan": 0.
  const legacy = doc.stackplan
  if (Object.hasOwn(doc, 'stackplan') && typeof legacy === 'number' && Number.isSafeInteger(legacy)) {
    if (legacy >= 0 && legacy < CURRENT_FORMAT_VERSION)
      return { formatVersion: legacy, minReaderVersion: legacy }
  }
  return refuse(
    'notPlanningFile',
    'This is not a Stackplan planning file: it has no "format": "stackplan" marker'
  )
}

function readPlanFile(text: string, registry: PlanFileMigrationRegistry): ParsedPlanFile {
  if (typeof text !== 'string')
    refuse('notPlanningFile', 'This is not a Stackplan planning file: it is not text')
  if (text.length > MAX_PLAN_FILE_BYTES || utf8ByteLength(text) > MAX_PLAN_FILE_BYTES) {
    const sizeError = checkPlanFileSize(utf8ByteLength(text))
    refuse('tooLarge', sizeError?.message ?? 'This file is too large to be a planning file')
  }
  // A byte order mark is not JSON, but editors on Windows add one; positions count from after it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const start = body.search(/\S/)
  if (start < 0) refuse('corrupted', 'Corrupted planning file: the file is empty')
  if (body[start] !== '{')
    refuse('notPlanningFile', 'This is not a Stackplan planning file: it does not hold a plan')
  const tooDeep = findExcessiveNesting(body, PLAN_FILE_LIMITS.maxDepth)
  if (tooDeep !== null) {
    refuseAt(
      'invalidStructure',
      `This planning file is nested too deeply (more than ${PLAN_FILE_LIMITS.maxDepth} levels)`,
      body,
      tooDeep
    )
  }
  const parsed = parseJson(body)
  const duplicate = findDuplicateKey(body)
  if (duplicate !== null) {
    const first = lineColumnAt(body, duplicate.firstPosition)
    refuseAt(
      'invalidStructure',
      `Invalid planning file: the key ${JSON.stringify(duplicate.key.slice(0, 80))} appears twice in one object (only the last would count): first at line ${first.line} and again`,
      body,
      duplicate.position
    )
  }
  if (!isJsonObject(parsed))
    refuse('notPlanningFile', 'This is not a Stackplan planning file: it does not hold a plan')
  checkDocumentSafety(parsed)
  const { formatVersion, minReaderVersion } = readEnvelopeVersion(parsed)
  if (minReaderVersion > CURRENT_FORMAT_VERSION) {
    refuse(
      'tooNew',
      `This plan was made by a newer Stackplan (format ${formatVersion}); this version reads format ${CURRENT_FORMAT_VERSION}. Update Stackplan to open it.`
    )
  }
  const isMigrating = formatVersion < CURRENT_FORMAT_VERSION
  const doc = isMigrating ? migrate(parsed, formatVersion, registry) : parsed
  if (!Object.hasOwn(doc, 'plan'))
    refuse('invalidStructure', 'Invalid planning file: it has no "plan"', 'plan')
  return {
    plan: validatePlan(doc.plan),
    formatVersion,
    appVersion: envelopeText(doc, 'app'),
    savedAt: envelopeText(doc, 'savedAt'),
    migratedFrom: isMigrating ? formatVersion : null,
  }
}

/**
 * Reads a planning file's text into a plan, or a typed error a user can act on. Never throws: every
 * failure, even an unexpected one, ends in `{ ok: false }`. Linear in the size of the text; refuses
 * text over MAX_PLAN_FILE_BYTES (UTF-8), nesting over PLAN_FILE_LIMITS.maxDepth, too many keys, items or
 * scenarios, and `__proto__` / `constructor` / `prototype` keys anywhere. Older formats are migrated one
 * step at a time with `options.migrations`; a file whose minReaderVersion is above
 * CURRENT_FORMAT_VERSION is refused as too new, while a newer file that older readers may read is read
 * (unknown envelope fields are ignored; the plan itself is checked as strictly as a current one).
 */
export function parsePlanFile(text: string, options: ParsePlanFileOptions = {}): PlanFileResult {
  const { migrations = MIGRATIONS } = options
  try {
    return { ok: true, value: readPlanFile(text, migrations) }
  } catch (e) {
    if (e instanceof PlanFileRefusal) return { ok: false, error: e.error }
    return {
      ok: false,
      error: {
        kind: 'invalidStructure',
        message: `This planning file could not be read: ${describeError(e)}`,
      },
    }
  }
}

/** The plan with its keys in the file's fixed order, read from PLAN_SCHEMA: assumption and range keys sorted. */
function orderedPlan(plan: Plan): JsonObject {
  return inSchemaOrder(PLAN_SCHEMA, plan) as JsonObject
}

/**
 * Writes a plan as planning-file text: pretty JSON (2 spaces, trailing newline), envelope keys in the
 * order format, formatVersion, minReaderVersion, app, savedAt, plan; plan keys in a fixed order with
 * assumption, override and range keys sorted, so files diff well. Only base values that differ from the
 * catalog default are written; scenarios keep their order; extensions are written back unchanged.
 * The plan is validated exactly as parsePlanFile would read it, so this never writes a file Stackplan
 * cannot open: a non-finite number, a value out of range, non-JSON data in extensions, a prototype key or
 * a result over MAX_PLAN_FILE_BYTES throws PlanFileWriteError instead.
 */
export function serializePlanFile(plan: Plan, meta: { appVersion: string; savedAt: Date }): string {
  let normalized: Plan
  try {
    normalized = validatePlan(plan)
  } catch (e) {
    if (e instanceof PlanFileRefusal) throw new PlanFileWriteError(e.error)
    throw e
  }
  const { appVersion, savedAt } = meta
  if (typeof appVersion !== 'string' || appVersion.length > PLAN_FILE_LIMITS.maxEnvelopeTextChars) {
    throw new PlanFileWriteError({
      kind: 'invalidValue',
      message: `Invalid value at app: must be text of at most ${PLAN_FILE_LIMITS.maxEnvelopeTextChars} characters`,
      key: 'app',
    })
  }
  if (!(savedAt instanceof Date) || !Number.isFinite(savedAt.getTime())) {
    throw new PlanFileWriteError({
      kind: 'invalidValue',
      message: 'Invalid value at savedAt: not a valid date',
      key: 'savedAt',
    })
  }
  const envelope = {
    format: PLAN_FILE_FORMAT,
    formatVersion: CURRENT_FORMAT_VERSION,
    // Format 1 readers refuse the workloadMix key and the renamed model-fidelity keys, so every plan this
    // version writes needs a format 2 reader, with or without a mix.
    minReaderVersion: normalized.workloadMix ? MIX_MIN_READER_VERSION : WRITTEN_MIN_READER_VERSION,
    app: appVersion,
    savedAt: savedAt.toISOString(),
    plan: orderedPlan(normalized),
  }
  const text = JSON.stringify(envelope, null, 2) + '\n'
  const bytes = utf8ByteLength(text)
  if (bytes > MAX_PLAN_FILE_BYTES) {
    throw new PlanFileWriteError({
      kind: 'tooLarge',
      message: `The plan would be ${describeMegabytes(bytes)} on disk; the limit is ${describeMegabytes(MAX_PLAN_FILE_BYTES)} (${formatCount(MAX_PLAN_FILE_BYTES)} bytes)`,
    })
  }
  return text
}
