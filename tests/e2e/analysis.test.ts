import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  type BrowserSession,
  freshDocument,
  headlineText,
  isE2eSkipped,
  openPlanner,
  screenshot,
} from '../support/browser'
import { parseCsv } from '../support/csv'
import { stackplanChild } from '../cli/cli-child'

const CURVES = '[data-testid="curves-chart"]'
const TORNADO = '[data-testid="tornado"]'
const PROBABILITY = '[data-testid="probability-chart"]'
/** Tornado bar colours (palette.ts TORNADO_COLORS) and the platform colours the bands are drawn in. */
const TORNADO_RGB = [
  [0x00, 0x9e, 0x73],
  [0xcc, 0x79, 0xa7],
]
const PLATFORM_RGB = {
  vmware: [0x00, 0x72, 0xb2],
  openstack: [0xe6, 0x9f, 0x00],
}

/**
 * Rows of bars drawn on the tornado's canvas: runs of pixel rows that hold an opaque pixel of a tornado
 * colour, with the CSS position of a pixel in each run (to click it).
 */
async function tornadoBars(page: Page): Promise<{ x: number; y: number }[]> {
  return (await page.evaluate(`(() => {
    const canvas = document.querySelector(${JSON.stringify(TORNADO)} + ' canvas')
    if (!canvas) return []
    const { width, height } = canvas
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data
    const colours = ${JSON.stringify(TORNADO_RGB)}
    const near = (i) => data[i + 3] > 200 && colours.some((c) => Math.abs(data[i] - c[0]) + Math.abs(data[i + 1] - c[1]) + Math.abs(data[i + 2] - c[2]) < 60)
    const scale = canvas.clientWidth / width
    const bars = []
    let inBar = false
    for (let y = 0; y < height; y++) {
      let hit = -1
      for (let x = 0; x < width && hit < 0; x++) if (near((y * width + x) * 4)) hit = x
      if (hit >= 0 && !inBar) bars.push({ x: hit, y0: y, y1: y })
      if (hit >= 0) bars[bars.length - 1].y1 = y
      inBar = hit >= 0
    }
    return bars.map((b) => ({ x: (b.x + 3) * scale, y: ((b.y0 + b.y1) / 2) * scale }))
  })()`)) as { x: number; y: number }[]
}

/** Pixels of a canvas drawn in a platform colour at about the bands' opacity (0.2 of 255). */
async function bandPixels(
  page: Page,
  selector: string,
  platform: keyof typeof PLATFORM_RGB
): Promise<number> {
  return (await page.evaluate(`(() => {
    const canvas = document.querySelector(${JSON.stringify(selector)} + ' canvas')
    if (!canvas) return 0
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
    const [r, g, b] = ${JSON.stringify(PLATFORM_RGB[platform])}
    let n = 0
    for (let i = 0; i < data.length; i += 4)
      if (data[i + 3] >= 40 && data[i + 3] <= 64 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) n++
    return n
  })()`)) as number
}

/** Opaque pixels of a platform colour on a canvas (a drawn line). */
async function linePixels(
  page: Page,
  selector: string,
  platform: keyof typeof PLATFORM_RGB
): Promise<number> {
  return (await page.evaluate(`(() => {
    const canvas = document.querySelector(${JSON.stringify(selector)} + ' canvas')
    if (!canvas) return 0
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
    const [r, g, b] = ${JSON.stringify(PLATFORM_RGB[platform])}
    let n = 0
    for (let i = 0; i < data.length; i += 4)
      if (data[i + 3] > 200 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) n++
    return n
  })()`)) as number
}

async function progressValue(page: Page): Promise<number> {
  return Number(await page.getByTestId('mc-progress').getAttribute('value'))
}

async function setSamples(page: Page, n: number): Promise<void> {
  const input = page.getByTestId('mc-samples')
  await input.fill(String(n))
  await input.press('Tab')
}

async function scrollResults(page: Page, to: 'top' | 'bottom'): Promise<void> {
  await page.evaluate(
    `document.querySelector('main.results').scrollTo(0, ${to === 'top' ? 0 : 'document.querySelector("main.results").scrollHeight'})`
  )
  await page.waitForTimeout(100)
}

