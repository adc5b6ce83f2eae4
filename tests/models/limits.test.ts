import { describe, expect, it } from 'vitest'
import {
  createDefaultPlan,
  CURVE_LIMITS,
  findAssumption,
  FLEET_VMS_LIMITS,
  IPC_LIMITS,
  MAX_MONTE_CARLO_SAMPLES,
  MAX_PLAN_FILE_BYTES,
  monteCarloBatch,
  parsePlanFile,
  PLAN_FILE_LIMITS,
  SAMPLE_LIMITS,
  serializePlanFile,
} from '../../models/index'

/** The default plan's file with `monteCarlo` replaced. */
function fileWithMonteCarlo(monteCarlo: unknown): string {
  const text = serializePlanFile(createDefaultPlan(), { appVersion: 'test', savedAt: new Date(0) })
  const doc = JSON.parse(text) as { plan: Record<string, unknown> }
  doc.plan.monteCarlo = monteCarlo
  return JSON.stringify(doc)
}

describe('one set of limits', () => {
  it('the catalog, the curve bounds and the limits module agree on the fleet size', () => {
    const fleet = findAssumption('fleet.vms')
    expect(fleet?.kind === 'number' ? [fleet.min, fleet.max] : null).toEqual([1, 1_000_000])
    expect([FLEET_VMS_LIMITS.min, FLEET_VMS_LIMITS.max]).toEqual([1, 1_000_000])
    expect([CURVE_LIMITS.minVms, CURVE_LIMITS.maxVms]).toEqual([1, 1_000_000])
  })

  it('the planning file and the model refuse one sample more than the limit, and take the limit', () => {
    expect(SAMPLE_LIMITS).toEqual({ min: 1, max: 100_000 })
    const over = parsePlanFile(fileWithMonteCarlo({ samples: MAX_MONTE_CARLO_SAMPLES + 1, seed: 1 }))
    expect(over.ok ? null : over.error.key).toBe('monteCarlo.samples')
    expect(parsePlanFile(fileWithMonteCarlo({ samples: MAX_MONTE_CARLO_SAMPLES, seed: 1 })).ok).toBe(true)
    // The model used to accept up to 10,000,000 samples; it now refuses before drawing any.
    expect(() => monteCarloBatch(createDefaultPlan(), { samples: MAX_MONTE_CARLO_SAMPLES + 1 })).toThrow(
      /samples 100001 is out of range \(allowed: 1 to 100,000, whole numbers\)/
    )
  })

  it('the IPC text limit is the planning file byte cap: 10 MiB = 10,485,760', () => {
    expect(MAX_PLAN_FILE_BYTES).toBe(10_485_760)
    expect(PLAN_FILE_LIMITS.maxBytes).toBe(MAX_PLAN_FILE_BYTES)
    expect(IPC_LIMITS.maxPlanTextChars).toBe(MAX_PLAN_FILE_BYTES)
  })
})
