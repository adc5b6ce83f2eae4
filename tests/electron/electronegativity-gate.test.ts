import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

interface Finding {
  issue: string
  severity: string
  file: string
  location: string
  sample: string
}
interface Gate {
  parseCsv(text: string): string[][]
  isWholeReport(text: string, scannerOutput: string): boolean
  findingsFromCsv(text: string, target: string): Finding[]
  isAllowlisted(finding: Finding, allowlist: { issue: string; file: string }[]): boolean
}

const root = path.resolve(import.meta.dirname, '../..')
const gate = (await import(pathToFileURL(path.join(root, 'scripts/electronegativity.mjs')).href)) as Gate
const allowlist = JSON.parse(
  readFileSync(path.join(root, 'build/electronegativity-allowlist.json'), 'utf8')
) as {
  entries: { issue: string; file: string; reason: string }[]
}

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url\n'
const CONTEXT_ROW =
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/main-window.ts","30:14","const win = new BrowserWindow({","Review the use of the contextIsolation option",https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK\n'
const QUOTED_ROW =
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/a.ts","1:2","shell.openExternal(""x"", y)","Review, please",https://x\n'

describe('Electronegativity report parsing', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    const [, row] = gate.parseCsv(HEADER + QUOTED_ROW)
    expect(row?.[5]).toBe('shell.openExternal("x", y)')
    expect(row?.[6]).toBe('Review, please')
    expect(row).toHaveLength(8)
  })

  it('prefixes files with the scanned folder', () => {
    const [finding] = gate.findingsFromCsv(HEADER + CONTEXT_ROW, 'electron')
    expect(finding).toMatchObject({
      issue: 'CONTEXT_ISOLATION_JS_CHECK',
      severity: 'HIGH',
      file: 'electron/main/main-window.ts',
      location: '30:14',
    })
  })

  it.each([
    ['a whole report', HEADER + CONTEXT_ROW + QUOTED_ROW, '', true],
    ['an empty report the scanner confirms', HEADER, 'No issues were found.', true],
    ['an empty report the scanner does not confirm (rows truncated away)', HEADER, 'table…', false],
    [
      'a first row overwritten by the header (the scanner’s write race)',
      HEADER + 'lf\'; script-src \'self\'","x",https://x\n' + QUOTED_ROW,
      '',
      false,
    ],
    ['no header', CONTEXT_ROW, '', false],
    ['an unknown severity', HEADER + CONTEXT_ROW.replace('"HIGH"', '"SEVERE"'), '', false],
  ])('%s → %s', (_name, text, output, expected) => {
    expect(gate.isWholeReport(text, output)).toBe(expected)
  })
})

describe('the allowlist', () => {
  it('gives every entry a real reason that says where the truth is tested', () => {
    expect(allowlist.entries.length).toBeGreaterThan(0)
    for (const entry of allowlist.entries) {
      expect(entry.reason.length).toBeGreaterThan(40)
      expect(entry.reason).toMatch(/tests\/electron\/[\w-]+\.test\.ts/)
    }
  })

  it('matches on issue and file only, so a different HIGH finding still fails the gate', () => {
    const [finding] = gate.findingsFromCsv(HEADER + CONTEXT_ROW, 'electron')
    expect(gate.isAllowlisted(finding as Finding, allowlist.entries)).toBe(true)
    const elsewhere = { ...(finding as Finding), file: 'electron/main/other-window.ts' }
    expect(gate.isAllowlisted(elsewhere, allowlist.entries)).toBe(false)
    const otherIssue = { ...(finding as Finding), issue: 'NODE_INTEGRATION_JS_CHECK' }
    expect(gate.isAllowlisted(otherIssue, allowlist.entries)).toBe(false)
  })
})
