import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { ROOT } from './browser'

export interface AxeFinding {
  id: string
  impact: string
  help: string
  targets: string[]
}

const AXE_SCRIPT = join(ROOT, 'node_modules/axe-core/axe.min.js')

/**
 * Runs axe-core on the page as it is now and returns the critical and serious violations, each with the
 * selectors of the elements it found (so a failure says where to look).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const hasAxe = await page.evaluate('typeof window.axe !== "undefined"')
  // The page's CSP refuses inline scripts (addScriptTag), so axe is evaluated through the debugger protocol.
  if (!hasAxe) await page.evaluate(`${await readFile(AXE_SCRIPT, 'utf8')};true`)
  const findings = (await page.evaluate(`(async () => {
    const result = await window.axe.run(document, {
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true } },
    })
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ')),
      }))
  })()`)) as AxeFinding[]
  return findings
}
