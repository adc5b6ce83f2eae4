import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { dialog, invokeHandler, trustedEvent, windowRegistry } = await import('./support/electron-mock')
const { registerExportHandlers } = await import('../../electron/main/ipc/export')
const { setShellLanguage } = await import('../../electron/main/shell-text')

const pdfBytes = new TextEncoder().encode('%PDF-1.7 report')
const fakeWindow = { isDestroyed: () => false }
const sender = { id: 9, printToPDF: vi.fn(async (_options: unknown) => pdfBytes) }
const event = trustedEvent(sender)
const workbook = new Uint8Array([80, 75, 3, 4, 1, 2, 3])

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'stackplan-export-ipc-'))
  registerExportHandlers()
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
beforeEach(() => {
  vi.clearAllMocks()
  windowRegistry.fromWebContents.mockImplementation((contents) => (contents === sender ? fakeWindow : null))
})

describe('export:savePdf', () => {
  it.each(['A4', 'Letter'] as const)('prints at %s with the stylesheet’s page size', async (pageSize) => {
    const target = path.join(tmp, `report-${pageSize}.pdf`)
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    const result = await invokeHandler('export:savePdf', event, { suggestedName: 'Budget.pdf', pageSize })
    expect(result).toMatchObject({ status: 'saved', path: target })
    expect(sender.printToPDF).toHaveBeenCalledExactlyOnceWith({
      printBackground: true,
      pageSize,
      preferCSSPageSize: true,
    })
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 report')
  })

  it('asks before replacing an existing PDF under the extended name, and renders nothing on Cancel', async () => {
    const chosen = path.join(tmp, 'board-report')
    writeFileSync(`${chosen}.pdf`, 'signed copy')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen })
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    const result = await invokeHandler('export:savePdf', event, { suggestedName: 'B', pageSize: 'A4' })
    expect(result).toEqual({ status: 'cancelled' })
    expect(readFileSync(`${chosen}.pdf`, 'utf8')).toBe('signed copy')
    expect(sender.printToPDF).not.toHaveBeenCalled()
  })

  it('reports a failed rendering without writing anything', async () => {
    const target = path.join(tmp, 'failed.pdf')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    sender.printToPDF.mockRejectedValueOnce(new Error('printing failed'))
    const result = await invokeHandler('export:savePdf', event, { suggestedName: 'B', pageSize: 'A4' })
    expect(result).toEqual({ status: 'error', step: 'render PDF', path: target, message: 'printing failed' })
    expect(readdirSync(tmp)).not.toContain('failed.pdf')
  })

  it.each([
    ['an unknown page size', { suggestedName: 'B', pageSize: 'A3' }],
    ['no page size', { suggestedName: 'B' }],
  ])('refuses %s', async (_name, request) => {
    await expect(invokeHandler('export:savePdf', event, request)).rejects.toThrow(/export:savePdf refused/)
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
  })
})

