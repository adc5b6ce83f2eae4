import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  computeCurves,
  createDefaultPlan,
  evaluatePlan,
  serializePlanFile,
  type Plan,
} from '../../models/index'
import { parseCsv } from '../support/csv'

const run = promisify(execFile)
const root = join(import.meta.dirname, '../..')
const bin = join(root, 'cli/bin/stackplan.mjs')

/** Runs the real `stackplan` bin as a child process. */
async function stackplan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  return workbook
}

let dir: string
let planPath: string
const plan: Plan = (() => {
  const p = createDefaultPlan()
  p.name = 'Budget 2026'
  p.scenarios.push({ id: 'vvf', name: 'VVF', overrides: { 'vmware.edition': 'vvf' } })
  return p
})()

// cli/dist is built once for the whole run by tests/support/build-cli.global.ts.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stackplan-export-'))
  planPath = join(dir, 'budget.stackplan')
  await writeFile(planPath, serializePlanFile(plan, { appVersion: '0.1.0', savedAt: new Date() }))
})

describe('stackplan export --xlsx', () => {
  it('writes the workbook with the model’s numbers for the chosen scenario and --set values', async () => {
    const out = join(dir, 'budget.xlsx')
    const { code, stdout, stderr } = await stackplan(
      'export',
      planPath,
      '--xlsx',
      out,
      '--scenario',
      'vvf',
      '--set',
      'fleet.vms=2500'
    )
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toContain(out)
    const workbook = await readWorkbook(out)
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Assumptions',
      'Curves',
      'Breakdown',
      'Scenario totals',
      'Scenarios',
    ])
    const model = evaluatePlan(plan, { scenarioId: 'vvf', overrides: { 'fleet.vms': 2500 } })
    const breakdown = workbook.getWorksheet('Breakdown')!
    expect(breakdown.getRow(2).getCell(2).value).toBe(2500)
    // Money cells are rounded to cents: the model's total, ×100, rounded, ÷100.
    expect(breakdown.getRow(2).getCell(11).value).toBe(
      Math.round(model.platforms.vmware.annual.total * 100) / 100
    )
    expect(breakdown.getRow(2).getCell(11).type).toBe(ExcelJS.ValueType.Number)
    const summary = workbook.getWorksheet('Summary')!
    expect(summary.getRow(2).getCell(2).value).toBe('Budget 2026')
    expect(summary.getRow(3).getCell(2).value).toBe('VVF')
    const scenarios = workbook.getWorksheet('Scenarios')!
    expect(scenarios.getRow(2).getCell(2).value).toBe('vmware.edition')
    expect(readdirNames(await readdir(dir))).toEqual(['budget.stackplan', 'budget.xlsx'])
  })
})

function readdirNames(names: string[]): string[] {
  return [...names].sort()
}

describe('stackplan export --csv', () => {
  it('writes the curves CSV, the same as `stackplan curves --csv`, with the model’s numbers', async () => {
    const out = join(dir, 'curves.csv')
    const { code } = await stackplan('export', '--csv', out)
    expect(code).toBe(0)
    const text = await readFile(out, 'utf8')
    expect(text.endsWith('\n')).toBe(true)
    const curves = await stackplan('curves', '--csv')
    expect(text.trimEnd()).toBe(curves.stdout.trimEnd())
    const rows = parseCsv(text.trimEnd())
    const model = computeCurves(createDefaultPlan(), { metric: 'annual' })
    expect(rows[0]?.[1]).toBe('vmware.total (USD/yr)')
    expect(rows.slice(1).map((r) => Number(r[1]))).toEqual(model.platforms.vmware.total)
  })
})

describe('stackplan export: errors', () => {
  it.each([
    [['export'], 'choose exactly one of --xlsx FILE and --csv FILE'],
    [['export', '--xlsx', 'a.xlsx', '--csv', 'a.csv'], 'choose exactly one of --xlsx FILE and --csv FILE'],
    [['export', '--csv', ''], '--csv needs a file name'],
    [['export', '--csv', 'x.csv', '--scenario', 'nope'], 'no scenario "nope"'],
    [['export', '--csv', 'x.csv', '--set', 'power.pue=9'], 'power.pue = 9 is out of range'],
    [['export', '--pdf', 'x.pdf'], "Unknown option '--pdf'"],
  ])('%j exits 2 with one line', async (args, message) => {
    const { code, stdout, stderr } = await stackplan(...args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).toContain(message)
  })

  it('exits 3 naming the path when the folder is missing, and writes nothing', async () => {
    const target = join(dir, 'missing', 'out.xlsx')
    const { code, stderr } = await stackplan('export', '--xlsx', target)
    expect(code).toBe(3)
    expect(stderr.trimEnd()).toBe(
      `stackplan export: cannot write ${target}: the folder or file does not exist`
    )
    const { code: csvCode } = await stackplan('export', '--csv', join(dir, 'missing', 'out.csv'))
    expect(csvCode).toBe(3)
    expect(readdirNames(await readdir(dir))).not.toContain('missing')
  })

  it('exits 3 when a part of the path is a file, leaving no temporary file behind', async () => {
    const target = join(dir, 'budget.stackplan', 'out.csv')
    const { code, stderr } = await stackplan('export', '--csv', target)
    expect(code).toBe(3)
    expect(stderr).toContain(`cannot write ${target}: a part of the path is not a folder`)
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('keeps the old file whole when the export fails validation', async () => {
    const out = join(dir, 'keep.csv')
    await writeFile(out, 'old contents\n')
    const { code } = await stackplan('export', '--csv', out, '--set', 'fleet.vms=0')
    expect(code).toBe(2)
    expect(await readFile(out, 'utf8')).toBe('old contents\n')
  })

  it('exits 3 for an unreadable planning file', async () => {
    const { code, stderr } = await stackplan(
      'export',
      join(dir, 'nope.stackplan'),
      '--csv',
      join(dir, 'n.csv')
    )
    expect(code).toBe(3)
    expect(stderr).toContain('no such file')
  })
})
