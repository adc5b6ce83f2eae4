import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportResults, workbookTables, type ExportContent } from '../../export/index'
import { buildWorkbook } from '../../export/workbook'
import {
  CATALOG,
  CATEGORIES,
  PLATFORMS,
  createDefaultPlan,
  evaluatePlan,
  monteCarlo,
  sensitivity,
  type Plan,
} from '../../models/index'

/** A plan with a changed base value and a second scenario, so every sheet has something to show. */
function samplePlan(): Plan {
  const plan = createDefaultPlan()
  plan.name = '=HYPERLINK("http://x") budget, 2026'
  plan.assumptions['vmware.edition'] = 'vvf'
  plan.assumptions['power.pue'] = 1.6
  plan.scenarios.push({
    id: 'san',
    name: 'VVF + SAN',
    overrides: { 'vmware.storage': 'san', 'fleet.vms': 2000 },
  })
  return plan
}

function content(plan: Plan, withAnalysis: boolean): ExportContent {
  return {
    plan,
    ...exportResults(plan),
    sensitivity: withAnalysis ? sensitivity(plan) : null,
    monteCarlo: withAnalysis ? monteCarlo(plan, { samples: 60, seed: 3 }) : null,
    exportedAt: new Date('2026-03-01T10:00:00Z'),
    appVersion: '0.1.0',
  }
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

function headers(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell) => out.push(String(cell.value ?? '')))
  return out
}

function column(sheet: ExcelJS.Worksheet, header: string): number {
  const index = headers(sheet).indexOf(header)
  if (index < 0) throw new Error(`no column "${header}" in ${sheet.name}: ${headers(sheet).join(' | ')}`)
  return index + 1
}

