import type { ValueIssue } from '../catalog/values'

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
  /** For a refused assumption value: the refusal as data, for the window to word in its language. */
  issue?: ValueIssue
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

/** Thrown by serializePlanFile for a plan it will not write (a non-finite number, a value out of range…). */
export class PlanFileWriteError extends Error {
  readonly kind: PlanFileErrorKind
  readonly key: string | undefined
  readonly issue: ValueIssue | undefined

  constructor(error: PlanFileError) {
    super(`Cannot save this plan: ${error.message}`)
    this.name = 'PlanFileWriteError'
    this.kind = error.kind
    this.key = error.key
    this.issue = error.issue
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
export function refuse(kind: PlanFileErrorKind, message: string, key?: string, issue?: ValueIssue): never {
  const error: PlanFileError = key === undefined ? { kind, message } : { kind, message, key }
  if (issue) error.issue = issue
  throw new PlanFileRefusal(error)
}

/** A count as people read it: 10000 → "10,000" (the schema rules' wording, for messages outside them). */
export { formatCount } from '../schema/wording'
