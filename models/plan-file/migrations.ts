import { migrateV1ToV2 } from './migrate-v1-to-v2'

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
 * The migrations this release ships: format 1 → 2 renames and splits the model-fidelity keys
 * (migrate-fidelity-keys.ts). The test-only format 0 (tests/support/legacy-v0-migration.ts) proves the chain
 * end to end; every old fixture in tests/fixtures keeps loading.
 */
export const MIGRATIONS: PlanFileMigrationRegistry = Object.freeze({ 1: migrateV1ToV2 })

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
