import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  type BrowserSession,
  canvasInkPixels,
  freshDocument,
  headlineText,
  isE2eSkipped,
  openPlanner,
  screenshot,
  SCREENSHOT_DIR,
} from '../support/browser'

const run = promisify(execFile)

const VELOCITY = '[data-key="transition.vmsPerMonth"] input'
const HEADLINE_SWITCH = '[data-key="transition.enabled"] input'

async function setFleet(page: Page, vms: string): Promise<void> {
  await page.getByTestId('fleet-size').fill(vms)
  await page.getByTestId('fleet-size').press('Enter')
}

async function setVelocity(page: Page, perMonth: string): Promise<void> {
  await page.getByTestId('inspector-filter').fill('velocity')
  const input = page.locator(VELOCITY)
  await input.scrollIntoViewIfNeeded()
  await input.fill(perMonth)
  await input.press('Enter')
}

function transitionSentence(page: Page): Promise<string> {
  return page.getByTestId('transition-sentence').innerText()
}

describe.skipIf(isE2eSkipped)('the Stay-or-move view in Chromium', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner()
  })
  afterAll(async () => {
    await s?.close()
  })
  beforeEach(async () => {
    await freshDocument(s)
  })

  it('moves the payback when the migration velocity changes', async () => {
    const { page } = s
    await setFleet(page, '5000')
    await page.getByTestId('tab-transition').click()
    await page.getByTestId('transition-panel').waitFor()
    // The model's answers at 5,000 VMs (stackplan transition --set fleet.vms=5000 --set transition.vmsPerMonth=…):
    // 200 a month pays back in month 54 (saving USD 863,211), 500 a month in month 37 (USD 3,213,998),
    // with the current defaults.
    await setVelocity(page, '200')
    await expect
      .poll(() => transitionSentence(page))
      .toMatch(/pays back in month 54 and saves USD\s863k over 5 years/)
    await setVelocity(page, '500')
    await expect
      .poll(() => transitionSentence(page))
      .toMatch(/pays back in month 37 and saves USD\s3\.21M over 5 years/)
    expect(await canvasInkPixels(page, '[data-testid="transition-cash-chart"]')).toBeGreaterThan(1000)
    expect(await canvasInkPixels(page, '[data-testid="transition-timeline-chart"]')).toBeGreaterThan(1000)
    const rows = page.locator('[data-testid="transition-year-table"] tbody tr')
    expect(await rows.count()).toBe(5)
    await screenshot(page, 'transition-1440x900')
    expect(s.errors).toEqual([])
  })

  it('puts the answer in the headline when switched on, naming the scenario when there are several', async () => {
    const { page } = s
    await setFleet(page, '5000')
    await setVelocity(page, '500')
    const before = await headlineText(page)
    expect(before).toMatch(/^At 5,000 VMs/)
    await page.getByTestId('inspector-filter').fill('headline answers')
    await page.locator(HEADLINE_SWITCH).click()
    await expect
      .poll(() => headlineText(page))
      .toMatch(
        /^Moving to OpenStack pays back in month 37 and saves USD\s3\.21M over 5 years; staying is cheaper until then\./
      )
    // One measure per sentence: no annual gap in the transition headline.
    expect(await page.getByTestId('headline-transition').innerText()).not.toMatch(/a year/)
    await page.getByTestId('scenario-add').click()
    await expect.poll(() => headlineText(page)).toMatch(/: Moving to OpenStack pays back in month 37/)
    expect(s.errors).toEqual([])
  })

  it('looks right at 1280×720 and 1920×1080, light and dark, English and Chinese', async () => {
    const { page } = s
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await freshDocument(s, { width, height })
      await setFleet(page, '5000')
      await setVelocity(page, '500')
      await page.getByTestId('tab-transition').click()
      await page.getByTestId('transition-panel').scrollIntoViewIfNeeded()
      await screenshot(page, `transition-${width}x${height}-light-en`)
      await page.emulateMedia({ colorScheme: 'dark' })
      await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark')
      await screenshot(page, `transition-${width}x${height}-dark-en`)
      await page.getByTestId('lang-zh').click()
      await expect.poll(() => transitionSentence(page)).toMatch(/迁移到 OpenStack 将在第 37 个月回本/)
      await screenshot(page, `transition-${width}x${height}-dark-zh`)
      await page.emulateMedia({ colorScheme: 'light' })
      await screenshot(page, `transition-${width}x${height}-light-zh`)
      await page.getByTestId('lang-en').click()
    }
    expect(s.errors).toEqual([])
  })

  it('opens the printed report with a one-page summary for decision makers', async () => {
    const { page } = s
    await setFleet(page, '5000')
    await setVelocity(page, '500')
    await page.getByTestId('export').click()
    await page.getByTestId('export-report').click()
    await page.getByTestId('report-summary').waitFor()
    const drivers = page.locator('[data-testid="report-summary-drivers"] li')
    expect(await drivers.count()).toBe(3)
    const work = await mkdtemp(join(tmpdir(), 'stackplan-summary-'))
    try {
      const pdfPath = join(work, 'report.pdf')
      await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true })
      // One line of text, as printed (headings are set in capitals by the report's style).
      const firstPage = (await run('pdftotext', ['-f', '1', '-l', '1', pdfPath, '-'])).stdout.replace(
        /\s+/g,
        ' '
      )
      expect(firstPage).toContain('SUMMARY FOR DECISION MAKERS')
      expect(firstPage).toContain('Recommendation at 5,000 VMs over 5 years: move to OpenStack.')
      expect(firstPage).toMatch(/pays back in month 37/)
      expect(firstPage).toMatch(/Main risks.* is an estimate/i)
      // The summary ends its page: the detailed answer starts on page 2.
      expect(firstPage).not.toContain('THE ANSWER')
      await run('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdfPath,
        join(work, 'page'),
      ])
      await copyFile(join(work, 'page.png'), join(SCREENSHOT_DIR, 'report-summary-page-1.png'))
    } finally {
      await rm(work, { recursive: true, force: true })
    }
    await page.getByTestId('report-close').click()
    expect(s.errors).toEqual([])
  })
})
