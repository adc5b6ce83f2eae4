import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type BrowserSession, freshDocument, isE2eSkipped, openPlanner } from '../support/browser'

/** What has focus: its data-testid, else its tag and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const el = document.activeElement
    if (!el) return ''
    return el.dataset.testid || el.tagName.toLowerCase() + ':' + (el.textContent || '').trim()
  })()`) as Promise<string>
}

/** True when focus sits inside the element matched by `selector`. */
function focusInside(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(
    `!!document.querySelector(${JSON.stringify(selector)})?.contains(document.activeElement)`
  ) as Promise<boolean>
}

describe.skipIf(isE2eSkipped)('keyboard only', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1440, height: 900 })
  })
  afterAll(async () => {
    await s?.close()
  })
  beforeEach(() => freshDocument(s))

  it('the Export menu opens and moves with the arrow keys and Escape returns focus to its button', async () => {
    const { page } = s
    await page.getByTestId('export').focus()
    await page.keyboard.press('ArrowDown')
    expect(await page.locator('[role="menu"]').count()).toBe(1)
    expect(await focused(page)).toBe('export-report')
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe('export-xlsx')
    // Up twice from the second item wraps to the last enabled one (the samples CSV waits for a run).
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    expect(await focused(page)).toBe('export-csv')
    await page.keyboard.press('Home')
    expect(await focused(page)).toBe('export-report')
    await page.keyboard.press('Escape')
    expect(await page.locator('[role="menu"]').count()).toBe(0)
    expect(await focused(page)).toBe('export')
    // ArrowUp on the button opens the menu on its last item.
    await page.keyboard.press('ArrowUp')
    expect(await focused(page)).toBe('export-csv')
    await page.keyboard.press('Escape')
    expect(await focused(page)).toBe('export')
    expect(s.errors).toEqual([])
  })

  it('the scenario ⋯ menu opens with Enter, moves with the arrows and Escape returns focus', async () => {
    const { page } = s
    await page.getByTestId('scenario-menu').first().focus()
    await page.keyboard.press('Enter')
    expect(await focused(page)).toBe('button:Rename')
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe('scenario-duplicate')
    // Move left, move right and delete are disabled with a single scenario, so End lands on Duplicate.
    await page.keyboard.press('End')
    expect(await focused(page)).toBe('scenario-duplicate')
    await page.keyboard.press('Escape')
    expect(await page.locator('[role="menu"]').count()).toBe(0)
    expect(await focused(page)).toBe('scenario-menu')
    // ArrowDown on the button opens the menu on Rename; one more reaches Duplicate, Enter runs it.
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe('button:Rename')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('scenario-tab').count()).toBe(2)
  })

  it('the report keeps focus inside it, closes with Escape and gives focus back to Export', async () => {
    const { page } = s
    await page.getByTestId('export').focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.getByTestId('report').waitFor()
    expect(await focused(page)).toBe('report-close')
    // The toolbar holds the paper picker, the PDF button and Close: Tab cycles among them and never leaves.
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab')
      expect(await focusInside(page, '[data-testid="report"]')).toBe(true)
    }
    await page.getByTestId('report-paper').focus()
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('report-close')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('report-paper')
    await page.keyboard.press('Escape')
    expect(await page.getByTestId('report').count()).toBe(0)
    expect(await focused(page)).toBe('export')
  })

  it('the inspector reaches its last group in a few keys: a skip list and arrows between group headings', async () => {
    const { page } = s
    await page.getByTestId('inspector-filter').focus()
    // Filter → the legend of marks, then Fleet, Hosts, VMware, OpenStack, Staff, Storage, Power & money,
    // Stay or move: nine Tabs to the last group instead of one per field.
    for (let i = 0; i < 9; i++) await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('button:Stay or move')
    await page.keyboard.press('Enter')
    expect(await focusInside(page, '[data-group="transition"] .group-head')).toBe(true)
    await page.keyboard.press('ArrowUp')
    expect(await focusInside(page, '[data-group="power"] .group-head')).toBe(true)
    await page.keyboard.press('Home')
    expect(await focusInside(page, '[data-group="workload"] .group-head')).toBe(true)
    await page.keyboard.press('End')
    expect(await focusInside(page, '[data-group="transition"] .group-head')).toBe(true)
    // From the heading, Tab enters the group's first field.
    await page.keyboard.press('Tab')
    expect(await focusInside(page, '[data-group="transition"] [data-key]')).toBe(true)
  })

  it('an assumption’s source opens under it from the keyboard', async () => {
    const { page } = s
    await page.getByTestId('inspector-filter').fill('OpenStack fixed staff')
    const toggle = page.locator('[data-key="staff.openstack.fixedFte"] [data-testid="source-toggle"]')
    await toggle.focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.locator('[data-key="staff.openstack.fixedFte"] [data-testid="source"]').innerText())
      .toContain('Mirantis, 2016-12-19')
    await page.keyboard.press('Space')
    expect(await page.locator('[data-testid="source"]').count()).toBe(0)
  })
})
