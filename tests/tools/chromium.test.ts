import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findChromium, playwrightChromium, SYSTEM_CHROMIUM } from '../support/chromium'

describe('which Chromium the end-to-end tests drive', () => {
  const saved = process.env.STACKPLAN_CHROMIUM
  afterEach(() => {
    if (saved === undefined) delete process.env.STACKPLAN_CHROMIUM
    else process.env.STACKPLAN_CHROMIUM = saved
  })

  it('takes $STACKPLAN_CHROMIUM first when that file exists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stackplan-chromium-'))
    const fake = join(dir, 'chrome')
    await writeFile(fake, '')
    process.env.STACKPLAN_CHROMIUM = fake
    try {
      expect(findChromium()).toBe(fake)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('ignores a $STACKPLAN_CHROMIUM that does not exist and falls back in order', () => {
    process.env.STACKPLAN_CHROMIUM = join(tmpdir(), 'no-such-dir', 'chrome')
    const cached = playwrightChromium()
    const expected = existsSync(SYSTEM_CHROMIUM)
      ? SYSTEM_CHROMIUM
      : cached && existsSync(cached)
        ? cached
        : null
    expect(findChromium()).toBe(expected)
  })

  it('knows where Playwright keeps its own build, in the user’s cache', () => {
    expect(playwrightChromium()).toMatch(/ms-playwright/)
  })
})
