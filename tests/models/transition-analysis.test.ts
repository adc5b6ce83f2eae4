import { describe, expect, it } from 'vitest'
import {
  breakEven,
  createDefaultPlan,
  combineTransitionBatches,
  monteCarloTransition,
  monteCarloTransitionBatch,
  planTransition,
  sensitivity,
  type Plan,
} from '../../models/index'

/** The default plan at 5,000 VMs moving 200 VMs a month: it pays back inside 5 years (month index 57). */
function payingPlan(): Plan {
  const plan = createDefaultPlan()
  return { ...plan, assumptions: { ...plan.assumptions, 'fleet.vms': 5000, 'transition.vmsPerMonth': 200 } }
}

describe('analyses that target the move', () => {
  const plan = payingPlan()
  const base = planTransition(plan)

  it('sensitivity measures the move’s NPV gain and its payback month', () => {
    const npv = sensitivity(plan, { target: 'moveNpvGain' })
    expect(npv.target).toBe('moveNpvGain')
    expect(npv.gap).toBeCloseTo(base.npv.stay - base.npv.move, 6)
    const hours = npv.rows.find((r) => r.key === 'transition.hoursPerVm')
    if (!hours) throw new Error('transition.hoursPerVm has no row')
    const atHigh = planTransition(plan, { overrides: { 'transition.hoursPerVm': hours.high } })
    expect(hours.gapHigh).toBeCloseTo(atHigh.npv.stay - atHigh.npv.move, 6)
    // More effort per VM makes the move's gain smaller.
    expect(hours.gapHigh).toBeLessThan(hours.gapLow)
    // The discount rate acts only on NPV: no swing on the annual gap, a swing on the move's NPV gain.
    const rate = (s: typeof npv) => s.rows.find((r) => r.key === 'finance.discountRate')
    expect(Math.abs(rate(npv)!.gapHigh - rate(npv)!.gapLow)).toBeGreaterThan(0)
    const annual = sensitivity(plan)
    expect(annual.target).toBe('annualGap')
    expect(rate(annual)!.gapHigh).toBe(rate(annual)!.gapLow)

    const payback = sensitivity(plan, { target: 'paybackMonth' })
    expect(payback.gap).toBe(base.paybackMonth)
    const velocity = payback.rows.find((r) => r.key === 'transition.vmsPerMonth')!
    // 200 ± 20 %: 160 a month pays back later (or never: counted as 60), 240 sooner.
    expect(velocity.gapLow).toBeGreaterThan(payback.gap)
    expect(velocity.gapHigh).toBeLessThan(payback.gap)
  })

  it('break-even finds the velocity at which the move starts paying back inside the horizon', () => {
    const r = breakEven(plan, 'transition.vmsPerMonth', { target: 'paybackMonth' })
    expect(r.target).toBe('paybackMonth')
    expect(r.cheaperAtCurrent).toBe('openstack')
    const v = r.value as number
    expect(v).toBeLessThan(200)
    // Whole VMs: at v the move no longer pays back, one VM a month faster it does.
    expect(planTransition(plan, { overrides: { 'transition.vmsPerMonth': v } }).paybackMonth).toBeNull()
    expect(
      planTransition(plan, { overrides: { 'transition.vmsPerMonth': v + 1 } }).paybackMonth
    ).not.toBeNull()
  })

  it('break-even names what holds when nothing breaks even', () => {
    const r = breakEven(plan, 'transition.toolingUsdPerVm', { target: 'moveNpvGain', gridPoints: 20 })
    expect(r.value === null || r.value > 0).toBe(true)
    const none = breakEven(createDefaultPlan(), 'power.pue', { target: 'paybackMonth', gridPoints: 10 })
    expect(none.value).toBeNull()
    expect(none.reason).toMatch(/moving never pays back inside the horizon/)
  })

  it('Monte Carlo of the move is seeded, ordered and agrees with its probabilities', () => {
    const a = monteCarloTransition(plan, { samples: 40, seed: 7 })
    const b = monteCarloTransition(plan, { samples: 40, seed: 7 })
    expect(b).toEqual(a)
    expect(a.sampledKeys).toContain('transition.vmsPerMonth')
    expect(a.npvGain.p10).toBeLessThanOrEqual(a.npvGain.p50)
    expect(a.npvGain.p50).toBeLessThanOrEqual(a.npvGain.p90)
    expect(a.probabilityPaysBack).toBeGreaterThanOrEqual(0)
    expect(a.probabilityPaysBack).toBeLessThanOrEqual(1)
    // Of 40 sorted paybacks ("never" last) the median is between the 20th and 21st: it is a month exactly
    // when at least 21 samples pay back, i.e. more than half.
    expect(a.paybackMonth.p50 !== null).toBe(a.probabilityPaysBack > 0.5)
  })

  it('Monte Carlo of the move gives the same result for any split into blocks, combined in any order', () => {
    const whole = monteCarloTransition(plan, { samples: 30, seed: 11 })
    // 30 samples as blocks of 7 + 7 + 16, handed over out of order: sample s draws from stream (11, s).
    const blocks = [
      monteCarloTransitionBatch(plan, { seed: 11, firstSample: 14, samples: 16 }),
      monteCarloTransitionBatch(plan, { seed: 11, firstSample: 0, samples: 7 }),
      monteCarloTransitionBatch(plan, { seed: 11, firstSample: 7, samples: 7 }),
    ]
    expect(combineTransitionBatches(blocks)).toEqual(whole)
  })

  it('refuses blocks that leave a gap or mix seeds', () => {
    const a = monteCarloTransitionBatch(plan, { seed: 3, firstSample: 0, samples: 4 })
    const gap = monteCarloTransitionBatch(plan, { seed: 3, firstSample: 5, samples: 4 })
    const otherSeed = monteCarloTransitionBatch(plan, { seed: 4, firstSample: 4, samples: 4 })
    expect(() => combineTransitionBatches([a, gap])).toThrow(/sample 5 does not continue the run at sample 4/)
    expect(() => combineTransitionBatches([a, otherSeed])).toThrow(/does not continue/)
    expect(() => combineTransitionBatches([])).toThrow(/at least one block/)
  })
})
