import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, nextTick, ref, shallowRef } from 'vue'
import type { Chart } from 'chart.js'
import { curvesTable, tableToCsv, workbookTables, type ExportContent } from '../../../export/index'
import { version as appVersion } from '../../../package.json'
import { chartToPng } from '../export/chart-png'
import { prepareReportAnalysis, useReportAnalysis } from '../export/analysis-source'
import { windowExportContent } from '../export/export-content'
import { useHost, type ExportFile, type HostSaveResult, type ReportPageSize } from '../host'
import { documentLabel, i18n } from '../i18n'
import { useDialogStore } from './dialog'
import { usePlanStore } from './plan'

const PAGE_SIZE_KEY = 'stackplan.reportPageSize'

function storedPageSize(): ReportPageSize {
  try {
    return globalThis.localStorage?.getItem(PAGE_SIZE_KEY) === 'Letter' ? 'Letter' : 'A4'
  } catch {
    return 'A4'
  }
}

/** A file name from the document's name: characters file systems refuse replaced, the extension added. */
export function exportFileName(label: string, suffix: string): string {
  const printable = Array.from(label, (ch) => (ch.charCodeAt(0) < 32 ? '-' : ch)).join('')
  const base =
    printable
      .replace(/\.stackplan$/i, '')
      .replace(/[\\/:*?"<>|]+/g, '-')
      .trim()
      .slice(0, 120) || 'plan'
  return `${base}${suffix}`
}

/** Charts with a PNG export, named in the file by the window's language ("cost curves", "成本曲线"). */
export type ChartFileName = 'costCurves' | 'breakdown' | 'powerWeek'

/** Lets the page paint (progress) between steps of a long export. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}

/**
 * Exports of the window: the report view and its PDF, the workbook, CSV tables and chart PNGs. Files go
 * through the host (a save dialog in Electron, File System Access or a download in the browser) and are
 * built completely before anything is written, so a failure never leaves a partial file.
 */
export const useExportStore = defineStore('export', () => {
  const planStore = usePlanStore()
  const dialogs = useDialogStore()
  const analysis = useReportAnalysis()
  const t = i18n.global.t
  const isReportOpen = ref(false)
  const pageSize = ref<ReportPageSize>(storedPageSize())
  /** The export under way, with its progress (0–1) when it is measurable; null when idle. */
  const busy = shallowRef<{ label: string; fraction: number | null } | null>(null)

  const label = (): string => documentLabel({ fileName: planStore.fileName, planName: planStore.plan.name })
  const content = computed((): ExportContent | null =>
    windowExportContent({
      plan: planStore.plan,
      scenarioId: planStore.activeScenarioId,
      evaluation: planStore.evaluation,
      curves: planStore.curves,
      analysis: analysis.value,
      appVersion,
    })
  )
  const hasSamples = computed(() => analysis.value.monteCarlo !== null)

  function setPageSize(size: ReportPageSize): void {
    pageSize.value = size
    try {
      globalThis.localStorage?.setItem(PAGE_SIZE_KEY, size)
    } catch {
      // A preference only.
    }
  }

  function openReport(): void {
    isReportOpen.value = true
    void prepareReportAnalysis()
  }

  function closeReport(): void {
    isReportOpen.value = false
  }

  /** The last finished export, named with where it went, until the note times out or is dismissed. */
  const saved = shallowRef<{ name: string; where: string | null } | null>(null)
  let savedTimer: ReturnType<typeof setTimeout> | undefined
  function dismissSaved(): void {
    clearTimeout(savedTimer)
    saved.value = null
  }

  async function report(result: HostSaveResult): Promise<void> {
    if (result.status === 'saved') {
      clearTimeout(savedTimer)
      saved.value = { name: result.name, where: result.ref }
      savedTimer = setTimeout(() => (saved.value = null), 10_000)
    }
    if (result.status === 'error')
      await dialogs.alert(t('report.failedTitle'), result.message, result.name, t('dialog.ok'))
  }

  /** Runs one export with a progress note; any exception becomes an error dialog, never a partial file. */
  async function run(what: string, build: () => Promise<ExportFile | null>): Promise<void> {
    if (busy.value) return
    busy.value = { label: what, fraction: null }
    try {
      await nextFrame()
      const file = await build()
      if (file) await report(await useHost().saveExport(file))
    } catch (error) {
      await dialogs.alert(
        t('report.failedTitle'),
        t('report.failedMessage'),
        error instanceof Error ? error.message : String(error),
        t('dialog.ok')
      )
    } finally {
      busy.value = null
    }
  }

  /** The PDF: the report view is on screen and its print stylesheet lays out the pages. */
  async function savePdf(): Promise<void> {
    if (busy.value) return
    isReportOpen.value = true
    busy.value = { label: t('report.pdf'), fraction: null }
    try {
      // The report always holds the tornado: it is computed now if the Sensitivity tab never ran.
      await prepareReportAnalysis()
      await nextTick()
      await nextFrame()
      await report(
        await useHost().exportPdf({
          suggestedName: exportFileName(label(), '.pdf'),
          pageSize: pageSize.value,
        })
      )
    } finally {
      busy.value = null
    }
  }

  async function exportWorkbook(): Promise<void> {
    await run(t('report.workbook'), async () => {
      const c = content.value
      if (!c) throw new Error(t('report.noAnswer'))
      // exceljs is loaded only when a workbook is made: the window starts without it.
      const { buildWorkbook } = await import('../../../export/workbook')
      const bytes = await buildWorkbook(workbookTables(c), {
        createdAt: c.exportedAt,
        onProgress: async (done, total) => {
          busy.value = { label: t('report.workbook'), fraction: total > 0 ? done / total : null }
          await nextFrame()
        },
      })
      return { suggestedName: exportFileName(label(), '.xlsx'), kind: 'xlsx', bytes }
    })
  }

  async function exportCurvesCsv(): Promise<void> {
    await run(t('report.curvesCsv'), async () => {
      const c = content.value
      if (!c) throw new Error(t('report.noAnswer'))
      const text = tableToCsv(curvesTable(c.curves)) + '\n'
      return {
        suggestedName: exportFileName(label(), ` ${t('exportName.curves')}.csv`),
        kind: 'csv',
        bytes: new TextEncoder().encode(text),
      }
    })
  }

  /** A chart as PNG at twice its size on screen. */
  async function exportChartPng(
    chart: Chart | null | undefined,
    name: ChartFileName,
    background: string,
    look: { title: string; textColor: string }
  ): Promise<void> {
    if (!chart) return
    await run(t('report.pngFile'), async () => ({
      suggestedName: exportFileName(label(), ` ${t(`exportName.${name}`)}.png`),
      kind: 'png',
      bytes: await chartToPng(chart, { scale: 2, background, ...look }),
    }))
  }

  return {
    isReportOpen,
    saved,
    dismissSaved,
    pageSize,
    busy,
    content,
    hasSamples,
    setPageSize,
    openReport,
    closeReport,
    savePdf,
    exportWorkbook,
    exportCurvesCsv,
    exportChartPng,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useExportStore, import.meta.hot))