describe('the workbook', () => {
  let plan: Plan
  let c: ExportContent
  let workbook: ExcelJS.Workbook
  const progress: [number, number][] = []

  beforeAll(async () => {
    plan = samplePlan()
    c = content(plan, true)
    const bytes = await buildWorkbook(workbookTables(c), {
      createdAt: c.exportedAt,
      onProgress: (done, total) => void progress.push([done, total]),
    })
    workbook = await readBack(bytes)
  })

  it('has the sheets in order, each with a frozen bold header row', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Assumptions',
      'Curves',
      'Breakdown',
      'Scenario totals',
      'Scenarios',
      'Sensitivity',
      'Monte Carlo bands',
      'Monte Carlo samples',
    ])
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
      const narrow: string[] = []
      for (let i = 1; i <= sheet.columnCount; i++)
        if (!((sheet.getColumn(i).width ?? 0) >= 6)) narrow.push(`${sheet.name} ${i}`)
      expect(narrow).toEqual([])
    }
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1])
  })

  it('Curves: units in the headers and the model’s numbers as numeric cells', () => {
    const sheet = workbook.getWorksheet('Curves')!
    const curves = c.curves
    expect(headers(sheet)[0]).toBe('vms')
    expect(sheet.rowCount).toBe(curves.vms.length + 1)
    curves.vms.forEach((vms, i) => {
      const row = sheet.getRow(i + 2)
      expect(row.getCell(1).type).toBe(ExcelJS.ValueType.Number)
      expect(row.getCell(1).value).toBe(vms)
      for (const p of PLATFORMS) {
        for (const s of ['total', ...CATEGORIES] as const) {
          const cell = row.getCell(column(sheet, `${p}.${s} (USD/yr)`))
          expect(cell.type).toBe(ExcelJS.ValueType.Number)
          // Money is stored rounded to cents: round(x × 100) ÷ 100.
          expect(cell.value).toBe(Math.round(curves.platforms[p][s][i]! * 100) / 100)
        }
      }
    })
    expect(sheet.getColumn(2).numFmt).toBe('#,##0')
  })

  it('Breakdown: one row per platform with the evaluation’s costs, nodes, cores and FTE', () => {
    const sheet = workbook.getWorksheet('Breakdown')!
    const e = evaluatePlan(plan)
    PLATFORMS.forEach((p, i) => {
      const row = sheet.getRow(i + 2)
      const r = e.platforms[p]
      expect(row.getCell(1).value).toBe(p)
      for (const cat of CATEGORIES)
        expect(row.getCell(column(sheet, `${cat} (USD/yr)`)).value).toBe(
          Math.round(r.annual[cat] * 100) / 100
        )
      expect(row.getCell(column(sheet, 'total (USD/yr)')).value).toBe(Math.round(r.annual.total * 100) / 100)
      expect(row.getCell(column(sheet, 'total nodes')).value).toBe(r.nodes.total)
      expect(row.getCell(column(sheet, 'licensed cores')).value).toBe(r.licensedCores)
      expect(row.getCell(column(sheet, 'engineers (FTE)')).value).toBe(r.fte)
      expect(row.getCell(column(sheet, 'engineers (FTE)')).type).toBe(ExcelJS.ValueType.Number)
    })
  })

  it('Assumptions: every catalog entry; numbers stay numbers; changed values are marked', () => {
    const sheet = workbook.getWorksheet('Assumptions')!
    expect(headers(sheet)).toEqual([
      'key',
      'label',
      'group',
      'value',
      'default',
      'differs from default',
      'unit',
      'allowed range',
      'flag',
      'source',
    ])
    expect(sheet.rowCount).toBe(CATALOG.length + 1)
    const rowOf = (key: string): ExcelJS.Row => {
      const index = CATALOG.findIndex((a) => a.key === key)
      return sheet.getRow(index + 2)
    }
    const pue = rowOf('power.pue')
    expect(pue.getCell(4).value).toBe(1.6)
    expect(pue.getCell(4).type).toBe(ExcelJS.ValueType.Number)
    expect(pue.getCell(6).value).toBe(true)
    expect(rowOf('vmware.edition').getCell(4).value).toBe('vvf')
    const vcpu = rowOf('workload.vcpuPerVm')
    expect(vcpu.getCell(6).value).toBe(false)
    expect(vcpu.getCell(9).value).toBe('E')
    expect(String(vcpu.getCell(10).value)).not.toBe('')
  })

  it('Scenarios: each difference from the base; totals per scenario', () => {
    const sheet = workbook.getWorksheet('Scenarios')!
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => [r.getCell(1).value, r.getCell(2).value])
    expect(rows).toEqual([
      ['VVF + SAN', 'vmware.storage'],
      ['VVF + SAN', 'fleet.vms'],
    ])
    const fleet = sheet.getRow(3)
    expect(fleet.getCell(5).value).toBe(1000)
    expect(fleet.getCell(6).value).toBe(2000)
    const totals = workbook.getWorksheet('Scenario totals')!
    const second = evaluatePlan(plan, { scenarioId: 'san' })
    expect(totals.getRow(3).getCell(2).value).toBe(2000)
    expect(totals.getRow(3).getCell(column(totals, 'vmware.total (USD/yr)')).value).toBe(
      Math.round(second.platforms.vmware.annual.total * 100) / 100
    )
  })

  it('Monte Carlo sheets hold every sample’s values as numbers', () => {
    const m = c.monteCarlo!
    const samples = workbook.getWorksheet('Monte Carlo samples')!
    expect(samples.rowCount).toBe(m.samples + 1)
    const key = m.sampledKeys[0]!
    const col = headers(samples).findIndex((h) => h.startsWith(key)) + 1
    for (let s = 0; s < m.samples; s++) {
      const cell = samples.getRow(s + 2).getCell(col)
      expect(cell.type).toBe(ExcelJS.ValueType.Number)
      expect(cell.value).toBe(m.sampleValues[key]![s])
    }
    const bands = workbook.getWorksheet('Monte Carlo bands')!
    expect(bands.getRow(2).getCell(column(bands, 'vmware.p50 (USD/yr)')).value).toBe(
      Math.round(m.platforms.vmware.p50[0]! * 100) / 100
    )
    expect(bands.getRow(2).getCell(column(bands, 'P(openstack cheaper)')).numFmt).toBe('0.0%')
  })

  it('keeps a formula-like plan name as text', () => {
    const cell = workbook.getWorksheet('Summary')!.getRow(2).getCell(2)
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    expect(cell.value).toBe(plan.name)
  })

  it('leaves the analysis sheets out when no analysis was run', async () => {
    const plain = await readBack(
      await buildWorkbook(workbookTables(content(createDefaultPlan(), false)), { createdAt: new Date() })
    )
    expect(plain.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Assumptions',
      'Curves',
      'Breakdown',
      'Scenario totals',
      'Scenarios',
    ])
  })

  it('rounds money to cents and leaves other numbers as they are', async () => {
    const table = {
      name: 'Money',
      columns: [
        { header: 'cost (USD/yr)', format: 'money' as const },
        { header: 'per VM-month (USD)', format: 'moneyCents' as const },
        { header: 'hosts', format: 'decimal' as const },
      ],
      rows: [
        [1234.5678, 87.654321, 20.125],
        [-0.005001, 0.004999, 1 / 3],
      ],
    }
    const bytes = await buildWorkbook([table], { createdAt: new Date(0) })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('Money')!
    // 1234.5678 → 1234.57; 87.654321 → 87.65; −0.005001 → −0.01; 0.004999 → 0.00; hosts untouched.
    expect([1, 2, 3].map((c) => sheet.getRow(2).getCell(c).value)).toEqual([1234.57, 87.65, 20.125])
    expect([1, 2, 3].map((c) => sheet.getRow(3).getCell(c).value)).toEqual([-0.01, 0, 1 / 3])
  })
})
