import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type BrowserSession, freshDocument, isE2eSkipped, openPlanner, screenshot } from '../support/browser'

const TABS = [
  'breakdown',
  'power',
  'storage',
  'capabilities',
  'sensitivity',
  'uncertainty',
  'transition',
] as const
const LONG_NAME = 'Datacentre consolidation and renewal plan '.repeat(5).slice(0, 200)

/**
 * Sideways overflow of the page and of the scrolling panes (results, inspector groups, report): each entry
 * names a box whose content is wider than the box. Empty when nothing overflows.
 */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const boxes = [['document', document.documentElement]]
    for (const selector of ['.results', '.groups', '.toolbar', '.plan-header', '.report-layer'])
      document.querySelectorAll(selector).forEach((el) => boxes.push([selector, el]))
    return boxes
      .filter(([, el]) => el.scrollWidth > el.clientWidth)
      .map(([name, el]) => name + ' ' + el.scrollWidth + ' > ' + el.clientWidth)
  })()`) as Promise<string[]>
}

describe.skipIf(isE2eSkipped)('at 1280×720 nothing overflows sideways', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1280, height: 720 })
  })
  afterAll(async () => {
    await s?.close()
  })
  beforeEach(() => freshDocument(s, { width: 1280, height: 720 }))

  it.each(['en', 'zh'] as const)(
    'with a 200-character plan name, in every tab and the report (%s)',
    async (lang) => {
      const { page } = s
      if (lang === 'zh') await page.getByTestId('lang-zh').click()
      await page.getByTestId('plan-name').click()
      await page.getByRole('textbox', { name: lang === 'zh' ? '方案名称' : 'Plan name' }).fill(LONG_NAME)
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByTestId('plan-name').innerText()).toContain(LONG_NAME.slice(0, 40))
      await page.getByTestId('scenario-add').click()
      const found: Record<string, string[]> = {}
      const check = async (where: string): Promise<void> => {
        await page.waitForTimeout(250)
        const over = await sidewaysOverflow(page)
        if (over.length) found[where] = over
      }
      await check('main')
      for (const tab of TABS) {
        await page.getByTestId(`tab-${tab}`).click()
        await check(tab)
      }
      await screenshot(page, `layout-1280x720-${lang}`)
      await page.getByTestId('export').click()
      await page.getByTestId('export-report').click()
      await page.getByTestId('report').waitFor()
      await check('report')
      expect(found).toEqual({})
      // The long name is shortened on screen, never pushed out of the window.
      const nameBox = (await page.getByTestId('report-title').boundingBox())!
      expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(1280)
    }
  )
})
