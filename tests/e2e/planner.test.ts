import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { computeCurves, createDefaultPlan, serializePlanFile } from '../../models/index'
import {
  type BrowserSession,
  canvasFingerprint,
  canvasInkPixels,
  freshDocument,
  headlineText,
  isE2eSkipped,
  nextFrames,
  openPlanner,
  screenshot,
  screenshotLuminance,
} from '../support/browser'

const CHART = '[data-testid="curves-chart"]'
const VCF_PRICE = '[data-key="vmware.usdPerCoreYear.vcf"] input'

async function setAssumption(page: Page, selector: string, text: string): Promise<void> {
  const input = page.locator(selector)
  await input.scrollIntoViewIfNeeded()
  await input.fill(text)
  await input.press('Enter')
}

/** Waits for the chart to show different pixels than `before` (it redraws on the next frame). */
async function waitForRedraw(page: Page, before: string): Promise<string> {
  await expect.poll(() => canvasFingerprint(page, CHART)).not.toBe(before)
  return canvasFingerprint(page, CHART)
}

describe.skipIf(isE2eSkipped)('the planner in Chromium', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1440, height: 900 })
  })
  afterAll(async () => {
    await s?.close()
  })
  // A fresh document for every case: no settings, no recovery snapshot left over.
  beforeEach(() => freshDocument(s))

  it('loads without console errors and draws the cost curves', async () => {
    const { page } = s
    await expect.poll(() => canvasInkPixels(page, CHART)).toBeGreaterThan(5000)
    expect(await headlineText(page)).toMatch(/At 1,000 VMs (VMware|OpenStack) costs/)
    expect(await page.title()).toBe('Untitled plan — Stackplan')
    await screenshot(page, 'window-1440x900')
    await page.setViewportSize({ width: 1280, height: 800 })
    await nextFrames(page)
    await screenshot(page, 'window-1280x800')
    expect(s.errors).toEqual([])
  })

  it('changing the fleet size changes the headline and the curves', async () => {
    const { page } = s
    const before = await canvasFingerprint(page, CHART)
    const fleet = page.getByTestId('fleet-size')
    await fleet.fill('20000')
    await fleet.press('Enter')
    await expect.poll(() => headlineText(page)).toContain('At 20,000 VMs')
    expect(await waitForRedraw(page, before)).not.toBe(before)
    expect(await page.title()).toBe('• Untitled plan — Stackplan')
    await screenshot(page, 'fleet-20000')
  })

  it('a VCF price of 0 makes VMware the cheaper platform', async () => {
    const { page } = s
    await page.getByTestId('inspector-filter').fill('VCF price')
    await setAssumption(page, VCF_PRICE, '0')
    await expect.poll(() => headlineText(page)).toMatch(/At 1,000 VMs VMware costs/)
    await expect
      .poll(() => page.locator('[data-key="vmware.usdPerCoreYear.vcf"]').getAttribute('class'))
      .toContain('changed')
    await screenshot(page, 'vcf-price-zero')
  })

  it('an invalid value shows an inline message naming the range and leaves the chart as it was', async () => {
    const { page } = s
    await page.getByTestId('inspector-filter').fill('VCF')
    const chartBefore = await canvasFingerprint(page, CHART)
    const headlineBefore = await headlineText(page)
    await setAssumption(page, VCF_PRICE, '-3')
    const problem = page.locator('[data-key="vmware.usdPerCoreYear.vcf"] [data-testid="problem"]')
    await problem.waitFor()
    expect(await problem.innerText()).toContain('0 to 10,000')
    // A redraw would land on the next frame; two frames later the chart must be as it was.
    await nextFrames(page)
    expect(await canvasFingerprint(page, CHART)).toBe(chartBefore)
    expect(await headlineText(page)).toBe(headlineBefore)
    expect(await page.getByTestId('undo').isDisabled()).toBe(true)
    await screenshot(page, 'invalid-value')
  })

  it('adds and duplicates scenarios, each drawn with its own dash', async () => {
    const { page } = s
    await page.getByTestId('scenario-add').click()
    await expect.poll(() => page.getByTestId('scenario-tab').count()).toBe(2)
    await page.getByTestId('inspector-filter').fill('Edition')
    await page.locator('[data-key="vmware.edition"] select').selectOption('vvf')
    await page.getByTestId('scenario-menu').nth(1).click()
    await page.getByTestId('scenario-duplicate').click()
    await expect.poll(() => page.getByTestId('scenario-tab').count()).toBe(3)
    const names = await page.getByTestId('scenario-tab').allInnerTexts()
    expect(names.map((n) => n.replace(/\s+/g, ' ').trim())).toEqual([
      'Baseline base',
      'Scenario',
      'Scenario copy',
    ])
    expect(await page.getByTestId('scenario-differences').innerText()).toContain('VVF')
    await screenshot(page, 'scenarios')
  })

  it('undoes and redoes with the keyboard and the toolbar', async () => {
    const { page } = s
    await page.getByTestId('inspector-filter').fill('VCF price')
    await setAssumption(page, VCF_PRICE, '200')
    await expect.poll(() => page.locator(VCF_PRICE).inputValue()).toBe('200')
    await page.locator('body').click({ position: { x: 5, y: 880 } })
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator(VCF_PRICE).inputValue()).toBe('350')
    expect(await page.title()).toBe('Untitled plan — Stackplan')
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => page.locator(VCF_PRICE).inputValue()).toBe('200')
    await page.getByTestId('undo').click()
    await expect.poll(() => page.locator(VCF_PRICE).inputValue()).toBe('350')
    await page.getByTestId('redo').click()
    await expect.poll(() => page.locator(VCF_PRICE).inputValue()).toBe('200')
    await screenshot(page, 'undo-redo')
  })

  it('switches to Simplified Chinese', async () => {
    const { page } = s
    await page.getByTestId('lang-zh').click()
    await expect.poll(() => page.getByTestId('new').innerText()).toBe('新建')
    expect(await headlineText(page)).toMatch(/在 1,000 台虚拟机时/)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await page.getByTestId('tab-power').click()
    await page.getByTestId('tab-power').and(page.locator('[aria-selected="true"]')).waitFor()
    await nextFrames(page)
    await screenshot(page, 'chinese')

    // A selected curve point and the inspector's chip are worded in Chinese too.
    const box = await page.locator(CHART).locator('canvas').boundingBox()
    if (!box) throw new Error('no cost chart')
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.78)
    await expect.poll(() => page.getByTestId('curve-selection').innerText()).toMatch(/台虚拟机：/)
    // The drivers are found in the analysis worker: "正在查找…" first, then the answer.
    await expect
      .poll(() => page.getByTestId('inspector-drivers').innerText())
      .toMatch(/^正在显示影响“(VMware|OpenStack)”的假设（[\d,]+ 台虚拟机处）/)
    await screenshot(page, 'chinese-curve-point')
    expect(s.errors).toEqual([])
  })

  it('saves a plan as a download and opens it again by upload', async () => {
    const { page } = s
    await page.getByTestId('plan-name').click()
    await page.getByLabel('Plan name').fill('Renewal 2026')
    await page.getByLabel('Plan name').press('Enter')
    await page.getByTestId('fleet-size').fill('2500')
    await page.getByTestId('fleet-size').press('Enter')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()])
    expect(download.suggestedFilename()).toBe('Renewal 2026.stackplan')
    const path = join(s.downloadsDir, 'saved.stackplan')
    await download.saveAs(path)
    const saved = JSON.parse(await readFile(path, 'utf8')) as { format: string; plan: { name: string } }
    expect(saved.format).toBe('stackplan')
    expect(saved.plan.name).toBe('Renewal 2026')
    await expect.poll(() => page.title()).toBe('Renewal 2026.stackplan — Stackplan')

    // Change the document, then open the saved file over it: the guard asks first.
    await page.getByTestId('fleet-size').fill('40')
    await page.getByTestId('fleet-size').press('Enter')
    await page.getByTestId('open').click()
    await page.getByTestId('dialog').waitFor()
    await screenshot(page, 'unsaved-guard')
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('dialog-discard').click(),
    ])
    await chooser.setFiles(path)
    await expect.poll(() => headlineText(page)).toContain('At 2,500 VMs')
    expect(await page.getByTestId('plan-name').innerText()).toContain('Renewal 2026')
    expect(await page.title()).toBe('saved.stackplan — Stackplan')
    await screenshot(page, 'reopened')
  })

  it('shows a clear error for a file that is not a plan, and keeps the current document', async () => {
    const { page } = s
    const path = join(s.downloadsDir, 'notes.stackplan')
    await writeFile(path, 'these are my notes, not a plan')
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open').click()])
    await chooser.setFiles(path)
    const dialog = page.getByTestId('dialog')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('Could not open “notes.stackplan”')
    await screenshot(page, 'open-error')
    await page.getByTestId('dialog-ok').click()
    expect(await headlineText(page)).toContain('At 1,000 VMs')
  })

  it('renders a hostile plan name as text', async () => {
    const { page } = s
    const hostile = '<img src=x onerror=alert(1)>'
    const plan = createDefaultPlan()
    plan.name = hostile
    plan.scenarios[0]!.name = `<b>${hostile}</b>`
    const path = join(s.downloadsDir, 'hostile.stackplan')
    await writeFile(path, serializePlanFile(plan, { appVersion: '0.1.0', savedAt: new Date(0) }))
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open').click()])
    await chooser.setFiles(path)
    await expect.poll(() => page.getByTestId('plan-name').innerText()).toContain(hostile)
    expect(await page.getByTestId('scenario-tab').first().innerText()).toContain(`<b>${hostile}</b>`)
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('.toolbar b, .scenarios b').count()).toBe(0)
    await nextFrames(page)
    expect(dialogs).toEqual([])
    await screenshot(page, 'hostile-name')
  })

  it('opens a .stackplan file dropped on the window', async () => {
    const { page } = s
    const plan = createDefaultPlan()
    plan.name = 'Dropped plan'
    plan.assumptions['fleet.vms'] = 7000
    const text = serializePlanFile(plan, { appVersion: '0.1.0', savedAt: new Date(0) })
    await page.evaluate(`(() => {
      const data = new DataTransfer()
      data.items.add(new File([${JSON.stringify(text)}], 'dropped.stackplan', { type: 'application/json' }))
      for (const type of ['dragenter', 'dragover', 'drop']) {
        window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
      }
    })()`)
    await expect.poll(() => headlineText(page)).toContain('At 7,000 VMs')
    expect(await page.getByTestId('plan-name').innerText()).toContain('Dropped plan')
    expect(await page.title()).toBe('dropped.stackplan — Stackplan')
  })

  it('looks right in the dark theme and in every detail tab', async () => {
    const { page } = s
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.setViewportSize({ width: 1280, height: 800 })
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark')
    await nextFrames(page)
    // What the user sees: the dark window is mostly dark, the light one mostly light.
    const dark = await screenshotLuminance(page, await readFile(await screenshot(page, 'dark-1280x800')))
    expect(dark).toBeLessThan(0.25)
    await page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).not.toBe('dark')
    await nextFrames(page)
    expect(await screenshotLuminance(page, await page.screenshot())).toBeGreaterThan(0.75)
    for (const tab of ['breakdown', 'power', 'storage', 'capabilities']) {
      await page.getByTestId(`tab-${tab}`).click()
      await page.locator('.results').evaluate((el) => (el.scrollTop = el.scrollHeight))
      await nextFrames(page)
      await screenshot(page, `tab-${tab}`)
    }
    expect(s.errors).toEqual([])
  })

  it('a breakdown category shows the assumptions that drive it in the inspector', async () => {
    const { page } = s
    await page.getByTestId('tab-breakdown').click()
    const staff = page.getByTestId('breakdown-category-staff')
    await staff.focus()
    await page.keyboard.press('Enter')
    const chip = page.getByTestId('inspector-drivers')
    await expect.poll(() => chip.innerText()).toContain('Showing what drives Staff')
    const salary = page.locator('[data-key="staff.salaryUsd"]')
    await salary.waitFor()
    expect(await salary.isVisible()).toBe(true)
    expect(await page.locator('[data-key="host.capexUsd"]').count()).toBe(0)
    expect(await staff.getAttribute('aria-pressed')).toBe('true')
    await screenshot(page, 'linked-category')

    await page.getByTestId('inspector-show-all').click()
    await chip.waitFor({ state: 'detached' })
    await page.locator('[data-key="host.capexUsd"]').waitFor()

    // A segment of the stacked bars does the same: the VMware bar's first segment is licensing.
    const box = await page.getByTestId('breakdown-chart').locator('canvas').boundingBox()
    if (!box) throw new Error('no breakdown chart')
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.25)
    await expect.poll(() => chip.innerText()).toContain('Showing what drives VMware · Licensing')
    await page.locator('[data-key="vmware.usdPerCoreYear.vcf"]').waitFor()
    expect(s.errors).toEqual([])
  })

  it('clicking a cost curve selects that point, shows what drives it, and can make it the fleet size', async () => {
    const { page } = s
    const box = await page.locator(CHART).locator('canvas').boundingBox()
    if (!box) throw new Error('no cost chart')
    // Low in the plot at three quarters of the width: both curves are above the pointer (log cost axis),
    // so the nearer one, the cheaper platform at that fleet size, is selected.
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.78)
    const selection = page.getByTestId('curve-selection')
    await selection.waitFor()
    const text = (await selection.innerText()).replace(/\s+/g, ' ')
    const match = /^(VMware|OpenStack) at ([\d,]+) VMs: USD ([\d,]+) \(Annual\)/.exec(text)
    if (!match) throw new Error(`unexpected selection: ${text}`)
    const [, platformName, vmsText, usdText] = match as unknown as [string, string, string, string]
    const vms = Number(vmsText.replaceAll(',', ''))
    const curves = computeCurves(createDefaultPlan())
    const i = curves.vms.indexOf(vms)
    expect(i).toBeGreaterThan(0)
    const { vmware, openstack } = {
      vmware: curves.platforms.vmware.total[i]!,
      openstack: curves.platforms.openstack.total[i]!,
    }
    const cheaper = vmware <= openstack ? 'VMware' : 'OpenStack'
    expect(platformName).toBe(cheaper)
    expect(Number(usdText.replaceAll(',', ''))).toBe(Math.round(Math.min(vmware, openstack)))

    // The inspector shows that platform's drivers, named with the fleet size.
    const chip = page.getByTestId('inspector-drivers')
    await expect
      .poll(async () => (await chip.innerText()).replace(/\s+/g, ' '))
      .toContain(`Showing what drives ${platformName} at ${vmsText} VMs`)
    const otherOnly =
      cheaper === 'VMware' ? 'openstack.supportUsdPerNodeYear.advanced' : 'vmware.usdPerCoreYear.vcf'
    expect(await page.locator(`[data-key="${otherOnly}"]`).count()).toBe(0)
    expect(await page.locator('[data-key="staff.salaryUsd"]').count()).toBe(1)
    await screenshot(page, 'curve-point-selected')

    // Making it the fleet size is one undoable edit.
    await page.getByTestId('curve-selection-use').click()
    await expect.poll(() => headlineText(page)).toContain(`At ${vmsText} VMs`)
    expect(await page.getByTestId('curve-selection-use').count()).toBe(0)
    await page.keyboard.press('Control+z')
    await expect.poll(() => headlineText(page)).toContain('At 1,000 VMs')

    // ✕ clears the point and the inspector's narrowing together.
    await page.getByTestId('curve-selection-clear').click()
    await selection.waitFor({ state: 'detached' })
    await chip.waitFor({ state: 'detached' })
    expect(s.errors).toEqual([])
  })
})
