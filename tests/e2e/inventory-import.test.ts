import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type BrowserSession,
  freshDocument,
  headlineText,
  isE2eSkipped,
  openPlanner,
  screenshot,
} from '../support/browser'
import { rvtoolsWorkbook, sampleEstate, type FixtureVm } from '../support/rvtools-fixtures'

/** Drops files on the window as a user would from a file manager (a DataTransfer with File objects). */
async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }))
  const transfer = await page.evaluateHandle(`(() => {
    const dt = new DataTransfer()
    for (const f of ${JSON.stringify(payload)}) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))
      dt.items.add(new File([bytes], f.name))
    }
    return dt
  })()`)
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('body', type, { dataTransfer: transfer })
  }
}

/** The sample estate plus 1,200 more powered-on VMs in two sizes: 1,204 included VMs in all. */
function largerEstate(): { vms: FixtureVm[]; hosts: ReturnType<typeof sampleEstate>['hosts'] } {
  const { vms, hosts } = sampleEstate()
  for (let i = 0; i < 1200; i++) {
    vms.push({
      name: `app-${i}`,
      powerstate: 'poweredOn',
      cpus: i % 3 ? 2 : 8,
      memoryMib: i % 3 ? 8192 : 32768,
      provisionedMib: 102400,
    })
  }
  return { vms, hosts }
}

describe.skipIf(isE2eSkipped)('inventory import in Chromium', () => {
  let s: BrowserSession

  beforeAll(async () => {
    s = await openPlanner({ width: 1440, height: 900 })
  })
  afterAll(async () => {
    await s?.close()
  })
  beforeEach(() => freshDocument(s))

  it('drops a workbook, reads the summary, uses it, and the headline speaks of the imported fleet', async () => {
    const { page } = s
    const { vms, hosts } = largerEstate()
    expect(await headlineText(page)).toContain('At 1,000 VMs')
    await dropFiles(page, [
      { name: 'RVTools_export_all.xlsx', bytes: await rvtoolsWorkbook(vms, hosts, { extraColumns: 80 }) },
    ])
    const dialog = page.getByTestId('inventory-dialog')
    await dialog.getByTestId('inventory-summary').waitFor()
    // 1,207 rows: 1,204 powered on, 2 powered off, 1 template; 16 + 1,200 × (2 or 8) vCPU…
    expect(await dialog.getByTestId('inventory-rows').innerText()).toBe('1,207')
    const included = await dialog.getByTestId('inventory-included').innerText()
    // vCPU: 16 + 800 × 2 + 400 × 8 = 4,816; RAM: 88 + 800 × 8 + 400 × 32 = 19,288 GiB; disk 700 + 1,200 × 100 = 120,700 GiB.
    expect(included).toBe('Included: 1,204 VMs, 4,816 vCPU, 19,288 GiB RAM, 120,700 GiB provisioned disk')
    // 128 licensed cores × USD 350 (VCF list) = 44,800; the two 8-core CPUs pay for 16.
    expect((await dialog.getByTestId('inventory-licence').innerText()).replace(/\s/g, ' ')).toBe(
      'Renewing these 4 hosts (7 CPUs, 112 cores) licenses 128 cores: USD 44,800 a year on VMware Cloud Foundation at list. 2 CPUs with fewer than 16 cores pay for 16.'
    )
    expect(await dialog.getByTestId('inventory-privacy').innerText()).toContain(
      'never VM or host names, IP addresses'
    )
    // No name from the file reaches the dialog.
    expect(await dialog.innerText()).not.toContain('web-01')
    await screenshot(page, 'inventory-summary')

    // Also plan on the hosts: 2 of the 4 hosts are 2 × 16 cores with 512 GiB. Their CPU usage, 33.6 busy cores
    // (32 × 40 % + 32 × 20 % + 16 × 30 % + 32 × 30 %) for 4,816 vCPU = 0.7 %, below the 1 % minimum.
    const hostsOption = dialog.getByTestId('inventory-use-hosts')
    expect(await dialog.getByTestId('inventory-also').innerText()).toContain(
      'These hosts’ hardware: 2 × 16 cores and 512 GiB RAM per host, the most common configuration (2 of 4 hosts)'
    )
    expect((await dialog.getByTestId('inventory-peak-basis').innerText()).replace(/\s/g, ' ')).toBe(
      '33.6 physical cores busy now for 4,816 included vCPU (4 hosts’ CPU usage when the export was taken; the weekly peak is higher). Memory usage is not applied: the model sizes RAM by what VMs are given. 0.7 % is outside the allowed range, so the plan gets 1 %.'
    )
    // Keyboard: focus the checkbox and tick it with Space, like a user tabbing through the dialog.
    await hostsOption.focus()
    await page.keyboard.press('Space')
    expect(await hostsOption.isChecked()).toBe(true)
    await dialog.getByTestId('inventory-use-peak').check()

    await dialog.getByTestId('inventory-use').click()
    await dialog.waitFor({ state: 'detached' })
    expect(await headlineText(page)).toContain('At 1,204 VMs')
    expect(await page.getByTestId('headline-estate').innerText()).toMatch(
      /^Workload: the 1,204 VMs imported from RVTools_export_all\.xlsx on .+, in 5 size classes\.$/
    )
    await screenshot(page, 'inventory-used')
    const field = (key: string) => page.locator(`[data-key="${key}"] input`).inputValue()
    // RAM per VM: 19,288 GiB / 1,204 = 16.0199… shown rounded, 16; the hosts and the peak came with it.
    expect(await field('workload.ramGibPerVm')).toBe('16')
    expect(await field('host.coresPerSocket')).toBe('16')
    expect(await field('host.ramGib')).toBe('512')
    expect(await field('workload.peakCpuUtilization')).toBe('1')
    // One undoable edit: Undo brings the fleet and the host hardware back.
    await page.getByTestId('undo').click()
    expect(await headlineText(page)).toContain('At 1,000 VMs')
    expect(await field('host.coresPerSocket')).toBe('32')
    expect(await field('host.ramGib')).toBe('1024')
    expect(s.errors).toEqual([])
  })

  it('shows one clear message for a file it cannot use, and leaves the plan as it was', async () => {
    const { page } = s
    await dropFiles(page, [
      {
        name: 'RVTools.xls',
        bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      },
    ])
    const message = page.getByTestId('inventory-error')
    await message.waitFor()
    expect(await message.innerText()).toBe(
      'RVTools.xls is an old binary Excel workbook (.xls). Open it in Excel and save it as .xlsx.'
    )
    await screenshot(page, 'inventory-error')
    await page.getByTestId('inventory-close').click()
    expect(await headlineText(page)).toContain('At 1,000 VMs')
    expect(await page.getByTestId('undo').isDisabled()).toBe(true)
  })
})
