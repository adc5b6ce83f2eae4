import { HOST_ASSUMPTIONS } from './entries/host'
import { OPENSTACK_ASSUMPTIONS } from './entries/openstack'
import { POWER_ASSUMPTIONS } from './entries/power'
import { STAFF_ASSUMPTIONS } from './entries/staff'
import { STORAGE_ASSUMPTIONS } from './entries/storage'
import { TRANSITION_ASSUMPTIONS } from './entries/transition'
import { VMWARE_ASSUMPTIONS } from './entries/vmware'
import { WORKLOAD_ASSUMPTIONS } from './entries/workload'
import type { Assumption, AssumptionEntry, NumberAssumption } from './assumption'

export type {
  Assumption,
  AssumptionEntry,
  AssumptionValue,
  BooleanAssumption,
  ChoiceAssumption,
  Concern,
  GroupId,
  NumberAssumption,
  ProfileAssumption,
  SourceFlag,
  TextAssumption,
} from './assumption'
export { GROUPS } from './assumption'

/**
 * Every entry with its literal types kept, in the order of ASSUMPTIONS.md. Keys are public (CLI --set,
 * planning files, docs) and match ../shared ASSUMPTIONS.md exactly; keys marked "added" in docs/MODEL.md
 * are model inputs that document does not list.
 */
const ENTRIES = [
  ...WORKLOAD_ASSUMPTIONS,
  ...HOST_ASSUMPTIONS,
  ...VMWARE_ASSUMPTIONS,
  ...OPENSTACK_ASSUMPTIONS,
  ...STAFF_ASSUMPTIONS,
  ...STORAGE_ASSUMPTIONS,
  ...POWER_ASSUMPTIONS,
  ...TRANSITION_ASSUMPTIONS,
] as const satisfies readonly AssumptionEntry[]

type Entry = (typeof ENTRIES)[number]

/** The key of every assumption in the catalog; a misspelt key is a type error. */
export type AssumptionKey = Entry['key']

/** Keys of the assumptions of one kind ('number', 'boolean', 'choice', 'currency', 'profile'). */
export type AssumptionKeyOfKind<K extends Assumption['kind']> = Extract<Entry, { kind: K }>['key']

/** The options of a choice assumption, as a union of string literals. */
export type ChoiceOption<K extends AssumptionKeyOfKind<'choice'>> =
  Extract<Entry, { key: K }> extends {
    options: readonly (infer O)[]
  }
    ? O
    : never

/** The value type of one assumption, derived from its kind. */
export type AssumptionValueOf<K extends AssumptionKey> =
  Extract<Entry, { key: K }> extends infer E
    ? E extends { kind: 'number' }
      ? number
      : E extends { kind: 'boolean' }
        ? boolean
        : E extends { kind: 'choice'; options: readonly (infer O)[] }
          ? O
          : E extends { kind: 'currency' }
            ? string
            : readonly number[]
    : never

/**
 * The assumption catalog: every number the model uses, with unit, default, allowed range, flag and source.
 * Entries live by group in ./entries/*.ts.
 */
export const CATALOG: readonly Assumption[] = ENTRIES

const BY_KEY: ReadonlyMap<string, Assumption> = new Map(CATALOG.map((a) => [a.key, a]))

/** The catalog entry for a key, or undefined for an unknown key. */
export function findAssumption(key: string): Assumption | undefined {
  return BY_KEY.get(key)
}

/** True when the text is a catalog key; narrows it to `AssumptionKey`. */
export function isAssumptionKey(key: string): key is AssumptionKey {
  return BY_KEY.has(key)
}

/** True when the key names a numeric assumption. */
export function isNumberAssumption(a: Assumption | undefined): a is NumberAssumption {
  return a?.kind === 'number'
}

/** The allowed range as people read it, e.g. "0–10,000" or "> 0". */
export function describeRange(a: Assumption): string {
  switch (a.kind) {
    case 'number': {
      const fmt = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: 6 })
      if (a.minExclusive) return `greater than ${fmt(a.min)} and at most ${fmt(a.max)}`
      return `${fmt(a.min)} to ${fmt(a.max)}${a.isInteger ? ', whole numbers' : ''}`
    }
    case 'boolean':
      return 'true or false'
    case 'choice':
      return 'one of ' + a.options.join(', ')
    case 'currency':
      return 'a three-letter ISO 4217 code such as USD, EUR or CNY'
    case 'profile':
      return '168 hourly values 0–1 whose maximum is 1'
  }
}

/**
 * The default low/high range of a numeric assumption for sensitivity and Monte Carlo (ASSUMPTIONS.md):
 * the source's range where one is given, else ±30 % of the default for estimates, disputed values and
 * list prices, clamped to the allowed range. Null for other assumptions (they are inputs, not estimates).
 */
export function defaultUncertaintyRange(a: NumberAssumption): readonly [number, number] | null {
  if (a.range) return a.range
  if (a.flag !== 'E' && a.flag !== 'D' && !a.isListPrice) return null
  if (a.default === 0) return null
  const low = Math.max(a.min, a.default * 0.7)
  const high = Math.min(a.max, a.default * 1.3)
  return a.isInteger ? [Math.round(low), Math.round(high)] : [low, high]
}
