import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  EDITION_FEATURES,
  editionFeatures,
  vmwareFtProtection,
  type EditionId,
} from '../../models/cost/editions'

const EDITIONS: readonly EditionId[] = ['vvs', 'vvep', 'vvf', 'vcf']

describe('VMware edition features', () => {
  it.each([
    // edition, DRS, DPM, FT vCPU per VM, vSAN included, sale status, version cap
    ['vvs', false, false, 2, false, 'endOfSale', '8'],
    ['vvep', true, true, 8, false, 'restricted', '8'],
    ['vvf', true, true, 8, true, 'sold', null],
    ['vcf', true, true, 8, true, 'sold', null],
  ] as const)('%s: DRS %s, DPM %s, FT up to %i vCPU', (edition, drs, dpm, ftVcpus, vsan, sale, cap) => {
    const f = editionFeatures(edition)
    expect(f.hasDrs).toBe(drs)
    expect(f.hasDpm).toBe(dpm)
    expect(f.ftMaxVcpusPerVm).toBe(ftVcpus)
    expect(f.includesVsan).toBe(vsan)
    expect(f.saleStatus).toBe(sale)
    expect(f.versionCap).toBe(cap)
  })

  it('DPM never comes without DRS (it is a DRS feature)', () => {
    for (const e of EDITIONS) if (EDITION_FEATURES[e].hasDpm) expect(EDITION_FEATURES[e].hasDrs).toBe(true)
  })

  it.each([
    // edition, vCPU per VM, FT share → protection
    ['vvs', 2, 0.02, 'ft'], // 2 ≤ 2
    ['vvs', 4, 0.02, 'appPairs'], // 4 > 2: Standard cannot protect it
    ['vvep', 8, 0.02, 'ft'], // 8 ≤ 8
    ['vcf', 8.5, 0.02, 'appPairs'], // 8.5 > 8
    ['vcf', 4, 0, 'none'], // nothing to protect
  ] as const)('%s with %d-vCPU VMs and FT share %d → %s', (edition, vcpuPerVm, ftShare, expected) => {
    expect(vmwareFtProtection({ edition, vcpuPerVm, ftShare })).toBe(expected)
  })

  it('a higher FT licence never protects fewer VMs than Standard', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 256, noNaN: true }), (vcpuPerVm) => {
        const standard = vmwareFtProtection({ edition: 'vvs', vcpuPerVm, ftShare: 0.1 })
        for (const e of ['vvep', 'vvf', 'vcf'] as const) {
          if (standard === 'ft')
            expect(vmwareFtProtection({ edition: e, vcpuPerVm, ftShare: 0.1 })).toBe('ft')
        }
      })
    )
  })
})
