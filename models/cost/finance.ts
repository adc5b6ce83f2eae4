/**
 * Units bought each year when equipment lasts `lifeYears` and `needed[y]` units must be in service in
 * year y: purchases[y] = max(0, needed[y] − units bought in the previous lifeYears − 1 years still in
 * service). Covers the first purchase, growth, and refresh of retired units inside the horizon; a
 * shrinking fleet buys nothing until retirements bring it below need. Quantities may be fractional (USD
 * of capacity, TB).
 * Example: needed [10, 10, 12, 12], life 2 → [10, 0, 12, 0]... see tests for the table.
 */
export function cohortPurchases(needed: readonly number[], lifeYears: number): number[] {
  const bought: number[] = []
  for (let y = 0; y < needed.length; y++) {
    let inService = 0
    for (let b = Math.max(0, y - lifeYears + 1); b < y; b++) inService += bought[b] as number
    bought.push(Math.max(0, (needed[y] as number) - inService))
  }
  return bought
}

/** Discount factor of year y's cash flow: 1 / (1 + rate)^y, year 0 at the start of the horizon (undiscounted). */
export function discountFactor(rate: number, year: number): number {
  return 1 / Math.pow(1 + rate, year)
}

/** Net present value of yearly cash flows paid at the start of each year (index 0 undiscounted). */
export function npv(rate: number, cashFlows: readonly number[]): number {
  let sum = 0
  for (let y = 0; y < cashFlows.length; y++) sum += (cashFlows[y] as number) * discountFactor(rate, y)
  return sum
}

/**
 * Equivalent annual cost of a present value over `years` payments made at the start of each year (annuity
 * due): A = PV · r / ((1 − (1 + r)^−n) · (1 + r)); PV / n when r = 0.
 */
export function equivalentAnnualCost(presentValue: number, rate: number, years: number): number {
  // 1 − (1 + r)^−n computed as −expm1(−n·log1p(r)) so tiny rates do not round to 0 and divide by zero.
  const annuityFactor = -Math.expm1(-years * Math.log1p(rate))
  if (rate === 0 || annuityFactor === 0) return presentValue / years
  return (presentValue * rate) / (annuityFactor * (1 + rate))
}
