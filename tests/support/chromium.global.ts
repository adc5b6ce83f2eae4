import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { findChromium } from './chromium'

/**
 * Vitest global setup of the end-to-end project: on a machine without Chromium it installs Playwright's
 * build into the user's cache (`playwright-core install chromium`, once) when it can be downloaded. When it
 * cannot, the tests fail with MISSING_CHROMIUM rather than being skipped.
 */
export default function ensureChromium(): void {
  if (process.env.STACKPLAN_E2E === 'skip' || findChromium()) return
  // playwright-core exports no ./cli subpath; its cli.js sits beside package.json.
  const cli = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js')
  process.stdout.write('Chromium not found: installing Playwright’s Chromium into the user cache…\n')
  const run = spawnSync(process.execPath, [cli, 'install', 'chromium'], {
    stdio: 'inherit',
    timeout: 600_000,
  })
  if (run.status !== 0 || !findChromium()) {
    process.stdout.write('Could not download Chromium; the end-to-end tests will say how to install it.\n')
  }
}
