import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fteFor,
  openstackSupportUsdPerYear,
  toModelInputs,
  vmwareCoresHeldByYear,
  vmwareLicensedCores,
  vsanEntitledTib,
} from '../../models/index'

describe('VMware licensed cores (Broadcom per-core rules)', () => {
  it.each([
    // hosts, sockets, cores/socket, min per CPU, order minimum → cores
    [1, 2, 12, 16, null, 32], // 1 × 2 × max(12, 16) = 32
    [1, 2, 12, 16, 72, 72], // 32 lifted to the 72-core order minimum
    [1, 2, 16, 16, 72, 72], // a single 2 × 16-core host: 32 → 72
    [1, 2, 32, 16, 72, 72], // 64 → 72
    [2, 2, 32, 16, 72, 128], // 2 × 2 × 32 = 128 > 72
    [10, 1, 8, 16, null, 160], // 10 × 1 × max(8, 16) = 160
    [3, 4, 24, 16, 72, 288], // 3 × 4 × 24 = 288
    [5, 2, 12, 0, null, 120], // minimum per CPU off: 5 × 2 × 12
  ])(
    '%i hosts × %i sockets × %i cores (min %i/CPU, order min %s) = %i cores',
    (hosts, sockets, coresPerSocket, minCoresPerCpu, minCoresPerOrder, cores) => {
      expect(vmwareLicensedCores({ hosts, sockets, coresPerSocket, minCoresPerCpu, minCoresPerOrder })).toBe(
        cores
      )
    }
  )

  it.each([
    ['vcf', 1664, 1664], // 1 TiB per core
    ['vvf', 1664, 416], // 0.25 TiB per core
    ['vvep', 1664, 0], // vSAN not included
    ['vvs', 1664, 0],
  ] as const)('%s entitles %i cores to %d TiB of vSAN', (edition, cores, tib) => {
    expect(vsanEntitledTib(toModelInputs({ 'vmware.edition': edition }), cores)).toBeCloseTo(tib, 9)
  })
})

describe('VMware cores held per order', () => {
  it.each([
    // needs per year, order minimum → cores held
    [[40, 60, 100, 100], 72, [72, 72, 144, 100]], // year 2 orders max(100 − 72, 72) = 72 more; year 3 renews the 100 needed
    [[448, 470, 600, 500], 72, [448, 520, 600, 500]], // +max(22, 72); +max(80, 72); renews at the lower need
    [[40, 60, 100], null, [40, 60, 100]], // rule off: the need
  ] as const)('%j with minimum %s → %j', (need, minimum, held) => {
    expect(vmwareCoresHeldByYear(need, minimum)).toEqual(held)
  })
})

describe('OpenStack support', () => {
  it.each([
    ['none', 2, 31, 0],
    ['infra', 2, 31, 6975], // 31 nodes × 225
    ['standard', 2, 31, 23250], // 31 nodes × 750
    ['advanced', 2, 31, 46500], // 31 nodes × 1,500
    ['perSocketPair', 2, 31, 31 * 1 * 1000], // 2 sockets = 1 pair per node × 1000
    ['perSocketPair', 4, 10, 10 * 2 * 1000], // 4 sockets = 2 pairs
    ['perSocketPair', 1, 10, 10 * 1 * 1000], // a lone socket counts as a pair
  ] as const)('%s with %i sockets on %i nodes costs %i a year', (support, sockets, nodes, usd) => {
    const inp = toModelInputs({
      'openstack.support': support,
      'host.sockets': sockets,
      'openstack.supportUsdPerSocketPairYear': 1000,
    })
    expect(openstackSupportUsdPerYear(inp, nodes)).toBe(usd)
  })
})

describe('FTE model', () => {
  it.each([
    // nodes, min, fixed, hosts per FTE → fractional FTE (the default)
    [31, 5, 2, 60, 5], // max(5, 2 + 31/60 = 2.517) = 5: the on-call minimum binds
    [400, 5, 2, 60, 2 + 400 / 60], // max(5, 2 + 6.667) = 8.667
    [26, 2, 1, 40, 2], // max(2, 1 + 0.65) = 2
    [80, 2, 1, 40, 3], // max(2, 1 + 2) = 3
    [0, 0, 0, 40, 0],
  ])('%i nodes, min %d, fixed %d, %i hosts/FTE → %d FTE', (nodes, minFte, fixedFte, hostsPerFte, fte) => {
    expect(fteFor({ nodes, minFte, fixedFte, hostsPerFte, wholeEngineers: false })).toBeCloseTo(fte, 12)
  })

  it('whole engineers round the fractional FTE up', () => {
    // max(5, 2 + 6.667) = 8.667 → 9; max(5, 2 + 180/60 = 5) = 5 exactly stays 5
    expect(fteFor({ nodes: 400, minFte: 5, fixedFte: 2, hostsPerFte: 60, wholeEngineers: true })).toBe(9)
    expect(fteFor({ nodes: 180, minFte: 5, fixedFte: 2, hostsPerFte: 60, wholeEngineers: true })).toBe(5)
  })

  it('never needs fewer engineers for more nodes, and whole engineers never fewer than fractional', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        (nodes, more, minFte, fixedFte, hostsPerFte) => {
          const at = (n: number, wholeEngineers: boolean) =>
            fteFor({ nodes: n, minFte, fixedFte, hostsPerFte, wholeEngineers })
          expect(at(nodes + more, false)).toBeGreaterThanOrEqual(at(nodes, false))
          expect(at(nodes, true)).toBeGreaterThanOrEqual(at(nodes, false) - 1e-9)
        }
      )
    )
  })
})

describe('FTE in whole engineers', () => {
  it.each([
    // nodes, min, fixed, hosts per FTE → FTE
    [26, 2, 0, 40, 2], // ⌈max(2, 0 + 0.65)⌉ = 2
    [80, 2, 0, 40, 2], // ⌈max(2, 2)⌉ = 2
    [81, 2, 0, 40, 3], // ⌈2.025⌉ = 3: the next engineer arrives with host 81
    [31, 4, 4, 60, 5], // ⌈max(4, 4 + 0.517)⌉ = 5
    [600, 4, 4, 60, 14], // 4 + 10
    [601, 4, 4, 60, 15], // ⌈4 + 10.017⌉ = 15
    [10, 6, 0.5, 60, 6], // the minimum wins: ⌈max(6, 0.5 + 0.167)⌉
  ])('%i nodes, min %d, fixed %d, %i hosts/FTE → %d FTE', (nodes, minFte, fixedFte, hostsPerFte, fte) => {
    expect(fteFor({ nodes, minFte, fixedFte, hostsPerFte, wholeEngineers: true })).toBe(fte)
  })
})
