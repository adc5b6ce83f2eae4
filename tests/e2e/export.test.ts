import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CATEGORIES, PLATFORMS, computeCurves, createDefaultPlan, evaluatePlan } from '../../models/index'
import { parseCsv } from '../support/csv'
import {
  type BrowserSession,
  canvasInkPixels,
  freshDocument,
  isE2eSkipped,
  openPlanner,
  SCREENSHOT_DIR,
} from '../support/browser'

const run = promisify(execFile)
const PDFTOPPM = '/usr/bin/pdftoppm'
const MISSING_POPPLER =
  'pdftoppm not found: install Debian poppler-utils (`apt-get install poppler-utils`; .ci/run does it)'

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** Pixels of a PNG that are not (near) white, counted by decoding it in the page. */
function inkedPixels(page: Page, png: Buffer): Promise<number> {
  const url = `data:image/png;base64,${png.toString('base64')}`
  return page.evaluate(`(async () => {
    const img = new Image()
    img.src = ${JSON.stringify(url)}
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const ctx = canvas.getContext('2d')
    ctx.drawImage(img, 0, 0)
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    let ink = 0
    for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++
    return ink
  })()`) as Promise<number>
}

/** Clicks an item of the toolbar's Export menu. */
async function exportMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId('export').click()
  await page.getByTestId(item).click()
}

/** Runs an export that ends in a download and returns the file's bytes and suggested name. */
async function download(s: BrowserSession, item: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([s.page.waitForEvent('download'), exportMenu(s.page, item)])
  const path = join(s.downloadsDir, file.suggestedFilename())
  await file.saveAs(path)
  return { name: file.suggestedFilename(), bytes: await readFile(path) }
}

/** The CSS size of the first canvas inside `selector`, as Chart.js laid it out. */
async function canvasCssSize(page: Page, selector: string): Promise<{ width: number; height: number }> {
  return (await page.evaluate(`(() => {
    const canvas = document.querySelector(${JSON.stringify(selector)} + ' canvas')
    return { width: parseFloat(canvas.style.width), height: parseFloat(canvas.style.height) }
  })()`)) as { width: number; height: number }
}

