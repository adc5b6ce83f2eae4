import { describe, expect, it } from 'vitest'
import {
  analysisBase,
  baseValues,
  catalogDefaults,
  createDefaultPlan,
  resolveScenario,
  scenarioDifferences,
  scenarioLayers,
  scenarioOf,
  scenarioValues,
  withAddedScenario,
  withValue,
  type Plan,
} from '../../models/index'

/**
 * A plan with base host.capexUsd 20,000 and two scenarios besides the base: "Cheap" sets it to 15,000 and
 * host.ramGib to 768 (the default is 1,024); "Same" sets host.capexUsd to the base's own 20,000 (no difference).
 */
function plan(): Plan {
  let p = withValue(createDefaultPlan(), 'baseline', 'host.capexUsd', 20_000)
  const cheap = withAddedScenario(p, 'Cheap')
  p = withValue(cheap.plan, cheap.id, 'host.capexUsd', 15_000)
  p = withValue(p, cheap.id, 'host.ramGib', 768)
  const same = withAddedScenario(p, 'Same')
  p = same.plan
  p.scenarios[2]!.overrides['host.capexUsd'] = 20_000 // as a file may carry it
  return p
}

describe('scenario resolution', () => {
  const p = plan()
  const cheapId = p.scenarios[1]!.id
  const defaults = catalogDefaults()

  it('layers catalog defaults, then the base, then the overrides, then extra values', () => {
    const v = scenarioValues(p, cheapId, { 'host.ramGib': 512 })
    expect(v['host.capexUsd']).toBe(15_000) // the override beats the base's 20,000
    expect(v['host.ramGib']).toBe(512) // the extra value beats the override's 768
    expect(v['host.sockets']).toBe(defaults['host.sockets']) // nobody sets it: the catalog default
    expect(Object.keys(v).sort()).toEqual(Object.keys(defaults).sort())
  })

  it('finds a scenario by id or name and falls back to the first one when none is named', () => {
    expect(scenarioValues(p, 'cheap')['host.capexUsd']).toBe(15_000)
    expect(scenarioValues(p, undefined)['host.capexUsd']).toBe(20_000)
    expect(scenarioOf(p, undefined)).toBe(p.scenarios[0])
    // An unknown scenario adds no overrides here; the evaluation refuses it by name.
    expect(scenarioValues(p, 'nope')['host.capexUsd']).toBe(20_000)
    expect(() => resolveScenario(p, 'nope')).toThrow(/no scenario "nope" in this plan/)
  })

  it('gives the analyses the same values as the window', () => {
    const extra = { 'host.sockets': 4 }
    expect(analysisBase(p, { scenarioId: cheapId, overrides: extra }).values).toEqual(
      scenarioValues(p, cheapId, extra)
    )
    expect(scenarioLayers(p, p.scenarios[1], extra)).toEqual([
      p.assumptions,
      p.scenarios[1]!.overrides,
      extra,
    ])
  })

  it('keeps the base values apart from any scenario', () => {
    expect(baseValues(p)['host.capexUsd']).toBe(20_000)
    expect(baseValues(p)['host.ramGib']).toBe(defaults['host.ramGib'])
  })

  it('lists each scenario’s real differences once, for one scenario or every one in order', () => {
    const cheap = [
      { scenarioId: cheapId, scenarioName: 'Cheap', key: 'host.capexUsd', base: 20_000, value: 15_000 },
      {
        scenarioId: cheapId,
        scenarioName: 'Cheap',
        key: 'host.ramGib',
        base: defaults['host.ramGib'],
        value: 768,
      },
    ]
    expect(scenarioDifferences(p, cheapId)).toEqual(cheap)
    expect(scenarioDifferences(p)).toEqual(cheap) // "Same" repeats the base: no difference
    expect(scenarioDifferences(p, 'baseline')).toEqual([])
  })
})
