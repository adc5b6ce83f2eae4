import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createDefaultPlan, evaluatePlan, type Plan } from '../../models/index'
import {
  type BrowserSession,
  freshDocument,
  headlineText,
  isE2eSkipped,
  openPlanner,
  screenshot,
} from '../support/browser'

const VCF = 'vmware.usdPerCoreYear.vcf'

async function setAssumption(page: Page, filter: string, key: string, text: string): Promise<void> {
  await page.getByTestId('inspector-filter').fill(filter)
  const input = page.locator(`[data-key="${key}"] input`)
  await input.scrollIntoViewIfNeeded()
  await input.fill(text)
  await input.press('Enter')
}

/** The default plan shown in euros at 0.92, with `assumptions` on top: the model's annual gap in euros. */
function modelGapEur(assumptions: Plan['assumptions']): number {
  const plan = createDefaultPlan()
  plan.assumptions = { 'finance.currency': 'EUR', 'finance.usdToCurrency': 0.92, ...assumptions }
  return Math.abs(evaluatePlan(plan, {}).gapAnnual)
}

/** The gap the headline names in brackets, "(EUR 74.7k)", as a number of euros. */
async function headlineGapEur(page: Page): Promise<number> {
  const match = /\(EUR ([\d.,]+)(k|M)?\)/.exec(await headlineText(page))
  if (!match) return Number.NaN
  const scale = match[2] === 'k' ? 1e3 : match[2] === 'M' ? 1e6 : 1
  return Number(match[1]!.replaceAll(',', '')) * scale
}

/** Whether the headline's gap is the model's, at the three significant digits it is written with. */
async function headlineShows(page: Page, gapEur: number): Promise<boolean> {
  return Math.abs((await headlineGapEur(page)) - gapEur) <= gapEur * 0.005
}

describe.skipIf(isE2eSkipped)('a price typed in the plan’s currency, in Chromium', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1280, height: 720 })
  })
  afterAll(async () => {
    await s?.close()
  })
  beforeEach(() => freshDocument(s, { width: 1280, height: 720 }))

  it('switches to EUR, takes a VCF price of 100 EUR, stores its dollars and moves the headline', async () => {
    const { page } = s
    await setAssumption(page, 'currency', 'finance.currency', 'EUR')
    await setAssumption(page, 'Exchange rate', 'finance.usdToCurrency', '0.92')
    // Results and headline are in euros at 0.92 EUR per USD.
    await expect.poll(() => headlineShows(page, modelGapEur({}))).toBe(true)

    await page.getByTestId('inspector-filter').fill('VCF price')
    const field = page.locator(`[data-key="${VCF}"]`)
    const input = field.locator('input')
    // 350 USD × 0.92 = 322 EUR, with the dollar default beside it.
    expect(await input.inputValue()).toBe('322')
    expect((await field.getByTestId('price-default').innerText()).replace(/\s+/g, ' ').trim()).toBe(
      'default USD 350 ≈ EUR 322'
    )
    // The group's note says the dollar list prices are shown converted.
    await expect
      .poll(() => page.getByText('shown and typed here in EUR at the plan’s exchange rate').count())
      .toBe(1)
    const before = await headlineText(page)
    await input.fill('100')
    await input.press('Enter')
    // 100 EUR ÷ 0.92 = 108.695652174 USD (12 significant digits) is what the model prices.
    await expect.poll(() => headlineShows(page, modelGapEur({ [VCF]: 108.695652174 }))).toBe(true)
    expect(await headlineText(page)).not.toBe(before)
    expect(await input.inputValue()).toBe('100')
    await screenshot(page, 'price-in-euros-1280x720')

    // The file keeps dollars.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()])
    const path = join(s.downloadsDir, 'euros.stackplan')
    await download.saveAs(path)
    const saved = JSON.parse(await readFile(path, 'utf8')) as { plan: Plan }
    expect(saved.plan.assumptions[VCF]).toBe(108.695652174)
    expect(saved.plan.assumptions['finance.currency']).toBe('EUR')
    expect(s.errors).toEqual([])
  })

  it('refuses a price above the range with the range in euros', async () => {
    const { page } = s
    await setAssumption(page, 'currency', 'finance.currency', 'EUR')
    await setAssumption(page, 'Exchange rate', 'finance.usdToCurrency', '0.92')
    await setAssumption(page, 'VCF price', VCF, '9300')
    const problem = page.locator(`[data-key="${VCF}"]`).getByTestId('problem')
    // The catalog allows 0–10,000 USD: 0–9,200 EUR at 0.92.
    expect((await problem.innerText()).replace(/\s+/g, ' ')).toBe(
      'VCF price = EUR 9,300 is out of range (allowed: EUR 0 to EUR 9,200).'
    )
  })
})
