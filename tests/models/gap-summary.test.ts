import { describe, expect, it } from 'vitest'
import { histogram, niceStep, summarizeGap } from '../../models/index'

describe('gap summary', () => {
  it.each([
    [0.7, 1],
    [1.5, 2],
    [2.2, 2.5],
    [3, 5],
    [7, 10],
    [13_000, 20_000],
  ])('niceStep(%d) = %d', (raw, nice) => {
    expect(niceStep(raw)).toBe(nice)
  })

  it('bins every value once, with 0 as an edge when the values straddle it', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => -3000 + i * 7.3)
    const { edges, counts } = histogram(values, 30)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000)
    expect(edges).toContain(0)
    expect(edges[0]!).toBeLessThanOrEqual(-3000)
    expect(edges.at(-1)!).toBeGreaterThan(values.at(-1)!)
  })

  it('handles identical values and no values', () => {
    expect(histogram(new Float64Array([5, 5, 5])).counts).toEqual([3])
    expect(histogram(new Float64Array(0))).toEqual({ edges: [], counts: [] })
  })

  it('gives the model’s quantiles and the share above 0, leaving the input unchanged', () => {
    const values = Float64Array.from([-2, -1, 0, 1, 2, 3, 4, 5, 6, 7])
    const copy = values.slice()
    const s = summarizeGap(values)
    expect(s.p50).toBeCloseTo(2.5)
    expect(s.p10).toBeCloseTo(-1.1)
    expect(s.openstackCheaperShare).toBe(0.7)
    expect(values).toEqual(copy)
  })
})
