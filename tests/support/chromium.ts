import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Debian's and Ubuntu's Chromium package. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/**
 * The Chromium the end-to-end tests drive, first found of: $STACKPLAN_CHROMIUM, the system package at
 * /usr/bin/chromium, Playwright's own build in the user's cache (`npx playwright-core install chromium`
 * puts it in ~/.cache/ms-playwright). Null when there is none.
 */
export function findChromium(): string | null {
  const candidates = [process.env.STACKPLAN_CHROMIUM, SYSTEM_CHROMIUM, playwrightChromium()]
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null
}

/** Where Playwright keeps its Chromium build for this playwright-core version (it may not be there). */
export function playwrightChromium(): string | null {
  try {
    return chromium.executablePath()
  } catch {
    return null
  }
}

export const MISSING_CHROMIUM =
  'Chromium not found: not at $STACKPLAN_CHROMIUM, not at /usr/bin/chromium, and Playwright’s own build ' +
  'could not be downloaded (`npx playwright-core install chromium`). Install it with ' +
  '`apt-get install chromium` (Debian) or run that command where the download is allowed, ' +
  'or set STACKPLAN_E2E=skip to opt out explicitly'
