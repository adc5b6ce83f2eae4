import type { Chart, ChartType } from 'chart.js'

/** Licence terms drawn on a month axis: shaded spans (bridges) and labelled rules (renewals). */
export interface TermMarksOptions {
  spans?: { from: number; to: number; label: string }[]
  rules?: { at: number; label: string }[]
  spanColor?: string
  ruleColor?: string
  textColor?: string
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    stackplanTerms?: TermMarksOptions & { _type?: TType }
  }
}

type MarkableChart = Pick<Chart, 'ctx' | 'chartArea' | 'scales'>

/** Draws bridge terms as shaded spans and renewals as dashed rules, positioned by the chart's x scale. */
export const termMarksPlugin = {
  id: 'stackplanTerms',
  beforeDatasetsDraw(chart: MarkableChart, _args: unknown, options: TermMarksOptions): void {
    const { ctx, chartArea: area, scales } = chart
    const x = scales.x
    if (!x) return
    ctx.save()
    ctx.font = '11px system-ui, sans-serif'
    ctx.textBaseline = 'top'
    for (const s of options.spans ?? []) {
      const left = Math.max(area.left, x.getPixelForValue(s.from))
      const right = Math.min(area.right, x.getPixelForValue(s.to))
      if (right <= left) continue
      ctx.fillStyle = options.spanColor ?? 'rgba(0,0,0,0.06)'
      ctx.fillRect(left, area.top, right - left, area.bottom - area.top)
      ctx.fillStyle = options.textColor ?? '#333'
      ctx.fillText(s.label, left + 4, area.top + 18)
    }
    for (const r of options.rules ?? []) {
      const px = x.getPixelForValue(r.at)
      if (px < area.left || px > area.right) continue
      ctx.strokeStyle = options.ruleColor ?? '#555'
      ctx.setLineDash([3, 3])
      ctx.beginPath()
      ctx.moveTo(px, area.top)
      ctx.lineTo(px, area.bottom)
      ctx.stroke()
      ctx.setLineDash([])
      ctx.fillStyle = options.textColor ?? '#333'
      ctx.fillText(r.label, px + 4, area.top + 4)
    }
    ctx.restore()
  },
}