describe.skipIf(isE2eSkipped)('analysis in Chromium', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1440, height: 900 })
  })
  afterAll(async () => {
    await s?.close()
  })
  // A fresh document for every case: no settings, no recovery snapshot left over.
  beforeEach(() => freshDocument(s))

  it('draws the tornado with its bars, and a click on a bar shows that assumption in the inspector', async () => {
    const { page } = s
    await page.getByTestId('tab-sensitivity').click()
    await page.locator(TORNADO).waitFor()
    await expect
      .poll(async () => (await tornadoBars(page)).length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(10)
    const bars = await tornadoBars(page)
    const rows = page.locator('[data-testid="tornado-table"] tbody th button')
    expect(await rows.count()).toBe(bars.length)
    await scrollResults(page, 'bottom')
    await screenshot(page, 'analysis-sensitivity')

    // The third bar, by its pixels: the inspector opens its group, scrolls to it and focuses its input.
    const wanted = await rows.nth(2).getAttribute('title')
    const box = await page.locator(`${TORNADO} canvas`).boundingBox()
    const bar = bars[2]!
    await page.mouse.click(box!.x + bar.x, box!.y + bar.y)
    await expect
      .poll(() => page.evaluate(`document.activeElement?.closest('[data-key]')?.dataset.key ?? ''`))
      .toBe(wanted)
    const field = page.locator(`.inspector [data-key="${wanted}"]`)
    expect(await field.isVisible()).toBe(true)
    await screenshot(page, 'analysis-tornado-focus')
    expect(s.errors).toEqual([])
  })

  it('measures the payback month when asked: the tornado’s unit changes and its values are the CLI’s', async () => {
    const { page } = s
    await page.getByTestId('tab-sensitivity').click()
    const table = page.getByTestId('tornado-table')
    const headers = () => table.locator('thead th').allInnerTexts()
    await expect
      .poll(headers, { timeout: 20_000 })
      .toEqual(['Assumption', 'Low – high', 'Crossover at low (VMs)', 'Crossover at high (VMs)'])
    const legend = page.locator('[data-testid="sensitivity-panel"] .legend')
    expect(await legend.innerText()).toMatch(/now -?USD/)
    const select = page.getByTestId('analysis-target-select')
    expect(await page.locator('[data-testid="sensitivity-panel"] label[for]').first().innerText()).toBe(
      'Measure'
    )
    await select.focus()
    await select.selectOption('paybackMonth')
    await expect.poll(headers, { timeout: 60_000 }).toEqual(['Assumption', 'Low – high', 'At low', 'At high'])
    // The default plan's move does not pay back within 5 years: "now none", and months rather than money.
    await expect.poll(() => legend.innerText(), { timeout: 60_000 }).toContain('now none')
    expect(await page.locator('[data-testid="sensitivity-panel"] .summary').innerText()).toContain(
      'Moving does not pay back within the horizon’s 60 months.'
    )
    await screenshot(page, 'analysis-sensitivity-payback')

    // The same plan on the command line: the rows with a swing, in order, and each end as a month from 1.
    const cli = await stackplanChild(['sensitivity', '--target', 'paybackMonth', '--json'], {
      limitMs: 60_000,
    })
    expect(cli.code).toBe(0)
    const json = JSON.parse(cli.stdout) as {
      target: string
      gap: number
      rows: { key: string; gapLow: number; gapHigh: number }[]
    }
    expect(json.target).toBe('paybackMonth')
    expect(json.gap).toBe(60)
    const month = (m: number) => (m >= 60 ? 'none' : `month ${m + 1}`)
    const expected = json.rows
      .filter((r) => r.gapLow !== r.gapHigh)
      .slice(0, 15)
      .map((r) => [r.key, month(r.gapLow), month(r.gapHigh)])
    expect(expected.length).toBeGreaterThan(0)
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('th button')?.getAttribute('title') ?? '',
          ...[...row.querySelectorAll('td')].slice(1).map((td) => td.textContent?.trim() ?? ''),
        ])
      )
    expect(shown).toEqual(expected)
    expect(s.errors).toEqual([])
  })

  it('solves the VCF price break-even and Apply brings both platforms to about the same cost', async () => {
    const { page } = s
    const before = await headlineText(page)
    // Default plan at 1,000 VMs: VMware USD 1,082,057 a year (licensing 1,600 cores × 350 = 560,000),
    // OpenStack USD 1,124,957; gap 42,900 = 3.8 % of the dearer OpenStack.
    expect(before).toContain('VMware costs 3.8 % less')
    await page.getByTestId('tab-sensitivity').click()
    await page.getByTestId('breakeven-search').fill('vcf')
    await page.getByTestId('breakeven-key').selectOption('vmware.usdPerCoreYear.vcf')
    const result = page.getByTestId('breakeven-result')
    await expect
      .poll(() => result.innerText(), { timeout: 20_000 })
      // Licensing is linear in the price: 350 + 42,899.94 / 1,600 cores = 350 + 26.81 = 376.81.
      .toContain('VCF price is 376.81 USD per core per year')
    await scrollResults(page, 'bottom')
    await screenshot(page, 'analysis-breakeven')
    await page.getByTestId('breakeven-apply').click()
    await expect.poll(() => headlineText(page)).not.toBe(before)
    // Within the solver's tolerance the gap is a few dollars on a million a year: "0.00049 %", "USD 4.90".
    const after = await headlineText(page)
    const percent = Number(/costs ([\d.]+) % less/.exec(after)?.[1])
    expect(percent).toBeLessThan(0.01)
    expect(await page.locator('[data-key="vmware.usdPerCoreYear.vcf"] input').inputValue()).toMatch(
      /^376\.81/
    )
    await page.getByTestId('undo').click()
    await expect.poll(() => headlineText(page)).toBe(before)
    expect(s.errors).toEqual([])
  })

  it('runs Monte Carlo with a progress bar, then draws the bands and the probability curve', async () => {
    const { page } = s
    expect(await bandPixels(page, CURVES, 'vmware')).toBeLessThan(300)
    await page.getByTestId('tab-uncertainty').click()
    await setSamples(page, 50_000)
    await page.getByTestId('mc-run').click()
    // Progress and status read together, while the run (about 2 s here) is under way.
    const running = (): Promise<{ value: number; status: string }> =>
      page.evaluate(`(() => {
        const bar = document.querySelector('[data-testid="mc-progress"]')
        const status = document.querySelector('[data-testid="mc-status"]')?.textContent ?? ''
        return { value: bar ? Number(bar.getAttribute('value')) : -1, status }
      })()`) as Promise<{ value: number; status: string }>
    await expect.poll(async () => (await running()).value).toBeGreaterThan(0)
    const now = await running()
    expect(now.value).toBeLessThan(1)
    expect(now.status).toMatch(/of 50,000 samples/)
    await screenshot(page, 'analysis-montecarlo-running')
    await page.getByTestId('mc-summary').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('mc-status').innerText()).toMatch(/^50,000 samples in [\d.]+ s$/)
    expect(await page.getByTestId('mc-summary').innerText()).toMatch(
      /OpenStack is cheaper in \d+\s%\sof samples/
    )
    await page.waitForTimeout(200)
    const vmwareBandPixels = await bandPixels(page, CURVES, 'vmware')
    expect(vmwareBandPixels).toBeGreaterThan(2000)
    expect(await bandPixels(page, CURVES, 'openstack')).toBeGreaterThan(2000)
    expect(await page.getByTestId('band-legend').innerText()).toContain('50,000 samples')
    expect(await linePixels(page, PROBABILITY, 'openstack')).toBeGreaterThan(300)
    expect(await page.locator('main.results').innerText()).not.toMatch(/NaN|Infinity/)
    await screenshot(page, 'analysis-bands')
    await scrollResults(page, 'bottom')
    await screenshot(page, 'analysis-montecarlo')

    // Another metric hides the bands and says why; an edit makes the run stale.
    await page.getByTestId('metric-npv').click()
    await page.waitForTimeout(200)
    expect(await bandPixels(page, CURVES, 'vmware')).toBeLessThan(300)
    await page.getByTestId('metric-annual').click()
    const vcf = page.locator('[data-key="vmware.usdPerCoreYear.vcf"] input')
    await vcf.scrollIntoViewIfNeeded()
    await vcf.fill('200')
    await vcf.press('Enter')
    await page.getByTestId('mc-stale').waitFor()
    await page.waitForTimeout(200)
    // A stale run draws no bands and no band legend. What remains in the band's colour and opacity is the
    // anti-aliased edge of the VMware line, whose length depends on the curve's shape at this price: a small
    // fraction of the band's ink, not a fixed count.
    expect(await page.getByTestId('band-legend').count()).toBe(0)
    const stalePixels = await bandPixels(page, CURVES, 'vmware')
    expect(stalePixels).toBeLessThan(vmwareBandPixels / 10)
    await screenshot(page, 'analysis-stale')
    expect(s.errors).toEqual([])
  })

  it('cancels a large run: progress stops and the status says cancelled', async () => {
    const { page } = s
    await page.getByTestId('tab-uncertainty').click()
    await setSamples(page, 100_000)
    await page.getByTestId('mc-run').click()
    await expect.poll(() => progressValue(page)).toBeGreaterThan(0.01)
    await page.getByTestId('mc-cancel').click()
    const status = page.getByTestId('mc-status')
    await expect.poll(() => status.innerText()).toMatch(/^Cancelled after [\d,]+ of 100,000 samples/)
    const stopped = await progressValue(page)
    expect(stopped).toBeLessThan(1)
    await page.waitForTimeout(800)
    expect(await progressValue(page)).toBe(stopped)
    expect(await page.getByTestId('mc-summary').count()).toBe(0)
    expect(await page.getByTestId('mc-run').isEnabled()).toBe(true)
    await screenshot(page, 'analysis-cancelled')
    expect(s.errors).toEqual([])
  })

  it('exports the samples as CSV: one row per sample with each sampled value and the gap', async () => {
    const { page } = s
    await page.getByTestId('tab-uncertainty').click()
    await setSamples(page, 1500)
    await page.getByTestId('mc-run').click()
    await page.getByTestId('mc-summary').waitFor({ timeout: 60_000 })
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('mc-export-csv').click(),
    ])
    expect(file.suggestedFilename()).toBe('Untitled plan Monte Carlo samples.csv')
    const path = join(s.downloadsDir, file.suggestedFilename())
    await file.saveAs(path)
    const rows = parseCsv(await readFile(path, 'utf8'))
    const [header, ...data] = rows
    expect(data).toHaveLength(1500)
    expect(header?.[0]).toBe('sample')
    expect(header?.at(-1)).toBe('gap at 1000 VMs (USD/yr)')
    expect(data.map((r) => Number(r[0]))).toEqual(Array.from({ length: 1500 }, (_, i) => i))
    expect(data.every((r) => r.length === header!.length && r.every((c) => Number.isFinite(Number(c))))).toBe(
      true
    )
    expect(s.errors).toEqual([])
  })

  it('edits a distribution in the inspector, refusing an end outside the allowed range', async () => {
    const { page } = s
    const field = page.locator('.inspector [data-key="vmware.usdPerCoreYear.vcf"]')
    await field.scrollIntoViewIfNeeded()
    await field.getByTestId('range-toggle').click()
    await field.getByTestId('distribution-kind').selectOption('triangular')
    await field.getByTestId('distribution-high').fill('20000')
    await field.getByTestId('distribution-save').click()
    expect(await field.getByTestId('distribution-problem').innerText()).toContain('0 to 10,000')
    await screenshot(page, 'analysis-distribution-invalid')
    await field.getByTestId('distribution-high').fill('450')
    await field.getByTestId('distribution-save').click()
    expect(await field.getByTestId('range-note').innerText()).toBe('Range: Triangular 185 – 350 – 450')
    await page.getByTestId('tab-uncertainty').click()
    await page.getByTestId('sampled-assumptions').locator('summary').click()
    await expect
      .poll(() => page.getByTestId('sampled-assumptions').innerText())
      .toContain('(1 with a range of your own)')
    await screenshot(page, 'analysis-distribution')
    expect(await page.title()).toBe('• Untitled plan — Stackplan')
    expect(s.errors).toEqual([])
  })

  it('speaks Chinese', async () => {
    const { page } = s
    await page.getByTestId('lang-zh').click()
    await page.getByTestId('tab-sensitivity').click()
    await expect
      .poll(async () => (await tornadoBars(page)).length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(10)
    expect(await page.getByTestId('sensitivity-panel').innerText()).toContain('盈亏平衡')
    await scrollResults(page, 'bottom')
    await screenshot(page, 'analysis-sensitivity-zh')
    await page.getByTestId('tab-uncertainty').click()
    await setSamples(page, 1000)
    await page.getByTestId('mc-run').click()
    await page.getByTestId('mc-summary').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('mc-summary').innerText()).toMatch(/OpenStack 在 \d+% 的样本中更便宜/)
    await scrollResults(page, 'bottom')
    await screenshot(page, 'analysis-montecarlo-zh')
    expect(s.errors).toEqual([])
  })
})
