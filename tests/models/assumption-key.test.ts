import { describe, expect, it } from 'vitest'
import {
  CATALOG,
  isAssumptionKey,
  type AssumptionKey,
  type AssumptionValueOf,
  type ChoiceOption,
} from '../../models/index'

// These lines are checked by `npm run typecheck`: each @ts-expect-error must meet an error, so if
// AssumptionKey ever widened to `string` (or a value type to something looser) the build would fail.
// @ts-expect-error a misspelt key ('vfc' for 'vcf') is not an AssumptionKey
const misspelt: AssumptionKey = 'vmware.usdPerCoreYear.vfc'
const spelt: AssumptionKey = 'vmware.usdPerCoreYear.vcf'
// @ts-expect-error a numeric assumption's value is a number, not text
const wrongKind: AssumptionValueOf<'host.sockets'> = '2'
// @ts-expect-error 'vsphere' is not one of the edition's options
const wrongOption: ChoiceOption<'vmware.edition'> = 'vsphere'
const edition: ChoiceOption<'vmware.edition'> = 'vvf'

describe('AssumptionKey', () => {
  it('is the set of catalog keys, each once', () => {
    const keys = CATALOG.map((a) => a.key)
    // 129 entries: 9 workload + 16 host + 28 VMware + 14 OpenStack + 13 staff + 22 storage + 12 power
    // (wage and energy escalation among them) + 15 stay-or-move (5 VMware term keys, 10 transition keys).
    expect(keys).toHaveLength(129)
    expect(new Set(keys).size).toBe(129)
    expect(keys.every(isAssumptionKey)).toBe(true)
  })

  it('refuses text that is not a key, however close', () => {
    expect(isAssumptionKey(misspelt)).toBe(false)
    expect(isAssumptionKey(spelt)).toBe(true)
    expect(isAssumptionKey('')).toBe(false)
    expect(isAssumptionKey('__proto__')).toBe(false)
    expect([wrongKind, wrongOption, edition]).toEqual(['2', 'vsphere', 'vvf'])
  })
})
