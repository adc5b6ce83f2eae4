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
} from '../support/browser'

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
    // 200 a month pays back in month 58, 500 a month in month 40.
    await setVelocity(page, '200')
    await expect
      .poll(() => transitionSentence(page))
      .toMatch(/pays back in month 58 and saves USD\s330k over 5 years/)
    await setVelocity(page, '500')
    await expect
      .poll(() => transitionSentence(page))
      .toMatch(/pays back in month 40 and saves USD\s2\.43M over 5 years/)
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
        /^Moving to OpenStack pays back in month 40 and saves USD\s2\.43M over 5 years; staying is cheaper until then\./
      )
    // One measure per sentence: no annual gap in the transition headline.
    expect(await page.getByTestId('headline-transition').innerText()).not.toMatch(/a year/)
    await page.getByTestId('scenario-add').click()
    await expect.poll(() => headlineText(page)).toMatch(/: Moving to OpenStack pays back in month 40/)
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
      await expect.poll(() => transitionSentence(page)).toMatch(/迁移到 OpenStack 将在第 40 个月回本/)
      await screenshot(page, `transition-${width}x${height}-dark-zh`)
      await page.emulateMedia({ colorScheme: 'light' })
      await screenshot(page, `transition-${width}x${height}-light-zh`)
      await page.getByTestId('lang-en').click()
    }
    expect(s.errors).toEqual([])
  })
})
