import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escalationFactor, residualBookValue } from '../../models/cost/residual-value'

describe('residual book value at the end of the horizon', () => {
  it.each([
    // purchases, life, horizon → value left
    [[10, 0, 0, 2, 0], 5, 5, 1.2], // 10·(0+5−5)/5 + 2·(3+5−5)/5 = 0 + 1.2
    [[10], 5, 1, 8], // 10·(0+5−1)/5 = 8
    [[10, 0, 0, 0, 0, 10, 0], 5, 7, 6], // 10·max(0,0+5−7)/5 + 10·(5+5−7)/5 = 0 + 6
    [[100, 0, 0], 3, 3, 0], // fully depreciated
    [[4, 4], 10, 2, 6.8], // 4·(0+10−2)/10 + 4·(1+10−2)/10 = 3.2 + 3.6
  ])('purchases %j, life %i, horizon %i → %d', (purchases, lifeYears, years, value) => {
    expect(residualBookValue({ purchases, lifeYears, years })).toBeCloseTo(value, 12)
  })

  it('is never more than what was bought, nor below 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 15 }),
        fc.integer({ min: 1, max: 10 }),
        (purchases, lifeYears) => {
          const value = residualBookValue({ purchases, lifeYears, years: purchases.length })
          const bought = purchases.reduce((s, p) => s + p, 0)
          expect(value).toBeGreaterThanOrEqual(0)
          expect(value).toBeLessThanOrEqual(bought * (1 + 1e-12))
        }
      )
    )
  })

  it.each([
    [0.03, 0, 1],
    [0.03, 2, 1.0609], // 1.03²
    [-0.1, 1, 0.9],
  ])('escalation at %d in year %i is ×%d', (rate, year, factor) => {
    expect(escalationFactor(rate, year)).toBeCloseTo(factor, 12)
  })
})
