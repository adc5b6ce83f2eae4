/**
 * Book value left at the end of the horizon of equipment bought over it, straight-line: a purchase made at
 * the start of year b with a life of L years is worth purchase · max(0, (b + L − years) / L) when the
 * horizon of `years` years ends. Without it a horizon longer than the depreciation charges the full price
 * of hardware bought in its last years although most of its life lies beyond the horizon.
 * Example: 10 hosts' worth bought in year 0 and 2 more in year 3, life 5, horizon 5 years:
 * 10 · max(0, (0 + 5 − 5) / 5) + 2 · (3 + 5 − 5) / 5 = 0 + 1.2 = 1.2.
 */
export function residualBookValue(options: {
  /** Purchases per year, index 0 = first year (units or money). */
  purchases: readonly number[]
  lifeYears: number
  years: number
}): number {
  const { purchases, lifeYears, years } = options
  let value = 0
  for (let b = 0; b < purchases.length && b < years; b++) {
    const remaining = Math.max(0, b + lifeYears - years) / lifeYears
    value += (purchases[b] as number) * Math.min(1, remaining)
  }
  return value
}

/** Growth factor of a cost escalating at `rate` per year, in year y (year 0 unescalated): (1 + rate)^y. */
export function escalationFactor(rate: number, year: number): number {
  return Math.pow(1 + rate, year)
}
