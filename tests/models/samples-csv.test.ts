import { describe, expect, it } from 'vitest'
import {
  createDefaultPlan,
  monteCarlo,
  samplesCsv,
  samplesCsvHeaders,
  type SamplesForCsv,
} from '../../models/index'
import { parseCsv } from '../support/csv'

/** A hand-made run of three samples over two sampled keys (units from the catalog: USD and W). */
const run: SamplesForCsv = {
  samples: 3,
  seed: 42,
  fleetVms: 1500,
  currency: 'EUR',
  sampledKeys: ['host.capexUsd', 'host.idleWatts'],
  sampleValues: {
    'host.capexUsd': Float64Array.from([18000, 21000.5, 19999.25]),
    'host.idleWatts': Float64Array.from([150, 180, 165]),
  },
  gapAtFleet: Float64Array.from([-1234.5, 0, 98765.4321]),
}

describe('samples CSV', () => {
  it('writes headers with units and every number in full, one line per sample', () => {
    expect(samplesCsv(run)).toBe(
      [
        'sample,seed,host.capexUsd (USD),host.idleWatts (W),gap at 1500 VMs (EUR/yr)',
        '0,42,18000,150,-1234.5',
        '1,42,21000.5,180,0',
        '2,42,19999.25,165,98765.4321',
        '',
      ].join('\n')
    )
  })

  it('quotes a header holding a comma and keeps a key without a catalog unit bare', () => {
    const odd = { ...run, sampledKeys: ['not.in.catalog'], currency: 'A,B' }
    expect(samplesCsvHeaders(odd)).toEqual(['sample', 'seed', 'not.in.catalog', 'gap at 1500 VMs (A,B/yr)'])
    expect(samplesCsv({ ...odd, samples: 0 })).toBe('sample,seed,not.in.catalog,"gap at 1500 VMs (A,B/yr)"\n')
  })

  it('round-trips a real run: every sampled value and gap parses back to the same number', () => {
    const m = monteCarlo(createDefaultPlan(), { samples: 30, seed: 5 })
    const [header, ...rows] = parseCsv(samplesCsv(m))
    expect(header).toHaveLength(m.sampledKeys.length + 3)
    expect(rows).toHaveLength(30)
    rows.forEach((row, s) => {
      expect(Number(row[0])).toBe(s)
      expect(Number(row[1])).toBe(5)
      m.sampledKeys.forEach((key, k) => expect(Number(row[2 + k])).toBe(m.sampleValues[key]?.[s]))
      expect(Number(row.at(-1))).toBe(m.gapAtFleet[s])
    })
  })
})
