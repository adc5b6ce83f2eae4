import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { seriousAxeViolations } from '../support/axe'
import { type BrowserSession, freshDocument, isE2eSkipped, openPlanner } from '../support/browser'

const TABS = [
  'breakdown',
  'power',
  'storage',
  'capabilities',
  'sensitivity',
  'uncertainty',
  'transition',
] as const

describe.skipIf(isE2eSkipped)('axe-core finds no critical or serious violation', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1440, height: 900 })
  })
  afterAll(async () => {
    await s?.close()
  })
  beforeEach(() => freshDocument(s))

  it.each(['light', 'dark'] as const)(
    'on the main screen, every detail tab and the report (%s)',
    async (theme) => {
      const { page } = s
      await page.emulateMedia({ colorScheme: theme })
      await page.waitForTimeout(200)
      const found: Record<string, unknown> = {}
      const main = await seriousAxeViolations(page)
      if (main.length) found.main = main
      for (const tab of TABS) {
        await page.getByTestId(`tab-${tab}`).click()
        await page.waitForTimeout(300)
        const v = await seriousAxeViolations(page)
        if (v.length) found[tab] = v
      }
      await page.getByTestId('export').click()
      await page.getByTestId('export-report').click()
      await page.getByTestId('report').waitFor()
      await page.waitForTimeout(500)
      const report = await seriousAxeViolations(page)
      if (report.length) found.report = report
      expect(found).toEqual({})
    }
  )
})
