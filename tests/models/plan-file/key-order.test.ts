import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { inSchemaOrder } from '../../../models/plan-file/key-order'
import { serializePlanFile } from '../../../models/plan-file/plan-file'
import { createDefaultPlan, type Plan } from '../../../models/plan/plan'
import { createSchemaRules } from '../../../models/schema/rules'
import { FILE_WORDING } from '../../../models/schema/wording'

const { object, dictionary, number, text } = createSchemaRules(FILE_WORDING)

describe('inSchemaOrder', () => {
  const item = object({ z: number(), a: number() })
  const schema = v.pipe(
    object({
      second: v.optional(text({ maxChars: 9 })),
      first: v.array(item),
      sorted: dictionary('an object', { keyOrder: 'sorted', valueSchema: item }),
      asIs: v.nullish(dictionary('an object'), null),
    }),
    v.transform((x) => x)
  )

  it('orders object keys as the schema lists them, sorts sorted dictionaries and keeps the rest', () => {
    const value = {
      asIs: { b: { y: 1, x: 2 }, a: 1 },
      sorted: { b: { a: 1, z: 2 }, a: { a: 3, z: 4 } },
      first: [{ a: 1, z: 2 }],
      second: 'x',
    }
    const ordered = inSchemaOrder(schema, value)
    expect(JSON.stringify(ordered)).toBe(
      '{"second":"x","first":[{"z":2,"a":1}],"sorted":{"a":{"z":4,"a":3},"b":{"z":2,"a":1}},"asIs":{"b":{"y":1,"x":2},"a":1}}'
    )
  })

  it('leaves out keys that are undefined and keeps null', () => {
    expect(inSchemaOrder(schema, { first: [], sorted: {}, asIs: null, second: undefined })).toEqual({
      first: [],
      sorted: {},
      asIs: null,
    })
    expect(Object.keys(inSchemaOrder(schema, { asIs: null, first: [] }) as object)).toEqual(['first', 'asIs'])
  })
})

describe('the order a planning file writes a plan in', () => {
  it('follows the plan schema: the documented key order, whatever order the plan was built in', () => {
    const base = createDefaultPlan()
    const plan: Plan = {
      extensions: { z: 1, a: 2 },
      workloadMix: {
        estate: null,
        classes: [{ ftShare: null, petShare: 0.5, count: 3, diskGib: 1, ramGib: 2, vcpu: 1 }],
      },
      monteCarlo: { seed: 7, samples: 10 },
      scorecard: base.scorecard,
      view: { ...base.view },
      scenarios: [{ overrides: { 'fleet.vms': 200 }, name: 'B', id: 'baseline' }],
      ranges: { 'fleet.vms': { high: 300, low: 100, kind: 'uniform' } },
      assumptions: {},
      notes: 'n',
      name: 'p',
    }
    const doc = JSON.parse(serializePlanFile(plan, { appVersion: 't', savedAt: new Date(0) })) as {
      plan: Record<string, Record<string, unknown>>
    }
    // docs/FILE-FORMAT.md lists the plan's keys in this order.
    expect(Object.keys(doc.plan)).toEqual([
      'name',
      'notes',
      'assumptions',
      'ranges',
      'scenarios',
      'view',
      'scorecard',
      'monteCarlo',
      'workloadMix',
      'extensions',
    ])
    expect(Object.keys(doc.plan.view ?? {})).toEqual([
      'metric',
      'activeScenarioId',
      'fleetUnit',
      'curveFromVms',
      'curveToVms',
      'curvePoints',
    ])
    expect(Object.keys(doc.plan.ranges?.['fleet.vms'] as object)).toEqual(['kind', 'low', 'high'])
    expect(Object.keys((doc.plan.scenarios as unknown as object[])[0] as object)).toEqual([
      'id',
      'name',
      'overrides',
    ])
    expect(Object.keys(doc.plan.monteCarlo ?? {})).toEqual(['samples', 'seed'])
    const mix = doc.plan.workloadMix as { classes: object[] }
    expect(Object.keys(mix)).toEqual(['classes', 'estate'])
    expect(Object.keys(mix.classes[0] as object)).toEqual([
      'vcpu',
      'ramGib',
      'diskGib',
      'count',
      'petShare',
      'ftShare',
    ])
    // Extensions are written back as they came.
    expect(Object.keys(doc.plan.extensions ?? {})).toEqual(['z', 'a'])
  })
})
