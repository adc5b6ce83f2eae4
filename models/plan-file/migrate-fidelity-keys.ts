/**
 * Keys the model-fidelity release renamed or split, and how a value stored under the old name keeps its
 * meaning (docs/FILE-FORMAT.md, "Migrations"). Only values a plan stores are moved: a plan that left a key
 * at its default takes the new default, which is the point of the change.
 */

type JsonRecord = Record<string, unknown>

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** One old key stored the same value both platforms now keep apart. */
const SPLIT_KEYS: Readonly<Record<string, readonly string[]>> = {
  'migration.concurrentLive': ['migration.vmware.concurrentLive', 'migration.openstack.concurrentLive'],
  'migration.concurrentBlock': ['migration.vmware.concurrentBlock', 'migration.openstack.concurrentBlock'],
}

/** Old key → new key, same value. */
const RENAMED_KEYS: Readonly<Record<string, string>> = {
  'openstack.supportUsdPerNodeYear': 'openstack.supportUsdPerNodeYear.infra',
}

/** Old choice values → new ones. */
const RENAMED_CHOICES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // The old per-node tier was priced as Ubuntu Pro (Infra-only): security patching without support.
  'openstack.support': { perNode: 'infra' },
}

/** vSAN raw ÷ usable of each storage policy (models/vsan-policy.ts), to map an old overhead to a policy. */
const VSAN_POLICY_OVERHEADS: readonly (readonly [string, number])[] = [
  ['raid5', 4 / 3],
  ['raid6', 1.5],
  ['raid1', 2],
  ['raid1ftt2', 3],
]

/**
 * The vSAN policy whose raw ÷ usable is nearest an old `storage.vsanOverhead` (ties go to the cheaper
 * policy, listed first). Example: 2 → raid1; 1.4 → raid5; 2.6 → raid1ftt2.
 */
export function vsanPolicyForOverhead(overhead: number): string {
  let best = 'raid1'
  let bestDistance = Infinity
  for (const [policy, ratio] of VSAN_POLICY_OVERHEADS) {
    const distance = Math.abs(overhead - ratio)
    if (distance < bestDistance - 1e-12) {
      best = policy
      bestDistance = distance
    }
  }
  return best
}

/** Moves the renamed and split keys of one value layer (base assumptions or a scenario's overrides) in place. */
function migrateValues(values: JsonRecord): void {
  for (const [oldKey, newKeys] of Object.entries(SPLIT_KEYS)) {
    if (!Object.hasOwn(values, oldKey)) continue
    const value = values[oldKey]
    delete values[oldKey]
    // A value the plan already stores under a new key wins over the split old one.
    for (const key of newKeys) if (!Object.hasOwn(values, key)) values[key] = value
  }
  for (const [oldKey, newKey] of Object.entries(RENAMED_KEYS)) {
    if (!Object.hasOwn(values, oldKey)) continue
    const value = values[oldKey]
    delete values[oldKey]
    if (!Object.hasOwn(values, newKey)) values[newKey] = value
  }
  for (const [key, renames] of Object.entries(RENAMED_CHOICES)) {
    const value = values[key]
    if (typeof value === 'string' && Object.hasOwn(renames, value)) values[key] = renames[value]
  }
  if (Object.hasOwn(values, 'storage.vsanOverhead')) {
    const overhead = values['storage.vsanOverhead']
    delete values['storage.vsanOverhead']
    if (
      typeof overhead === 'number' &&
      Number.isFinite(overhead) &&
      !Object.hasOwn(values, 'vmware.vsanPolicy')
    )
      values['vmware.vsanPolicy'] = vsanPolicyForOverhead(overhead)
  }
}

/** Moves the uncertainty ranges of renamed and split keys; a range of a key that became a choice is dropped. */
function migrateRanges(ranges: JsonRecord): void {
  for (const [oldKey, newKeys] of Object.entries(SPLIT_KEYS)) {
    if (!Object.hasOwn(ranges, oldKey)) continue
    const range = ranges[oldKey]
    delete ranges[oldKey]
    for (const key of newKeys)
      if (!Object.hasOwn(ranges, key)) ranges[key] = isRecord(range) ? { ...range } : range
  }
  for (const [oldKey, newKey] of Object.entries(RENAMED_KEYS)) {
    if (!Object.hasOwn(ranges, oldKey)) continue
    const range = ranges[oldKey]
    delete ranges[oldKey]
    if (!Object.hasOwn(ranges, newKey)) ranges[newKey] = range
  }
  // The policy is a choice, so an old range of the overhead has nothing to attach to.
  delete ranges['storage.vsanOverhead']
}

/**
 * Rewrites a stored plan (the `plan` object of a planning file) from the keys of format 1 to the keys of
 * the model-fidelity release, in place: split keys are copied to both platforms' keys, renamed keys and
 * choices moved, and an old vSAN overhead becomes the nearest storage policy. Parts that are not objects
 * are left for the reader's checks to refuse.
 */
export function migrateFidelityKeys(plan: unknown): void {
  if (!isRecord(plan)) return
  if (isRecord(plan.assumptions)) migrateValues(plan.assumptions)
  if (isRecord(plan.ranges)) migrateRanges(plan.ranges)
  if (Array.isArray(plan.scenarios)) {
    for (const scenario of plan.scenarios) {
      if (isRecord(scenario) && isRecord(scenario.overrides)) migrateValues(scenario.overrides)
    }
  }
}
