import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { seriousAxeViolations } from '../support/axe'
import { type BrowserSession, freshDocument, isE2eSkipped, openPlanner, screenshot } from '../support/browser'

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const

/**
 * Controls whose own text does not fit them: a select narrower than its chosen option, a label cut by its
 * box, or a group heading pushed past the pane. Each entry names the field's key and the text. Empty when every text shows whole.
 */
function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const cut = []
    const ctx = document.createElement('canvas').getContext('2d')
    for (const field of document.querySelectorAll('.inspector [data-key]')) {
      const select = field.querySelector('select')
      if (select && select.offsetParent) {
        const style = getComputedStyle(select)
        ctx.font = style.font
        const text = select.options[select.selectedIndex].text
        // The text, the paddings and about 20 px for the arrow must fit the select's inner width.
        const need = ctx.measureText(text).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 16
        if (need > select.clientWidth) cut.push(field.dataset.key + ': ' + text)
      }
      for (const el of field.querySelectorAll('.label')) {
        if (el.offsetParent && el.scrollWidth > el.clientWidth + 1) cut.push(field.dataset.key + ': ' + el.textContent)
      }
    }
    // A group heading's parts (title, changed count, Reset group) stay inside the pane, left of its scrollbar.
    for (const part of document.querySelectorAll('.inspector .group-head > *')) {
      const pane = part.closest('.groups')
      const right = pane.getBoundingClientRect().left + pane.clientWidth
      if (part.getBoundingClientRect().right > right + 0.5) cut.push('group heading: ' + part.textContent.trim())
      // Nor does the title run under the changed count beside it.
      const title = part.querySelector('.group-title')
      if (title && title.scrollWidth > title.clientWidth + 1) cut.push('group title: ' + title.textContent)
    }
    return cut
  })()`) as Promise<string[]>
}

async function setAssumption(page: Page, filter: string, key: string, text: string): Promise<void> {
  await page.getByTestId('inspector-filter').fill(filter)
  const input = page.locator(`[data-key="${key}"] input`)
  await input.fill(text)
  await input.press('Enter')
}

describe.each(['light', 'dark'] as const)(
  'the changed screens in %s at three sizes and two languages',
  (theme) => {
    let s: BrowserSession

    beforeAll(async () => {
      s = await openPlanner({ width: 1280, height: 720, colorScheme: theme })
    })
    afterAll(async () => {
      await s?.close()
    })
    beforeEach(() => freshDocument(s, { width: 1280, height: 720 }))

    it.skipIf(isE2eSkipped).each(['en', 'zh'] as const)(
      'prices in euros, the edition choice and the tornado show whole (%s)',
      async (lang) => {
        const { page } = s
        if (lang === 'zh') await page.getByTestId('lang-zh').click()
        // The filter matches keys in every language.
        await setAssumption(page, 'finance.currency', 'finance.currency', 'EUR')
        await setAssumption(page, 'finance.usdToCurrency', 'finance.usdToCurrency', '0.92')
        // A changed price too: its reference sits on the changed field's tint.
        await setAssumption(page, 'vmware.usdPerCoreYear.vcf', 'vmware.usdPerCoreYear.vcf', '300')
        const vcf = page.locator('[data-key="vmware.usdPerCoreYear.vcf"]')
        await expect.poll(() => vcf.getAttribute('class')).toContain('changed')
        await page.getByTestId('inspector-filter').fill('')
        await page.locator('[data-key="vmware.edition"]').scrollIntoViewIfNeeded()
        // 300 EUR ÷ 0.92 = 326.086956522 USD, shown as 300 again.
        expect(await vcf.locator('input').inputValue()).toBe('300')
        expect(await seriousAxeViolations(page)).toEqual([])
        const found: Record<string, string[]> = {}
        for (const size of SIZES) {
          await page.setViewportSize(size)
          const name = `${size.width}x${size.height}-${theme}-${lang}`
          // The VMware group: the edition choice and the prices in euros with their dollar reference.
          await page.locator('[data-key="vmware.edition"]').scrollIntoViewIfNeeded()
          await page.waitForTimeout(150)
          // The dollar reference of a price is in sight without focusing the field.
          expect(
            await page
              .locator('[data-key="vmware.usdPerCoreYear.vvs"] [data-testid="price-default"]')
              .isVisible()
          ).toBe(true)
          const cut = await cutTexts(page)
          if (cut.length) found[name] = cut
          await screenshot(page, `screens-vmware-${name}`)
          await page.getByTestId('tab-sensitivity').click()
          await page.locator('[data-testid="tornado"]').waitFor({ timeout: 20_000 })
          await page.locator('[data-testid="tornado"]').scrollIntoViewIfNeeded()
          await page.waitForTimeout(250)
          await screenshot(page, `screens-tornado-${name}`)
        }
        expect(found).toEqual({})
        await page.getByTestId('export').click()
        await page.getByTestId('export-report').click()
        const tornado = page.getByTestId('report-tornado')
        await tornado.locator('.chart-frame canvas').waitFor({ timeout: 20_000 })
        await tornado.scrollIntoViewIfNeeded()
        await screenshot(page, `screens-report-tornado-1920x1080-${theme}-${lang}`)
        expect(s.errors).toEqual([])
      }
    )
  }
)
