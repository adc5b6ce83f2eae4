/**
 * Provenance flag of an assumption (ASSUMPTIONS.md): P primary source, S secondary, E estimate with no
 * public source, D disputed, '-' a plain input (the user's own choice, no source needed).
 */
export type SourceFlag = 'P' | 'S' | 'E' | 'D' | '-'

/** Which platform an assumption concerns. */
export type Concern = 'vmware' | 'openstack' | 'both'

export type GroupId =
  'workload' | 'host' | 'vmware' | 'openstack' | 'staff' | 'storage' | 'power' | 'transition'

/** Groups in the order of ASSUMPTIONS.md, with their English titles. */
export const GROUPS: readonly { id: GroupId; title: string }[] = [
  { id: 'workload', title: 'Fleet and workload' },
  { id: 'host', title: 'Host hardware' },
  { id: 'vmware', title: 'VMware (vSphere / VVF / VCF)' },
  { id: 'openstack', title: 'OpenStack (KVM)' },
  { id: 'staff', title: 'Staff (engineering effort)' },
  { id: 'storage', title: 'Storage and migration' },
  { id: 'power', title: 'Power, carbon and money' },
  { id: 'transition', title: 'Stay or move' },
]

interface BaseAssumption {
  key: string
  label: string
  unit: string
  flag: SourceFlag
  /**
   * Source and date, or a note; shown beside the value. The window's Chinese text of it is in
   * renderer/src/i18n/zh-rationales.ts (a new key without one is a type error there).
   */
  source: string
  group: GroupId
  concerns: Concern
}

export interface NumberAssumption extends BaseAssumption {
  kind: 'number'
  default: number
  min: number
  max: number
  /** Whole numbers only (hosts, cores, years, nodes). */
  isInteger: boolean
  /** True for list prices: they get a default uncertainty range like estimates do. */
  isListPrice: boolean
  /** Default low/high for sensitivity and Monte Carlo when the source gives one (else ±30 % for E, D, prices). */
  range?: readonly [number, number]
  /** Smallest value allowed is exclusive (e.g. an exchange rate must be > 0). */
  minExclusive?: boolean
}

export interface BooleanAssumption extends BaseAssumption {
  kind: 'boolean'
  default: boolean
}

export interface ChoiceAssumption extends BaseAssumption {
  kind: 'choice'
  default: string
  options: readonly string[]
}

export interface TextAssumption extends BaseAssumption {
  kind: 'currency'
  default: string
}

export interface ProfileAssumption extends BaseAssumption {
  kind: 'profile'
  default: readonly number[]
}

export type Assumption =
  NumberAssumption | BooleanAssumption | ChoiceAssumption | TextAssumption | ProfileAssumption

/** The shape every catalog entry is checked against (`as const satisfies readonly AssumptionEntry[]`). */
export type AssumptionEntry = Assumption
export type AssumptionValue = number | boolean | string | readonly number[]
