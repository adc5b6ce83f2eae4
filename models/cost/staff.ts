import type { ModelInputs } from '../catalog/inputs'
import type { Platform } from './types'

/**
 * Engineers a platform needs, in whole-engineer steps: FTE = max(minFte, fixedFte + ⌈nodes / hostsPerFte⌉)
 * (ASSUMPTIONS.md "Staff"; the ceiling is this model's choice: people are hired whole, so effort rises in
 * steps as the fleet grows). Example: 31 nodes, 60 hosts per FTE, 4 fixed, minimum 4 → 4 + ⌈0.52⌉ = 5 FTE.
 */
export function fteFor(options: {
  nodes: number
  minFte: number
  fixedFte: number
  hostsPerFte: number
}): number {
  const { nodes, minFte, fixedFte, hostsPerFte } = options
  return Math.max(minFte, fixedFte + Math.ceil(nodes / hostsPerFte))
}

/** Fully loaded cost of one FTE per year, USD: salary × loaded multiplier × (1 + platform premium). */
export function loadedUsdPerFteYear(inp: ModelInputs, platform: Platform): number {
  return inp.staff.salaryUsd * inp.staff.loadedMultiplier * (1 + inp.staff[platform].salaryPremium)
}

/** Staff a platform needs for `nodes` nodes, FTE. */
export function platformFte(inp: ModelInputs, platform: Platform, nodes: number): number {
  const staff = inp.staff[platform]
  return fteFor({ nodes, minFte: staff.minFte, fixedFte: staff.fixedFte, hostsPerFte: staff.hostsPerFte })
}
