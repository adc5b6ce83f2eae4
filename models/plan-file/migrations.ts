import { migrateFidelityKeys } from './migrate-fidelity-keys'
import { refuseV1WorkloadMix } from './migrate-workload-mix'

/** The planning-file format version this Stackplan writes and reads natively. */
export const CURRENT_FORMAT_VERSION = 2

/**
 * One forward step: takes the whole parsed document of format N (envelope included) and returns the
 * document of format N + 1. It receives a private copy, so it may change it in place. It may throw; the
 * reader turns that into a "migration failed" refusal naming the step.
 */
export type PlanFileMigration = (raw: unknown) => unknown

/** Migrations by the version they start from: entry N turns format N into format N + 1. */
export type PlanFileMigrationRegistry = Readonly<Record<number, PlanFileMigration>>

/**
 * One small, named change inside a format step. A step's changes run in order on the document (the
 * migration's private copy); a change may throw, and the refusal then names it.
 */
export interface MigrationChange {
  name: string
  apply: (doc: { [key: string]: unknown }) => void
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Builds a format step from its list of changes: checks the document is format `to − 1`, runs them, sets `to`. */
export function migrationFromChanges(to: number, changes: readonly MigrationChange[]): PlanFileMigration {
  return (raw) => {
    if (!isObject(raw)) throw new Error('the file is not an object')
    if (raw.formatVersion !== to - 1) {
      // A document may name no version at all (a format-0 file flipped to claim format 1, say).
      const found =
        raw.formatVersion === undefined
          ? 'names no formatVersion'
          : `is format ${JSON.stringify(raw.formatVersion)}`
      throw new Error(`the document ${found}, while format ${to - 1} was expected`)
    }
    for (const change of changes) {
      try {
        change.apply(raw)
      } catch (e) {
        throw new Error(`${change.name}: ${e instanceof Error ? e.message : String(e)}`, { cause: e })
      }
    }
    raw.formatVersion = to
    return raw
  }
}

/**
 * Format 1 → 2, in order: format 2 adds the workload mix (plan.workloadMix, present only in plans that have
 * one; a format-1 plan migrates to a plan without a mix), and the model-fidelity keys are renamed and split
 * (migrate-fidelity-keys.ts). A format 2 file needs a format 2 reader (a format 1 reader would refuse the new
 * keys as unknown), so minReaderVersion becomes 2.
 */
export const V1_TO_V2_CHANGES: readonly MigrationChange[] = [
  { name: 'format 1 has no workload mix', apply: refuseV1WorkloadMix },
  { name: 'renamed model-fidelity keys', apply: (doc) => migrateFidelityKeys(doc.plan) },
  {
    name: 'format 2 needs a format 2 reader',
    apply: (doc) => {
      doc.minReaderVersion = 2
    },
  },
]

/**
 * The migrations this release ships, by the version they start from. Format 0 never shipped (a test-only
 * registry proves the mechanism with it: tests/support/legacy-v0-migration.ts). Every old fixture in
 * tests/fixtures keeps loading through these.
 */
export const MIGRATIONS: PlanFileMigrationRegistry = Object.freeze({
  1: migrationFromChanges(2, V1_TO_V2_CHANGES),
})

/** The shipped migrations plus `extra` (extra wins for the same step); tests use it to inject steps. */
export function createMigrationRegistry(extra: PlanFileMigrationRegistry = {}): PlanFileMigrationRegistry {
  const registry: Record<number, PlanFileMigration> = {}
  for (const source of [MIGRATIONS, extra]) {
    for (const key of Object.keys(source)) {
      const from = Number(key)
      const step = source[from]
      if (Number.isSafeInteger(from) && typeof step === 'function') registry[from] = step
    }
  }
  return Object.freeze(registry)
}

/** The migration that starts at `from`, looked up as an own property only. */
export function findMigration(
  registry: PlanFileMigrationRegistry,
  from: number
): PlanFileMigration | undefined {
  return Object.hasOwn(registry, from) ? registry[from] : undefined
}
