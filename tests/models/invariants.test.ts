import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CATALOG,
  CATEGORIES,
  computeCurves,
  createDefaultPlan,
  evaluateInputs,
  evaluatePlatform,
  PLATFORMS,
  toModelInputs,
  type CategoryCosts,
  type Plan,
} from '../../models/index'
import { arbValues } from '../support/arb-values'

const RUNS = 150

/** Every number reachable in a value, with its path. */
function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`))
  return []
}

function expectSumsToTotal(costs: CategoryCosts): void {
  const sum = CATEGORIES.reduce((s, c) => s + costs[c], 0)
  expect(Math.abs(costs.total - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(costs.total)))
}

const fleet = fc.integer({ min: 1, max: 200_000 })

describe('model invariants (random valid assumption sets)', () => {
  it('every output is finite and ≥ 0', () => {
    fc.assert(
      fc.property(arbValues(), fleet, (values, vms) => {
        const e = evaluateInputs(toModelInputs(values), vms, 'x')
        for (const p of PLATFORMS) {
          for (const [path, n] of numbersIn(e.platforms[p])) {
            expect(Number.isFinite(n), `${p}${path} = ${n}`).toBe(true)
            expect(n, `${p}${path}`).toBeGreaterThanOrEqual(0)
          }
        }
      }),
      { numRuns: RUNS }
    )
  })

  it('each total is the sum of its categories', () => {
    fc.assert(
      fc.property(arbValues(), fleet, (values, vms) => {
        const e = evaluateInputs(toModelInputs(values), vms, 'x')
        for (const p of PLATFORMS) {
          const r = e.platforms[p]
          expectSumsToTotal(r.annual)
          expectSumsToTotal(r.horizon.npvByCategory)
          r.horizon.cashFlows.forEach(expectSumsToTotal)
          const horizonSum = r.horizon.cashFlows.reduce((s, f) => s + f.total, 0)
          expect(r.horizon.total).toBeCloseTo(horizonSum, 6)
          expect(r.nodes.total).toBe(
            r.nodes.compute + r.nodes.haReserve + r.nodes.management + r.nodes.storage
          )
          expect(r.perVmMonth).toBeCloseTo(r.annual.total / vms / 12, 9)
        }
      }),
      { numRuns: RUNS }
    )
  })

  it('cost never falls when the fleet grows by whole hosts', () => {
    fc.assert(
      fc.property(
        arbValues(),
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 1, max: 20 }),
        (values, vms, hosts) => {
          const inp = toModelInputs(values)
          for (const p of PLATFORMS) {
            const small = evaluatePlatform(inp, p, vms, { wantWeek: false })
            // VMs a host holds at the binding limit, times the added hosts, at least one more VM
            const perHost =
              small.capacity.placedVms /
              Math.max(
                1e-9,
                small.capacity.hostsByRam,
                small.capacity.hostsByVcpu,
                small.capacity.hostsByBusyCores,
                small.capacity.hostsByFt
              )
            const bigger = Math.min(1_000_000, vms + Math.max(1, Math.ceil(perHost * hosts)))
            const big = evaluatePlatform(inp, p, bigger, { wantWeek: false })
            expect(big.annual.total, `${p} annual ${vms} → ${bigger}`).toBeGreaterThanOrEqual(
              small.annual.total * (1 - 1e-12)
            )
            expect(big.horizon.npv, `${p} npv ${vms} → ${bigger}`).toBeGreaterThanOrEqual(
              small.horizon.npv * (1 - 1e-12)
            )
          }
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('scaling every price by k scales every cost by k', () => {
    const priceKeys = CATALOG.filter(
      (a) => a.kind === 'number' && /usd|Usd/.test(a.key) && a.key !== 'finance.usdToCurrency'
    ).map((a) => a.key)
    const close = (actual: number, expected: number) =>
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)))
    fc.assert(
      fc.property(
        arbValues({ exclude: priceKeys }),
        fleet,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (values, vms, k) => {
          const base = toModelInputs(values)
          // Prices at their defaults (excluded from the random set), all scaled by k
          const scaled: Record<string, number> = {}
          for (const key of priceKeys) {
            const a = CATALOG.find((c) => c.key === key)
            if (a?.kind === 'number') scaled[key] = a.default * k
          }
          // Only keep k where no price hits its ceiling, so the scaling is exact.
          fc.pre(
            priceKeys.every((key) => {
              const a = CATALOG.find((c) => c.key === key)
              return a?.kind === 'number' && a.default * k <= a.max
            })
          )
          const scaledInputs = toModelInputs(values, scaled)
          for (const p of PLATFORMS) {
            const a = evaluatePlatform(base, p, vms, { wantWeek: false })
            const b = evaluatePlatform(scaledInputs, p, vms, { wantWeek: false })
            for (const c of [...CATEGORIES, 'total'] as const) close(b.annual[c], a.annual[c] * k)
            close(b.horizon.npv, a.horizon.npv * k)
            close(b.perVmMonth, a.perVmMonth * k)
          }
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('power management never raises energy and saves nothing where off or unavailable', () => {
    fc.assert(
      fc.property(arbValues(), fleet, (values, vms) => {
        const e = evaluateInputs(toModelInputs(values), vms, 'x')
        for (const p of PLATFORMS) {
          const energy = e.platforms[p].energy
          expect(energy.kwhPerYear).toBeLessThanOrEqual(energy.kwhPerYearWithoutPowerManagement * (1 + 1e-12))
          if (energy.powerManagement !== 'on') {
            expect(energy.kwhPerYear).toBe(energy.kwhPerYearWithoutPowerManagement)
            expect(energy.costSavedPerYear).toBe(0)
          }
        }
      }),
      { numRuns: RUNS }
    )
  })

  it('crossovers are real changes of the cheaper platform, located to within 1 VM', () => {
    // A run may draw values with no crossover; count the ones checked so the property cannot pass empty.
    let crossoversChecked = 0
    fc.assert(
      fc.property(arbValues({ exclude: ['workload.profile'] }), (values) => {
        const plan: Plan = { ...createDefaultPlan(), assumptions: values }
        const curves = computeCurves(plan, { points: 25 })
        const inputs = toModelInputs(values)
        const cheaper = (vms: number) => evaluateInputs(inputs, vms, 'x', { wantWeek: false }).cheaper
        for (const x of curves.crossovers) {
          expect(x.cheaperBelow).not.toBe(x.cheaperAbove)
          expect(cheaper(x.vms)).toBe(x.cheaperAbove)
          expect(cheaper(x.vms - 1)).toBe(x.cheaperBelow)
          crossoversChecked++
        }
      }),
      // The default plan (empty values) crosses at least once, so every run checks one crossover or more.
      { numRuns: 40, examples: [[{}]] }
    )
    expect(crossoversChecked).toBeGreaterThan(0)
  })
})
