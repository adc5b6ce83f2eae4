import { createMigrationRegistry, type PlanFileMigrationRegistry } from '../../models/plan-file/plan-file'

/**
 * TEST-ONLY format 0. Stackplan never wrote it: it exists to prove the migration mechanism end to end.
 * A format 0 file had no envelope: `{ "stackplan": 0, "planName", "savedBy", "savedAtMs", "values",
 * "uncertainty", "variants" }`, with short value names that format 1 renamed to catalog keys.
 */
export const V0_KEY_RENAMES: Readonly<Record<string, string>> = {
  fleetSize: 'fleet.vms',
  edition: 'vmware.edition',
  vcfPricePerCore: 'vmware.usdPerCoreYear.vcf',
  vvfPricePerCore: 'vmware.usdPerCoreYear.vvf',
  lateRenewalPenalty: 'vmware.lateRenewalPenalty',
  hostCores: 'host.coresPerSocket',
  electricityPrice: 'power.usdPerKwh',
  consolidation: 'openstack.consolidationEnabled',
  openstackFixedStaff: 'staff.openstack.fixedFte',
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function renameValues(values: unknown, where: string): Record<string, unknown> {
  if (values === undefined) return {}
  if (!isObject(values)) throw new Error(`${where} is not an object`)
  const out: Record<string, unknown> = {}
  for (const [oldKey, value] of Object.entries(values)) {
    const key = V0_KEY_RENAMES[oldKey]
    if (key === undefined) throw new Error(`format 0 has no value named "${oldKey}"`)
    out[key] = value
  }
  return out
}

/** Format 0 → format 1: envelope added, values renamed, uncertainty pairs become uniform ranges. */
export function migrateV0ToV1(raw: unknown): unknown {
  if (!isObject(raw)) throw new Error('the file is not an object')
  const uncertainty = isObject(raw.uncertainty) ? raw.uncertainty : {}
  const ranges: Record<string, unknown> = {}
  for (const [oldKey, pair] of Object.entries(uncertainty)) {
    const key = V0_KEY_RENAMES[oldKey]
    if (key === undefined) throw new Error(`format 0 has no value named "${oldKey}"`)
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new Error(`uncertainty of ${oldKey} is not a [low, high] pair`)
    ranges[key] = { kind: 'uniform', low: pair[0], high: pair[1] }
  }
  const variants = Array.isArray(raw.variants) ? raw.variants : []
  const scenarios = [
    { id: 'baseline', name: 'Baseline', overrides: {} },
    ...variants.map((v: unknown, i) => {
      if (!isObject(v)) throw new Error(`variant ${i + 1} is not an object`)
      return { id: `variant-${i + 1}`, name: v.title, overrides: renameValues(v.values, `variant ${i + 1}`) }
    }),
  ]
  const savedAtMs = raw.savedAtMs
  return {
    format: 'stackplan',
    formatVersion: 1,
    minReaderVersion: 1,
    app: typeof raw.savedBy === 'string' ? raw.savedBy : '',
    savedAt: typeof savedAtMs === 'number' ? new Date(savedAtMs).toISOString() : '',
    plan: {
      name: raw.planName,
      notes: typeof raw.comment === 'string' ? raw.comment : '',
      assumptions: renameValues(raw.values, 'values'),
      ranges,
      scenarios,
    },
  }
}

/** The shipped migrations plus the test-only format 0 step. */
export const TEST_MIGRATIONS: PlanFileMigrationRegistry = createMigrationRegistry({ 0: migrateV0ToV1 })
