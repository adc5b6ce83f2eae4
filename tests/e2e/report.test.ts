import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type BrowserSession, freshDocument, isE2eSkipped, openPlanner, screenshot } from '../support/browser'

async function openReport(page: Page): Promise<void> {
  await page.getByTestId('export').click()
  await page.getByTestId('export-report').click()
  await page.getByTestId('report').waitFor()
}

/** Report table cells whose content is wider than the cell (it would be drawn over its neighbour). */
function overflowingCells(page: Page): Promise<string[]> {
  return page.evaluate(`(() => [...document.querySelectorAll('.report-doc td, .report-doc th')]
    .filter((c) => c.scrollWidth > c.clientWidth + 1)
    .map((c) => c.textContent.trim().slice(0, 60)))()`) as Promise<string[]>
}

describe.skipIf(isE2eSkipped)('the report', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1280, height: 720 })
  })
  afterAll(async () => {
    await s?.close()
  })
  beforeEach(() => freshDocument(s, { width: 1280, height: 720 }))

  it('contains the tornado without the Sensitivity tab ever being opened', async () => {
    const { page } = s
    await openReport(page)
    const tornado = page.getByTestId('report-tornado')
    await expect.poll(() => tornado.locator('.chart-frame canvas').count(), { timeout: 30_000 }).toBe(1)
    expect(await page.getByTestId('report-tornado-none').count()).toBe(0)
    expect(await tornado.innerText()).toContain('each assumption alone at its low and high')
    expect(s.errors).toEqual([])
  })

  it('shows choices by their labels and keeps every table cell inside its column', async () => {
    const { page } = s
    await page.getByTestId('inspector-filter').fill('Edition')
    await page.locator('[data-key="vmware.edition"] select').selectOption('vvf')
    await page.getByTestId('inspector-filter').fill('Fault tolerance')
    await page.locator('[data-key="openstack.ftStrategy"] select').selectOption('none')
    await openReport(page)
    const assumptions = page.getByTestId('report-assumptions')
    const edition = await assumptions.locator('tr', { hasText: 'Edition' }).first().innerText()
    expect(edition).toContain('VMware vSphere Foundation (VVF)')
    expect(edition).not.toContain('one of')
    expect(await overflowingCells(page)).toEqual([])
    await screenshot(page, 'report-choices')
  })

  it('is light paper with a readable toolbar in the dark theme', async () => {
    const { page } = s
    await page.emulateMedia({ colorScheme: 'dark' })
    await openReport(page)
    const colours = (await page.evaluate(`(() => {
      const bar = getComputedStyle(document.querySelector('[data-testid="report-close"]'))
      const doc = getComputedStyle(document.querySelector('.report-doc'))
      return [bar.color, bar.backgroundColor, doc.backgroundColor]
    })()`)) as string[]
    // Close button: dark text (#1d232b) on white; the paper is white.
    expect(colours).toEqual(['rgb(29, 35, 43)', 'rgb(255, 255, 255)', 'rgb(255, 255, 255)'])
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('an export says what it saved and where', async () => {
    const { page } = s
    const download = page.waitForEvent('download')
    await page.getByTestId('export').click()
    await page.getByTestId('export-csv').click()
    await download
    const note = page.getByTestId('export-saved')
    await note.waitFor()
    // The browser build hands the file to the downloads folder; the desktop build names the full path.
    expect(await note.innerText()).toContain('Saved “Untitled plan curves.csv”')
    expect(await note.getAttribute('role')).toBe('status')
    await note.getByRole('button', { name: 'Dismiss' }).click()
    expect(await page.getByTestId('export-saved').count()).toBe(0)
  })
})
