import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { exportResults, workbookTables } from '../../export/index'
import { buildWorkbook, xmlSafeText } from '../../export/workbook'
import { createDefaultPlan } from '../../models/index'

/** U+FFFE, U+FFFF, a C0 control, a lone high and a lone low surrogate: none is allowed in XML 1.0. */
const HOSTILE_NAME = 'Q3 \ufffe\uffff\u0001 plan \ud800 end \udc00'
const SAFE_NAME = 'Q3 \ufffd\ufffd\ufffd plan \ufffd end \ufffd'

async function hostileWorkbook(): Promise<Uint8Array> {
  const plan = createDefaultPlan()
  plan.name = HOSTILE_NAME
  const exportedAt = new Date('2026-03-01T10:00:00Z')
  return buildWorkbook(
    workbookTables({
      plan,
      ...exportResults(plan),
      sensitivity: null,
      monteCarlo: null,
      exportedAt,
      appVersion: '0.1.0',
    }),
    { createdAt: exportedAt }
  )
}

describe('XML-illegal characters in exported text', () => {
  it('are replaced by U+FFFD; tab, line breaks, emoji pairs and CJK stay', () => {
    expect(xmlSafeText(HOSTILE_NAME)).toBe(SAFE_NAME)
    expect(xmlSafeText('a\tb\nc\rd 😀 预算')).toBe('a\tb\nc\rd 😀 预算')
  })

  it('a plan named with them still gives a workbook exceljs reads back, showing U+FFFD', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await hostileWorkbook()) as unknown as ArrayBuffer)
    const summary = workbook.getWorksheet('Summary')
    expect(summary?.getRow(2).getCell(2).value).toBe(SAFE_NAME)
  })

  it('openpyxl (a strict XML reader) opens the same workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stackplan-xml-'))
    try {
      const file = join(dir, 'hostile.xlsx')
      writeFileSync(file, await hostileWorkbook())
      const script = [
        'import sys, openpyxl',
        'wb = openpyxl.load_workbook(sys.argv[1])',
        'sys.stdout.write(wb["Summary"].cell(row=2, column=2).value.encode("utf-8").hex())',
      ].join('\n')
      const hex = execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })
      expect(Buffer.from(hex, 'hex').toString('utf8')).toBe(SAFE_NAME)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
