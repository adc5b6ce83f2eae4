import type { Chart, ChartType, Plugin } from 'chart.js'

export interface CrossoverMark {
  /** Fleet size of the crossover (x). */
  vms: number
  /** Cost at the crossover (y), in the y axis's units. */
  y: number
  label: string
}

export interface MarksOptions {
  /** The user's fleet size: a vertical rule. */
  fleetVms?: number
  fleetLabel?: string
  crossovers?: CrossoverMark[]
  /** A selected point, ringed in its curve's colour where that dataset draws it. */
  selected?: { datasetIndex: number; index: number; color: string }
  ruleColor?: string
  textColor?: string
  backgroundColor?: string
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    stackplanMarks?: MarksOptions & { _type?: TType }
  }
}

function labelBox(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, o: MarksOptions): void {
  const width = ctx.measureText(text).width + 8
  ctx.fillStyle = o.backgroundColor ?? 'rgba(255,255,255,0.85)'
  ctx.fillRect(x - 4, y - 8, width, 16)
  ctx.fillStyle = o.textColor ?? '#222'
  ctx.fillText(text, x, y)
}

/** Text with a thin outline of the background colour: legible over grid lines without hiding a curve. */
function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, o: MarksOptions): void {
  ctx.lineJoin = 'round'
  ctx.lineWidth = 3
  ctx.strokeStyle = o.backgroundColor ?? 'rgba(255,255,255,0.85)'
  ctx.strokeText(text, x, y)
  ctx.fillStyle = o.textColor ?? '#222'
  ctx.fillText(text, x, y)
}

/**
 * The parts of a chart the marks use. Any Chart<'line'> or Chart<'bar'> has them, so the plugin fits every
 * chart type without casts (a parameter typed as the general Chart would not, being contravariant).
 */
type MarkableChart = Pick<Chart, 'ctx' | 'chartArea' | 'scales' | 'getDatasetMeta'>

/**
 * Draws the user's fleet size as a vertical rule, marks each crossover with a ring and its fleet size, and
 * rings the selected point.
 * Positions come from the chart's own scales, so the marks follow zoom, resize and axis type.
 */
export const marksPlugin = {
  id: 'stackplanMarks',
  afterDatasetsDraw(chart: MarkableChart, _args: unknown, options: MarksOptions): void {
    const { ctx, chartArea: area, scales } = chart
    const x = scales.x
    const y = scales.y
    if (!x || !y) return
    ctx.save()
    ctx.font = '12px system-ui, sans-serif'
    ctx.textBaseline = 'middle'
    if (options.fleetVms !== undefined) {
      const px = x.getPixelForValue(options.fleetVms)
      if (px >= area.left && px <= area.right) {
        ctx.strokeStyle = options.ruleColor ?? '#444'
        ctx.lineWidth = 1.5
        ctx.setLineDash([4, 3])
        ctx.beginPath()
        ctx.moveTo(px, area.top)
        ctx.lineTo(px, area.bottom)
        ctx.stroke()
        ctx.setLineDash([])
        if (options.fleetLabel) {
          const width = ctx.measureText(options.fleetLabel).width
          const lx = px + 6 + width > area.right ? px - 10 - width : px + 6
          ctx.font = '600 12px system-ui, sans-serif'
          labelBox(ctx, options.fleetLabel, lx, area.top + 10, options)
          ctx.font = '12px system-ui, sans-serif'
        }
      }
    }
    for (const c of options.crossovers ?? []) {
      const px = x.getPixelForValue(c.vms)
      const py = y.getPixelForValue(c.y)
      if (!Number.isFinite(px) || !Number.isFinite(py)) continue
      if (px < area.left || px > area.right || py < area.top || py > area.bottom) continue
      ctx.strokeStyle = options.textColor ?? '#222'
      ctx.fillStyle = options.backgroundColor ?? '#fff'
      ctx.lineWidth = 2
      ctx.beginPath()
      ctx.arc(px, py, 5, 0, Math.PI * 2)
      ctx.fill()
      ctx.stroke()
      // Costs rise with fleet size, so the space above-left of a crossover is where the curves are not;
      // the label has a halo rather than a box, so a curve that does pass under it stays visible.
      const width = ctx.measureText(c.label).width
      const lx = px - 12 - width < area.left ? px + 10 : px - 12 - width
      const ly = py - 18 < area.top + 8 ? py + 18 : py - 18
      haloText(ctx, c.label, lx, ly, options)
    }
    const selected = options.selected
    const element = selected && chart.getDatasetMeta(selected.datasetIndex).data[selected.index]
    if (selected && element && Number.isFinite(element.x) && Number.isFinite(element.y)) {
      ctx.lineWidth = 3
      ctx.strokeStyle = selected.color
      ctx.fillStyle = options.backgroundColor ?? '#fff'
      ctx.beginPath()
      ctx.arc(element.x, element.y, 7, 0, Math.PI * 2)
      ctx.fill()
      ctx.stroke()
      ctx.fillStyle = selected.color
      ctx.beginPath()
      ctx.arc(element.x, element.y, 3, 0, Math.PI * 2)
      ctx.fill()
    }
    ctx.restore()
  },
} satisfies Plugin
