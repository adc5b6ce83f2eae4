// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createDefaultPlan, evaluatePlan, monteCarlo, sensitivity } from '@models'
import { provideReportAnalysis } from '../../renderer/src/export/analysis-source'
import { windowExportContent } from '../../renderer/src/export/export-content'
import { setHost, type ExportFile, type Host, type HostSaveResult } from '../../renderer/src/host'
import { createBrowserHost } from '../../renderer/src/host/browser-host'
import { i18n } from '../../renderer/src/i18n'
import en from '../../renderer/src/i18n/en'
import zhCN from '../../renderer/src/i18n/zh-CN'
import { exportFileName, useExportStore } from '../../renderer/src/stores/export'
import { usePlanStore } from '../../renderer/src/stores/plan'

describe('exportFileName', () => {
  it.each([
    ['Budget 2026', '.xlsx', 'Budget 2026.xlsx'],
    ['budget.stackplan', ' curves.csv', 'budget curves.csv'],
    ['a/b:c*?"<>|d', '.pdf', 'a-b-c-d.pdf'],
    ['   ', '.pdf', 'plan.pdf'],
    ['tab\there', '.png', 'tab-here.png'],
    ['未命名方案', ' 成本曲线.png', '未命名方案 成本曲线.png'],
  ])('%j + %j → %j', (label, suffix, expected) => {
    expect(exportFileName(label, suffix)).toBe(expected)
  })
})

describe('export names', () => {
  // Windows refuses \ / : * ? " < > | and control characters; a name part is added as it is.
  const REFUSED = /[\\/:*?"<>|]/
  it.each([
    ['en', en.exportName],
    ['zh-CN', zhCN.exportName],
  ])('every %s name is safe in a file name', (_locale, names) => {
    for (const name of Object.values(names)) {
      expect(name.trim()).toBe(name)
      expect(name.length).toBeGreaterThan(0)
      expect(name).not.toMatch(REFUSED)
      expect(Array.from(name).every((ch) => ch.charCodeAt(0) >= 32)).toBe(true)
    }
  })
})

describe('windowExportContent', () => {
  it('takes the window’s evaluation and curves and evaluates every scenario', () => {
    const plan = createDefaultPlan()
    plan.scenarios.push({ id: 'b', name: 'B', overrides: { 'fleet.vms': 50 } })
    setActivePinia(createPinia())
    const store = usePlanStore()
    store.load(plan, { ref: null, name: null, isSaved: true })
    const content = windowExportContent({
      plan: store.plan,
      scenarioId: store.activeScenarioId,
      evaluation: store.evaluation,
      curves: store.curves,
      analysis: { sensitivity: null, monteCarlo: null },
      appVersion: '9.9.9',
    })
    expect(content?.evaluation).toBe(store.evaluation)
    expect(content?.scenarioEvaluations.map((e) => e.vms)).toEqual([1000, 50])
    expect(content?.scenarioEvaluations[1]).toEqual(evaluatePlan(plan, { scenarioId: 'b' }))
  })

  it('is null when the plan has no answer', () => {
    expect(
      windowExportContent({
        plan: createDefaultPlan(),
        scenarioId: 'baseline',
        evaluation: null,
        curves: [],
        analysis: { sensitivity: null, monteCarlo: null },
        appVersion: '1',
      })
    ).toBeNull()
  })
})

describe('export store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    window.localStorage.clear()
  })

  it('includes the analysis results the analysis UI provides, and offers their samples', () => {
    const exp = useExportStore()
    expect(exp.hasSamples).toBe(false)
    expect(exp.content?.monteCarlo).toBeNull()
    const plan = createDefaultPlan()
    const results = { sensitivity: sensitivity(plan), monteCarlo: monteCarlo(plan, { samples: 20 }) }
    provideReportAnalysis(() => results)
    expect(exp.hasSamples).toBe(true)
    expect(exp.content?.sensitivity).toBe(results.sensitivity)
    provideReportAnalysis(() => ({ sensitivity: null, monteCarlo: null }))
  })

  it('remembers the paper size and opens the report from the document’s Export PDF', async () => {
    const exp = useExportStore()
    expect(exp.pageSize).toBe('A4')
    exp.setPageSize('Letter')
    expect(window.localStorage.getItem('stackplan.reportPageSize')).toBe('Letter')
    const { useDocumentStore } = await import('../../renderer/src/stores/document')
    await useDocumentStore().exportPdf()
    expect(exp.isReportOpen).toBe(true)
  })

  it('hands the curves CSV to the host as bytes, built in full', async () => {
    const saveExport = vi.fn(async (_file: ExportFile): Promise<HostSaveResult> => ({
      status: 'saved',
      ref: null,
      name: 'x',
    }))
    const host: Host = {
      ...createBrowserHost({ classicFiles: true, storage: window.localStorage }),
      saveExport,
    }
    setHost(host)
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0))
    try {
      await useExportStore().exportCurvesCsv()
    } finally {
      vi.unstubAllGlobals()
      setHost(null)
    }
    expect(saveExport).toHaveBeenCalledTimes(1)
    const file = saveExport.mock.calls[0]![0]
    expect(file.suggestedName).toBe('Untitled plan curves.csv')
    expect(file.kind).toBe('csv')
    const text = new TextDecoder().decode(file.bytes)
    expect(text.startsWith('vms,vmware.total (USD/yr),')).toBe(true)
    expect(text.endsWith('\n')).toBe(true)
  })

  it('names the files in 中文 by the translated plan name and kind', async () => {
    const saveExport = vi.fn(async (_file: ExportFile): Promise<HostSaveResult> => ({
      status: 'saved',
      ref: null,
      name: 'x',
    }))
    setHost({ ...createBrowserHost({ classicFiles: true, storage: window.localStorage }), saveExport })
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0))
    i18n.global.locale.value = 'zh-CN'
    try {
      await useExportStore().exportCurvesCsv()
    } finally {
      i18n.global.locale.value = 'en'
      vi.unstubAllGlobals()
      setHost(null)
    }
    // app.untitled + ' ' + exportName.curves in zh-CN.
    expect(saveExport.mock.calls[0]![0].suggestedName).toBe('未命名方案 曲线.csv')
  })
})
