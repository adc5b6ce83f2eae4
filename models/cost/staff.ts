import type { ModelInputs } from '../catalog/inputs'
import type { Platform } from './types'

/**
 * Engineers a platform needs: FTE = max(minFte, fixedFte + nodes / hostsPerFte) (ASSUMPTIONS.md "Staff"),
 * fractional by default (shared and part-time staff are real); with `wholeEngineers` the result is rounded
 * up to whole engineers. minFte is the on-call minimum, fixedFte the platform team that exists whatever
 * the size, so the minimum binds for small clouds and the fixed team plus per-node effort above that.
 * Example: 31 nodes, 60 hosts per FTE, 2 fixed, minimum 5 → max(5, 2 + 0.517) = 5 FTE;
 * 400 nodes → max(5, 2 + 6.667) = 8.667 FTE, or 9 whole engineers.
 */
export function fteFor(options: {
  nodes: number
  minFte: number
  fixedFte: number
  hostsPerFte: number
  wholeEngineers: boolean
}): number {
  const { nodes, minFte, fixedFte, hostsPerFte, wholeEngineers } = options
  const fte = Math.max(minFte, fixedFte + nodes / hostsPerFte)
  // Guard against float noise such as 9.000000000000002 engineers.
  return wholeEngineers ? Math.ceil(fte - 1e-9) : fte
}

/** Fully loaded cost of one FTE per year, USD: salary × loaded multiplier × (1 + platform premium). */
export function loadedUsdPerFteYear(inp: ModelInputs, platform: Platform): number {
  return inp.staff.salaryUsd * inp.staff.loadedMultiplier * (1 + inp.staff[platform].salaryPremium)
}

/** Staff a platform needs for `nodes` nodes, FTE. */
export function platformFte(inp: ModelInputs, platform: Platform, nodes: number): number {
  const staff = inp.staff[platform]
  return fteFor({
    nodes,
    minFte: staff.minFte,
    fixedFte: staff.fixedFte,
    hostsPerFte: staff.hostsPerFte,
    wholeEngineers: inp.staff.wholeEngineers,
  })
}
