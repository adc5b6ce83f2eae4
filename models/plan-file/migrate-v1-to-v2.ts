import { migrateFidelityKeys } from './migrate-fidelity-keys'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Format 1 → format 2: the model-fidelity keys (migrateFidelityKeys) are renamed and split in the plan, and
 * the envelope says format 2. A format 2 file needs a format 2 reader (a format 1 reader would refuse the
 * new keys as unknown), so minReaderVersion becomes 2.
 */
export function migrateV1ToV2(raw: unknown): unknown {
  if (!isRecord(raw)) throw new Error('the file is not an object')
  migrateFidelityKeys(raw.plan)
  raw.formatVersion = 2
  raw.minReaderVersion = 2
  return raw
}
