/** Why a planning file could not be read (or written). One kind per cause a user can act on. */
export type PlanFileErrorKind =
  | 'notPlanningFile'
  | 'corrupted'
  | 'tooLarge'
  | 'tooNew'
  | 'invalidValue'
  | 'unknownKey'
  | 'migrationFailed'
  | 'invalidStructure'

/** A refusal with a message a user understands; `key` names the field, line/column the place in the text. */
export interface PlanFileError {
  kind: PlanFileErrorKind
  message: string
  key?: string
  line?: number
  column?: number
}

export const PLAN_FILE_ERROR_KINDS: readonly PlanFileErrorKind[] = [
  'notPlanningFile',
  'corrupted',
  'tooLarge',
  'tooNew',
  'invalidValue',
  'unknownKey',
  'migrationFailed',
  'invalidStructure',
]

/** Size cap of a planning file in bytes (10 MiB); checked before reading and again on the text. */
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024

/** Limits that keep a hostile or broken file from costing time or memory; each has its own message. */
export const PLAN_FILE_LIMITS = {
  maxBytes: MAX_PLAN_FILE_BYTES,
  /** Nesting of objects and arrays, the envelope counting as level 1. */
  maxDepth: 64,
  maxScenarios: 1000,
  /** Keys in any one object. */
  maxObjectKeys: 10_000,
  /** Items in any one array. */
  maxArrayItems: 100_000,
  maxNameChars: 200,
  maxNotesChars: 100_000,
  maxScenarioIdChars: 100,
  /** The envelope's `app` and `savedAt` strings. */
  maxEnvelopeTextChars: 100,
} as const

/** Thrown by serializePlanFile for a plan it will not write (a non-finite number, a value out of range…). */
export class PlanFileWriteError extends Error {
  readonly kind: PlanFileErrorKind
  readonly key: string | undefined

  constructor(error: PlanFileError) {
    super(`Cannot save this plan: ${error.message}`)
    this.name = 'PlanFileWriteError'
    this.kind = error.kind
    this.key = error.key
  }
}

/** Internal: thrown inside the reader and caught at its boundary, so validation code stays linear. */
export class PlanFileRefusal extends Error {
  readonly error: PlanFileError

  constructor(error: PlanFileError) {
    super(error.message)
    this.name = 'PlanFileRefusal'
    this.error = error
  }
}

/** Throws a refusal of `kind`; `key` names the field or place. */
export function refuse(kind: PlanFileErrorKind, message: string, key?: string): never {
  throw new PlanFileRefusal(key === undefined ? { kind, message } : { kind, message, key })
}

/** A count as people read it: 10000 → "10,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
