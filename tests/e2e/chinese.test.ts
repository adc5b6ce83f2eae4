import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  type BrowserSession,
  freshDocument,
  isE2eSkipped,
  nextFrames,
  openPlanner,
  screenshot,
} from '../support/browser'

const MIN_FTE = '[data-key="staff.openstack.minFte"]'
const VCF_PRICE = '[data-key="vmware.usdPerCoreYear.vcf"]'

async function toChinese(page: Page): Promise<void> {
  await page.getByTestId('lang-zh').click()
  await expect.poll(() => page.getByTestId('new').innerText()).toBe('新建')
}

async function openSourceRow(page: Page): Promise<string> {
  const toggle = page.locator(`${MIN_FTE} [data-testid="source-toggle"]`)
  await toggle.scrollIntoViewIfNeeded()
  await toggle.click()
  return page.locator(`${MIN_FTE} [data-testid="source"]`).innerText()
}

/** Report table cells whose content is wider than the cell (it would be drawn over its neighbour). */
function overflowingCells(page: Page): Promise<string[]> {
  return page.evaluate(`(() => [...document.querySelectorAll('.report-doc td, .report-doc th')]
    .filter((c) => c.scrollWidth > c.clientWidth + 1)
    .map((c) => c.textContent.trim().slice(0, 60)))()`) as Promise<string[]>
}

describe.skipIf(isE2eSkipped)('the window and the report in 中文', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1280, height: 720 })
  })
  afterAll(async () => {
    await s?.close()
  })
  beforeEach(() => freshDocument(s, { width: 1280, height: 720 }))

  it('names the first scenario 基准 and gives a rationale in Chinese with its title as published', async () => {
    const { page } = s
    await toChinese(page)
    expect((await page.getByTestId('scenario-tab').first().innerText()).trim()).toBe('基准')
    const source = await openSourceRow(page)
    expect(source).toContain('值班的最低配置：7×24 轮班')
    expect(source).toContain('“The Dollars and Cents of How to Consume a Private Cloud”')
    expect(source).not.toContain('on-call minimum')
    await page.locator(`${VCF_PRICE} input`).scrollIntoViewIfNeeded()
    expect(await page.locator(`${VCF_PRICE} .unit`).innerText()).toBe('USD / 核 / 年')
    expect(s.errors).toEqual([])
  })

  it('the report gives Chinese units and rationales, and its cells stay in their columns', async () => {
    const { page } = s
    await toChinese(page)
    await page.getByTestId('export').click()
    await page.getByTestId('export-report').click()
    await page.getByTestId('report').waitFor()
    const row = page
      .getByTestId('report-assumptions')
      .locator(`tr:has(code:text-is("vmware.usdPerCoreYear.vcf"))`)
    const text = await row.innerText()
    expect(text).toContain('USD / 核 / 年')
    expect(text).toContain('VCF 3 年期目录价（1 年期 395，5 年期 315）')
    expect(await page.getByTestId('report-title').innerText()).toBe('未命名方案')
    // The three drivers give their values with Chinese units ("77,440 USD / 人 / 年"), never English words.
    const drivers = page.locator('[data-testid="report-summary-drivers"] li')
    await expect.poll(() => drivers.count()).toBe(3)
    expect((await drivers.allInnerTexts()).join('\n')).not.toMatch(/\b(per|year|fraction)\b/)
    expect(await page.locator('tr', { hasText: '最短低负载窗口' }).innerText()).toMatch(
      /\d 小时\s+[\d.]+ 小时$/
    )
    expect(await overflowingCells(page)).toEqual([])
    expect(s.errors).toEqual([])
  })

  it('every results tab gives its units in Chinese', async () => {
    const { page } = s
    await toChinese(page)
    for (const tab of [
      'breakdown',
      'power',
      'storage',
      'capabilities',
      'sensitivity',
      'uncertainty',
      'transition',
    ]) {
      await page.getByTestId(`tab-${tab}`).click()
      await page.getByTestId(`tab-${tab}`).and(page.locator('[aria-selected="true"]')).waitFor()
      // The tab's panel at the top of the results pane, for the screenshot.
      await page.getByTestId(`tab-${tab}`).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await nextFrames(page)
      expect(await page.locator('.results').innerText()).not.toMatch(
        /\b(per|hosts?|VMs|years?|hours?|fraction)\b/
      )
      await screenshot(page, `zh-tab-${tab}-1280x720`)
    }
    expect(s.errors).toEqual([])
  })

  // Screenshots to look at: nothing cut off or overlapping with the Chinese texts, in both themes and sizes.
  it.each([
    [1280, 720, 'light'],
    [1280, 720, 'dark'],
    [1920, 1080, 'light'],
    [1920, 1080, 'dark'],
  ] as const)(
    'at %i×%i in the %s theme shows the source row and the report in Chinese',
    async (w, h, theme) => {
      const { page } = s
      await page.setViewportSize({ width: w, height: h })
      await page.emulateMedia({ colorScheme: theme })
      try {
        await toChinese(page)
        await page.getByTestId('scenario-add').click()
        expect(await openSourceRow(page)).toContain('Mirantis')
        await nextFrames(page)
        await screenshot(page, `zh-window-${w}x${h}-${theme}`)
        await page.getByTestId('export').click()
        await page.getByTestId('export-report').click()
        await page.getByTestId('report').waitFor()
        await page.getByTestId('report-assumptions').scrollIntoViewIfNeeded()
        await nextFrames(page)
        await screenshot(page, `zh-report-assumptions-${w}x${h}-${theme}`)
        expect(await overflowingCells(page)).toEqual([])
      } finally {
        await page.emulateMedia({ colorScheme: 'light' })
      }
    }
  )
})
