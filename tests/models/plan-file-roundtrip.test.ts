import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../models/plan/plan'
import {
  CURRENT_FORMAT_VERSION,
  parsePlanFile,
  PlanFileWriteError,
  serializePlanFile,
} from '../../models/plan-file/plan-file'
import { arbPlan, normalizePlan } from '../support/arbitraries'

const arbMeta = fc.record({
  appVersion: fc.stringMatching(/^\d{1,2}\.\d{1,2}\.\d{1,2}(-[a-z]{1,6})?$/),
  savedAt: fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
})

describe('round trip', () => {
  it('parse(serialize(p)) deep-equals p for random valid plans (base values at their default are not stored)', () => {
    fc.assert(
      fc.property(arbPlan(), arbMeta, (plan, meta) => {
        const result = parsePlanFile(serializePlanFile(plan, meta))
        expect(result).toEqual({
          ok: true,
          value: {
            plan: normalizePlan(plan),
            formatVersion: CURRENT_FORMAT_VERSION,
            appVersion: meta.appVersion,
            savedAt: meta.savedAt.toISOString(),
            migratedFrom: null,
          },
        })
      }),
      { numRuns: 400 }
    )
  })

  it('serializing is stable: the same plan always gives the same text, whatever its key order', () => {
    fc.assert(
      fc.property(arbPlan(), arbMeta, (plan, meta) => {
        const text = serializePlanFile(plan, meta)
        const shuffled: Plan = {
          extensions: plan.extensions,
          ...(plan.monteCarlo
            ? { monteCarlo: { seed: plan.monteCarlo.seed, samples: plan.monteCarlo.samples } }
            : {}),
          scorecard: plan.scorecard,
          view: { ...plan.view },
          scenarios: plan.scenarios.map((s) => ({
            overrides: reversedKeys(s.overrides),
            name: s.name,
            id: s.id,
          })),
          ranges: reversedKeys(plan.ranges),
          assumptions: reversedKeys(plan.assumptions),
          notes: plan.notes,
          name: plan.name,
        }
        expect(serializePlanFile(shuffled, meta)).toBe(text)
        const reread = parsePlanFile(text)
        expect(reread.ok && serializePlanFile(reread.value.plan, meta)).toBe(text)
      }),
      { numRuns: 200 }
    )
  })
})

function reversedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).reverse())
}

type Poison = (plan: Plan, bad: number) => string

/** Ways to put a number anywhere a plan holds one; each returns the key the refusal must name. */
const POISONS: Poison[] = [
  (p, bad) => {
    p.assumptions['host.capexUsd'] = bad
    return 'host.capexUsd'
  },
  (p, bad) => {
    p.scenarios[p.scenarios.length - 1]!.overrides['power.pue'] = bad
    return 'power.pue'
  },
  (p, bad) => {
    p.ranges['storage.headroom'] = { kind: 'uniform', low: 0, high: bad }
    return 'ranges.storage.headroom.high'
  },
  (p, bad) => {
    p.ranges['storage.headroom'] = { kind: 'pert', low: 0, likely: bad, high: 1 }
    return 'ranges.storage.headroom.likely'
  },
  (p, bad) => {
    p.scorecard.useCases.weight = bad
    return 'scorecard.useCases.weight'
  },
  (p, bad) => {
    p.scorecard.valueWeight = bad
    return 'scorecard.valueWeight'
  },
  (p, bad) => {
    p.view.curveToVms = bad
    return 'view.curveToVms'
  },
  (p, bad) => {
    p.extensions.poisoned = { list: [0, { value: bad }] }
    return 'extensions.poisoned.list[1].value'
  },
]

describe('non-finite numbers are never written', () => {
  it('a NaN or ±Infinity anywhere in a random plan throws a PlanFileWriteError naming the field', () => {
    fc.assert(
      fc.property(
        arbPlan(),
        fc.nat({ max: POISONS.length - 1 }),
        fc.constantFrom(NaN, Infinity, -Infinity),
        (plan, which, bad) => {
          const key = POISONS[which]!(plan, bad)
          let thrown: unknown = null
          let text: string | null = null
          try {
            text = serializePlanFile(plan, { appVersion: '1.0.0', savedAt: new Date(0) })
          } catch (e) {
            thrown = e
          }
          expect(text).toBeNull()
          expect(thrown).toBeInstanceOf(PlanFileWriteError)
          expect((thrown as PlanFileWriteError).kind).toBe('invalidValue')
          expect((thrown as PlanFileWriteError).key).toBe(key)
        }
      ),
      { numRuns: 400 }
    )
  })

  it('whatever is put into a plan, serializing either throws PlanFileWriteError or writes a file that loads', () => {
    const anything = fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
    })
    const fields: ((p: Plan, v: unknown) => void)[] = [
      (p, v) => void ((p as unknown as Record<string, unknown>).name = v),
      (p, v) => void ((p as unknown as Record<string, unknown>).assumptions = v),
      (p, v) => void ((p.assumptions as Record<string, unknown>)['fleet.vms'] = v),
      (p, v) => void ((p as unknown as Record<string, unknown>).ranges = v),
      (p, v) => void ((p as unknown as Record<string, unknown>).scenarios = v),
      (p, v) => void ((p.scenarios[0] as unknown as Record<string, unknown>).overrides = v),
      (p, v) => void ((p as unknown as Record<string, unknown>).view = v),
      (p, v) => void ((p.view as unknown as Record<string, unknown>).activeScenarioId = v),
      (p, v) => void ((p as unknown as Record<string, unknown>).scorecard = v),
      (p, v) => void ((p.scorecard as unknown as Record<string, unknown>).design = v),
      (p, v) => void (p.extensions.any = v),
      (p, v) => void ((p as unknown as Record<string, unknown>).extensions = v),
    ]
    fc.assert(
      fc.property(arbPlan(), fc.nat({ max: fields.length - 1 }), anything, (plan, which, value) => {
        fields[which]!(plan, value)
        let text: string
        try {
          text = serializePlanFile(plan, { appVersion: '1.0.0', savedAt: new Date(0) })
        } catch (e) {
          expect(e).toBeInstanceOf(PlanFileWriteError)
          return
        }
        const result = parsePlanFile(text)
        expect(result.ok ? 'ok' : result.error.message).toBe('ok')
      }),
      { numRuns: 1500 }
    )
  })
})