describe('export:saveFile', () => {
  it('writes the bytes atomically, adding the extension the dialog left out', async () => {
    const chosen = path.join(tmp, 'budget')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen })
    const result = await invokeHandler('export:saveFile', event, {
      suggestedName: 'Budget.xlsx',
      kind: 'xlsx',
      bytes: workbook,
    })
    expect(result).toMatchObject({
      status: 'saved',
      path: `${chosen}.xlsx`,
      name: 'budget.xlsx',
      stamp: { sizeBytes: workbook.length, sha256: createHash('sha256').update(workbook).digest('hex') },
    })
    expect([...readFileSync(`${chosen}.xlsx`)]).toEqual([...workbook])
    expect(readdirSync(tmp).filter((n) => n.endsWith('.tmp'))).toEqual([])
    const options = dialog.showSaveDialog.mock.calls[0]?.[1] as { defaultPath: string; filters: unknown }
    expect(path.basename(options.defaultPath)).toBe('Budget.xlsx')
    expect(options.filters).toEqual([{ name: 'Excel workbooks', extensions: ['xlsx'] }])
  })

  it('asks before replacing a file under the extended name, and keeps it on Cancel', async () => {
    const chosen = path.join(tmp, 'kept')
    writeFileSync(`${chosen}.csv`, 'their numbers')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen })
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    const request = { suggestedName: 'curves.csv', kind: 'csv', bytes: new Uint8Array([97]) }
    expect(await invokeHandler('export:saveFile', event, request)).toEqual({ status: 'cancelled' })
    expect(readFileSync(`${chosen}.csv`, 'utf8')).toBe('their numbers')
    const options = dialog.showMessageBox.mock.calls[0]?.[1] as { message: string; buttons: string[] }
    expect(options.message).toBe('“kept.csv” already exists. Replace it?')
    expect(options.buttons).toEqual(['Cancel', 'Replace'])
  })

  it('asks in Chinese when the window speaks Chinese', async () => {
    const chosen = path.join(tmp, '预算')
    writeFileSync(`${chosen}.csv`, 'their numbers')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen })
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    setShellLanguage('zh-CN')
    try {
      const request = { suggestedName: 'curves.csv', kind: 'csv', bytes: new Uint8Array([97]) }
      expect(await invokeHandler('export:saveFile', event, request)).toEqual({ status: 'cancelled' })
    } finally {
      setShellLanguage('en')
    }
    const saveOptions = dialog.showSaveDialog.mock.calls[0]?.[1] as { title: string; filters: unknown }
    expect(saveOptions.title).toBe('导出 CSV')
    expect(saveOptions.filters).toEqual([{ name: 'CSV 文件', extensions: ['csv'] }])
    const options = dialog.showMessageBox.mock.calls[0]?.[1] as {
      title: string
      message: string
      buttons: string[]
    }
    expect(options.title).toBe('替换文件？')
    expect(options.message).toBe('“预算.csv”已存在。要替换它吗？')
    expect(options.buttons).toEqual(['取消', '替换'])
    expect(readFileSync(`${chosen}.csv`, 'utf8')).toBe('their numbers')
  })

  it('replaces the file under the extended name when the user says Replace', async () => {
    const chosen = path.join(tmp, 'replaced')
    writeFileSync(`${chosen}.csv`, 'old')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen })
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    const request = { suggestedName: 'curves.csv', kind: 'csv', bytes: new Uint8Array([97]) }
    expect(await invokeHandler('export:saveFile', event, request)).toMatchObject({ status: 'saved' })
    expect(readFileSync(`${chosen}.csv`, 'utf8')).toBe('a')
  })

  it('does not ask when the dialog returned the full name (it asked itself)', async () => {
    const chosen = path.join(tmp, 'asked.csv')
    writeFileSync(chosen, 'old')
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen })
    const request = { suggestedName: 'curves.csv', kind: 'csv', bytes: new Uint8Array([98]) }
    expect(await invokeHandler('export:saveFile', event, request)).toMatchObject({ status: 'saved' })
    expect(dialog.showMessageBox).not.toHaveBeenCalled()
    expect(readFileSync(chosen, 'utf8')).toBe('b')
  })

  it('returns cancelled when the dialog is cancelled', async () => {
    const request = { suggestedName: 'curves.csv', kind: 'csv', bytes: new Uint8Array([97]) }
    expect(await invokeHandler('export:saveFile', event, request)).toEqual({ status: 'cancelled' })
  })

  it('keeps the old file and names the step when the folder is missing', async () => {
    const old = path.join(tmp, 'chart.png')
    writeFileSync(old, 'old')
    dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: path.join(tmp, 'gone', 'c.png'),
    })
    const result = await invokeHandler('export:saveFile', event, {
      suggestedName: 'c.png',
      kind: 'png',
      bytes: new Uint8Array([1]),
    })
    expect(result).toMatchObject({ status: 'error', step: 'write file' })
    expect(readFileSync(old, 'utf8')).toBe('old')
  })

  it.each([
    ['an unknown kind', { suggestedName: 'x', kind: 'exe', bytes: new Uint8Array([1]) }],
    ['text instead of bytes', { suggestedName: 'x', kind: 'csv', bytes: 'a,b' }],
    ['an array instead of bytes', { suggestedName: 'x', kind: 'csv', bytes: [1, 2] }],
  ])('refuses %s', async (_name, request) => {
    await expect(invokeHandler('export:saveFile', event, request)).rejects.toThrow(/export:saveFile refused/)
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
  })
})
