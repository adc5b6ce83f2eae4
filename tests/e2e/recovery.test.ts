import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, isE2eSkipped, MISSING_CHROMIUM, screenshot, serveWeb } from '../support/browser'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  })
}

/** Kills every Chromium process of this profile with SIGKILL: a crash, with no chance to save or unload. */
function killHard(profile: string): number {
  const pids = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`--user-data-dir=${profile}`))
    .map((line) => Number.parseInt(line.trim(), 10))
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid)
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone with its parent
    }
  }
  return pids.length
}

describe.skipIf(isE2eSkipped)('crash recovery in Chromium', () => {
  const cleanup: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined)
  })

  it('brings an unsaved edit back after the browser is killed, marked unsaved', async () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(MISSING_CHROMIUM)
    // The server outlives the browser: the page comes back on the same origin, as an app would.
    const server = await serveWeb()
    cleanup.push(server.close)
    const profile = await mkdtemp(join(tmpdir(), 'stackplan-crash-'))
    cleanup.push(() => rm(profile, { recursive: true, force: true }))

    const first = await launch(profile)
    const page = first.pages()[0] ?? (await first.newPage())
    await page.goto(server.url + '?files=classic')
    await page.getByTestId('fleet-size').fill('2500')
    await page.getByTestId('fleet-size').press('Enter')
    await expect.poll(() => page.getByTestId('headline').innerText()).toContain('2,500 VMs')
    // The snapshot is taken about a second after the edit; Chromium then writes local storage to disk
    // in batches, so give it a few seconds before pulling the plug.
    await page.waitForTimeout(8000)
    expect(killHard(profile)).toBeGreaterThan(0)
    await first.close().catch(() => undefined)

    const second = await launch(profile)
    cleanup.push(() => second.close())
    const again = second.pages()[0] ?? (await second.newPage())
    await again.goto(server.url + '?files=classic')
    const dialog = again.getByTestId('dialog')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('Recover unsaved work?')
    await screenshot(again, 'recovery-offered')
    await again.getByTestId('dialog-recover').click()
    await expect.poll(() => again.getByTestId('headline').innerText()).toContain('2,500 VMs')
    expect(await again.getByTestId('fleet-size').inputValue()).toBe('2,500')
    expect(await again.title()).toMatch(/^•/)
    await screenshot(again, 'recovery-restored')
  })
})