describe.skipIf(isE2eSkipped)('exports in Chromium', () => {
  let s: BrowserSession
  let work: string

  beforeAll(async () => {
    if (!existsSync(PDFTOPPM)) throw new Error(MISSING_POPPLER)
    s = await openPlanner({ width: 1440, height: 900 })
    work = await mkdtemp(join(tmpdir(), 'stackplan-report-'))
    await mkdir(SCREENSHOT_DIR, { recursive: true })
  })
  afterAll(async () => {
    await s?.close()
    if (work) await rm(work, { recursive: true, force: true })
  })
  // A fresh document for every case: no settings, no recovery snapshot left over.
  beforeEach(() => freshDocument(s))

  it.each(['A4', 'Letter'] as const)(
    'prints the report to a %s PDF of several readable pages',
    async (paper) => {
      const { page } = s
      await exportMenu(page, 'export-report')
      await page.getByTestId('report').waitFor()
      await page.getByTestId('report-paper').selectOption(paper)
      expect(await page.getByTestId('report-title').innerText()).toBe('Untitled plan')
      expect(await canvasInkPixels(page, '[data-testid="report-curves"] .chart-frame')).toBeGreaterThan(1000)
      expect(await canvasInkPixels(page, '[data-testid="report-breakdown"] .chart-frame')).toBeGreaterThan(
        1000
      )
      await expect(
        page.getByTestId('report-assumptions').locator('tbody tr').count()
      ).resolves.toBeGreaterThan(60)
      const pdfPath = join(work, `report-${paper}.pdf`)
      await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true })
      const pdf = await readFile(pdfPath)
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdfPath])).stdout)?.[1])
      expect(pages).toBeGreaterThan(1)

      const prefix = join(work, `page-${paper}`)
      await run(PDFTOPPM, ['-png', '-r', '60', '-f', '1', '-l', '4', pdfPath, prefix])
      const pngs = (await readdir(work))
        .filter((n) => n.startsWith(`page-${paper}`) && n.endsWith('.png'))
        .sort()
      expect(pngs).toHaveLength(Math.min(4, pages))
      for (const [i, name] of pngs.entries()) {
        const png = await readFile(join(work, name))
        const size = pngSize(png)
        // At 60 dpi: A4 is 8.27 × 11.69 in, Letter 8.5 × 11 in.
        if (paper === 'A4') expect([size.width, size.height]).toEqual([496, 702])
        else expect([size.width, size.height]).toEqual([510, 660])
        expect(await inkedPixels(page, png)).toBeGreaterThan(5000)
        await copyFile(join(work, name), join(SCREENSHOT_DIR, `report-${paper.toLowerCase()}-${i + 1}.png`))
      }
      await page.getByTestId('report-close').click()
      await expect(page.getByTestId('report').count()).resolves.toBe(0)
      expect(s.errors).toEqual([])
    }
  )

  it('downloads the workbook with the model’s numbers as numeric cells', async () => {
    const { name, bytes } = await download(s, 'export-xlsx')
    expect(name).toBe('Untitled plan.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Assumptions',
      'Curves',
      'Breakdown',
      'Scenario totals',
      'Scenarios',
    ])
    const model = evaluatePlan(createDefaultPlan())
    const breakdown = workbook.getWorksheet('Breakdown')!
    const header: string[] = []
    breakdown.getRow(1).eachCell((cell) => header.push(String(cell.value)))
    PLATFORMS.forEach((p, i) => {
      for (const c of CATEGORIES) {
        const cell = breakdown.getRow(i + 2).getCell(header.indexOf(`${c} (USD/yr)`) + 1)
        expect(cell.type).toBe(ExcelJS.ValueType.Number)
        // Money cells hold cents: round(x × 100) ÷ 100.
        expect(cell.value).toBe(Math.round(model.platforms[p].annual[c] * 100) / 100)
      }
      expect(breakdown.getRow(i + 2).getCell(header.indexOf('licensed cores') + 1).value).toBe(
        model.platforms[p].licensedCores
      )
    })
    expect(breakdown.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const curves = workbook.getWorksheet('Curves')!
    const modelCurves = computeCurves(createDefaultPlan())
    expect(curves.rowCount).toBe(modelCurves.vms.length + 1)
    expect(curves.getRow(2).getCell(2).value).toBe(
      Math.round(modelCurves.platforms.vmware.total[0]! * 100) / 100
    )
    expect(s.errors).toEqual([])
  })

  it('downloads the curves CSV with the model’s numbers', async () => {
    const { name, bytes } = await download(s, 'export-csv')
    expect(name).toBe('Untitled plan curves.csv')
    const rows = parseCsv(bytes.toString('utf8').trimEnd())
    const model = computeCurves(createDefaultPlan())
    expect(rows[0]?.[0]).toBe('vms')
    expect(rows[0]?.[1]).toBe('vmware.total (USD/yr)')
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(model.vms)
    const column = rows[0]!.indexOf('openstack.total (USD/yr)')
    expect(rows.slice(1).map((r) => Number(r[column]))).toEqual(model.platforms.openstack.total)
    // Without a Monte Carlo run there are no samples to export.
    await s.page.getByTestId('export').click()
    await expect(s.page.getByTestId('export-samples-csv').isDisabled()).resolves.toBe(true)
  })

  it.each([
    ['curves-png', '[data-testid="curves-chart"]', 'cost curves'],
    ['breakdown-png', '[data-testid="breakdown-chart"]', 'breakdown'],
  ])('%s saves the chart at twice its size with drawn pixels', async (button, chart, suffix) => {
    const { page } = s
    const css = await canvasCssSize(page, chart)
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()])
    expect(file.suggestedFilename()).toBe(`Untitled plan ${suffix}.png`)
    const path = join(s.downloadsDir, file.suggestedFilename())
    await file.saveAs(path)
    const png = await readFile(path)
    expect(pngSize(png)).toEqual({ width: Math.round(css.width) * 2, height: Math.round(css.height) * 2 })
    expect(await inkedPixels(page, png)).toBeGreaterThan(2000)
    expect(s.errors).toEqual([])
  })

  it('power chart PNG is twice the chart’s size', async () => {
    const { page } = s
    await page.getByTestId('tab-power').click()
    await page.getByTestId('power-chart').locator('canvas').waitFor()
    const css = await canvasCssSize(page, '[data-testid="power-chart"]')
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('power-png').click()])
    const path = join(s.downloadsDir, file.suggestedFilename())
    await file.saveAs(path)
    const png = await readFile(path)
    expect(pngSize(png)).toEqual({ width: Math.round(css.width) * 2, height: Math.round(css.height) * 2 })
    expect(await inkedPixels(page, png)).toBeGreaterThan(2000)
  })
})
