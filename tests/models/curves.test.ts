import { describe, expect, it } from 'vitest'
import { computeCurves, createDefaultPlan, logSpacedFleetSizes } from '../../models/index'

describe('logSpacedFleetSizes', () => {
  it('spreads the points evenly on a log scale and adds the plan’s size exactly', () => {
    // 5 points over 10…100,000: 10 · 10^(i) for i = 0…4; 1,234 added.
    expect(logSpacedFleetSizes(10, 100_000, 5, 1234)).toEqual([10, 100, 1000, 1234, 10_000, 100_000])
    // A size already on the grid is not repeated.
    expect(logSpacedFleetSizes(10, 100_000, 5, 1000)).toEqual([10, 100, 1000, 10_000, 100_000])
  })

  it('widens the range to a plan size above it: the user’s fleet is on the curve, not off the chart', () => {
    // 10…1,000,000 in 5 points: 10 · 100,000^(i/4) → 10, 178 (177.8), 3,162 (3,162.3), 56,234 (56,234.1), 1,000,000.
    expect(logSpacedFleetSizes(10, 100_000, 5, 1_000_000)).toEqual([10, 178, 3162, 56_234, 1_000_000])
  })

  it('widens the range to a plan size below it', () => {
    // 1…100,000 in 6 points: 10^i → 1, 10, 100, 1,000, 10,000, 100,000.
    expect(logSpacedFleetSizes(10, 100_000, 6, 1)).toEqual([1, 10, 100, 1000, 10_000, 100_000])
  })

  it('keeps the range as given without a plan size', () => {
    expect(logSpacedFleetSizes(10, 1000, 3)).toEqual([10, 100, 1000])
  })
})

describe('computeCurves at fleet sizes outside the default range', () => {
  it('ends the curve at a million VMs and starts it at one VM', () => {
    const big = createDefaultPlan()
    big.assumptions['fleet.vms'] = 1_000_000
    const up = computeCurves(big)
    expect(up.vms[0]).toBe(10)
    expect(up.vms.at(-1)).toBe(1_000_000)
    expect(up.vms).toHaveLength(61)
    const small = createDefaultPlan()
    small.assumptions['fleet.vms'] = 1
    const down = computeCurves(small)
    expect(down.vms[0]).toBe(1)
    expect(down.vms.at(-1)).toBe(100_000)
    // 61 points at ratio 10^(5/60) ≈ 1.2115 from 1: 1, 1.21, 1.47, 1.78, 2.15, 2.61, 3.16, 3.83 … round to
    // 1, 1, 1, 2, 2, 3, 3, 4 …: three repeats of 1, one of 2, one of 3 drop out → 61 − 4 = 57 whole sizes.
    expect(down.vms.slice(0, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(down.vms).toHaveLength(57)
  })
})
