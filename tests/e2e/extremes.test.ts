import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { CATALOG, createDefaultPlan, serializePlanFile, type Plan } from '../../models/index'
import {
  type BrowserSession,
  freshDocument,
  headlineText,
  isE2eSkipped,
  openPlanner,
  screenshot,
} from '../support/browser'

// The states UI.md asks to be designed, not merely survived: the smallest and the largest fleet the catalog
// allows, and every price at zero. Each is opened as a planning file and every tab is looked at.

const TABS = ['breakdown', 'power', 'storage', 'capabilities', 'sensitivity', 'uncertainty'] as const

/** Text a user must never see where a number belongs. */
const BROKEN = /\b(NaN|Infinity|undefined)\b|\bnull\b/

async function openPlan(s: BrowserSession, plan: Plan, file: string): Promise<void> {
  const path = join(s.downloadsDir, file)
  await writeFile(path, serializePlanFile(plan, { appVersion: '0.1.0', savedAt: new Date(0) }))
  const [chooser] = await Promise.all([
    s.page.waitForEvent('filechooser'),
    s.page.getByTestId('open').click(),
  ])
  await chooser.setFiles(path)
  await expect.poll(() => s.page.title()).toBe(`${file} — Stackplan`)
}

/** Opens every detail tab; the whole window's text must hold no broken number. */
async function everyTabReadable(page: Page, name: string): Promise<void> {
  expect(await page.locator('body').innerText()).not.toMatch(BROKEN)
  for (const tab of TABS) {
    await page.getByTestId(`tab-${tab}`).click()
    await page.waitForTimeout(100)
    const text = await page.locator('body').innerText()
    expect(text, `${name}, tab ${tab}`).not.toMatch(BROKEN)
    await screenshot(page, `extreme-${name}-${tab}`)
  }
}

describe.skipIf(isE2eSkipped)('extreme plans in Chromium', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1440, height: 900 })
  })
  afterAll(async () => {
    await s?.close()
  })
  // A fresh document for every case: no settings, no recovery snapshot left over.
  beforeEach(() => freshDocument(s))

  it('a single VM: the answer, the curves and every tab read sensibly', async () => {
    const plan = createDefaultPlan()
    plan.assumptions['fleet.vms'] = 1
    await openPlan(s, plan, 'one-vm.stackplan')
    expect(await headlineText(s.page)).toMatch(/^At 1 VM (VMware|OpenStack) costs \d/)
    await screenshot(s.page, 'extreme-one-vm')
    await everyTabReadable(s.page, 'one-vm')
    expect(s.errors).toEqual([])
  })

  it('a million VMs: the largest fleet the catalog allows', async () => {
    const plan = createDefaultPlan()
    plan.assumptions['fleet.vms'] = 1_000_000
    await openPlan(s, plan, 'million.stackplan')
    expect(await headlineText(s.page)).toMatch(/^At 1,000,000 VMs (VMware|OpenStack) costs \d/)
    expect(await s.page.getByTestId('fleet-size').inputValue()).toBe('1,000,000')
    await screenshot(s.page, 'extreme-million')
    await everyTabReadable(s.page, 'million')
    expect(s.errors).toEqual([])
  })

  it('every price at zero: both platforms cost nothing, and the window says so without dividing by it', async () => {
    const plan = createDefaultPlan()
    const zeroed: string[] = []
    for (const a of CATALOG) {
      if (a.kind === 'number' && /USD/.test(a.unit) && a.min <= 0 && !a.minExclusive) {
        plan.assumptions[a.key] = 0
        zeroed.push(a.key)
      }
    }
    // Licences, salaries, hardware, storage, support, power: the catalog's money inputs.
    expect(zeroed).toEqual(
      expect.arrayContaining([
        'vmware.usdPerCoreYear.vcf',
        'staff.salaryUsd',
        'host.capexUsd',
        'power.usdPerKwh',
      ])
    )
    await openPlan(s, plan, 'free.stackplan')
    expect(await headlineText(s.page)).toContain('At 1,000 VMs both platforms cost the same a year')
    expect(await headlineText(s.page)).toContain('Both cost the same from 10 to 100,000 VMs.')
    await screenshot(s.page, 'extreme-free')
    await everyTabReadable(s.page, 'free')
    expect(s.errors).toEqual([])
  })
})
