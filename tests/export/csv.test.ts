import { describe, expect, it } from 'vitest'
import {
  csvField,
  curvesTable,
  exportResults,
  monteCarloSamplesTable,
  tableToCsv,
  type Table,
} from '../../export/index'
import { CATEGORIES, PLATFORMS, computeCurves, createDefaultPlan, monteCarlo } from '../../models/index'
import { parseCsv } from '../support/csv'

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    [1234.5, '1234.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [true, 'true'],
    [null, ''],
  ] as const)('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })
})

describe('tableToCsv', () => {
  it('round-trips text with commas, quotes and line breaks, and numbers in full', () => {
    const table: Table = {
      name: 'T',
      columns: [{ header: 'name, with comma' }, { header: 'value (USD/yr)' }, { header: 'flag' }],
      rows: [
        ['Baseline "A"', 1_234_567.891, true],
        ['two\nlines', -0.000123, false],
        ['', 1e21, null],
      ],
    }
    const parsed = parseCsv(tableToCsv(table))
    expect(parsed[0]).toEqual(['name, with comma', 'value (USD/yr)', 'flag'])
    expect(parsed.slice(1)).toEqual([
      ['Baseline "A"', '1234567.891', 'true'],
      ['two\nlines', '-0.000123', 'false'],
      ['', '1e+21', ''],
    ])
    expect(Number(parsed[1]?.[1])).toBe(1_234_567.891)
  })
})

describe('curves CSV', () => {
  it('has units in the header and the model’s numbers, exactly, in every cell', () => {
    const plan = createDefaultPlan()
    const model = computeCurves(plan, { metric: 'annual' })
    const { curves } = exportResults(plan)
    const parsed = parseCsv(tableToCsv(curvesTable(curves)))
    const header = parsed[0] as string[]
    expect(header[0]).toBe('vms')
    expect(header).toContain('vmware.total (USD/yr)')
    expect(header).toContain('openstack.maintenance (USD/yr)')
    expect(header).toHaveLength(1 + 2 * (1 + CATEGORIES.length))
    expect(parsed).toHaveLength(model.vms.length + 1)
    model.vms.forEach((vms, i) => {
      const row = parsed[i + 1] as string[]
      expect(Number(row[0])).toBe(vms)
      for (const p of PLATFORMS) {
        for (const s of ['total', ...CATEGORIES] as const) {
          const column = header.indexOf(`${p}.${s} (USD/yr)`)
          expect(Number(row[column])).toBe(model.platforms[p][s][i])
        }
      }
    })
  })

  it('names the metric’s unit', () => {
    const plan = createDefaultPlan()
    const npv = computeCurves(plan, { metric: 'npv', points: 3 })
    const perVm = computeCurves(plan, { metric: 'perVmMonth', points: 3 })
    expect(curvesTable(npv).columns[1]?.header).toBe('vmware.total (USD NPV)')
    expect(curvesTable(perVm).columns[1]?.header).toBe('vmware.total (USD/VM-month)')
  })
})

describe('Monte Carlo samples CSV', () => {
  it('round-trips every sampled value and gap', () => {
    const m = monteCarlo(createDefaultPlan(), { samples: 40, seed: 7 })
    const parsed = parseCsv(tableToCsv(monteCarloSamplesTable(m)))
    const header = parsed[0] as string[]
    expect(header.slice(0, 2)).toEqual(['sample', 'seed'])
    expect(header.at(-1)).toBe(`gap at ${m.fleetVms} VMs (USD/yr)`)
    expect(parsed).toHaveLength(41)
    m.sampledKeys.forEach((key, k) => {
      expect(header[2 + k]?.startsWith(key)).toBe(true)
      for (let s = 0; s < m.samples; s++)
        expect(Number(parsed[s + 1]?.[2 + k])).toBe(m.sampleValues[key]?.[s])
    })
    for (let s = 0; s < m.samples; s++) {
      expect(Number(parsed[s + 1]?.[0])).toBe(s)
      expect(Number(parsed[s + 1]?.[1])).toBe(7)
      expect(Number(parsed[s + 1]?.at(-1))).toBe(m.gapAtFleet[s])
    }
  })
})
