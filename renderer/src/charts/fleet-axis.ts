import type { ChartOptions, Scale } from 'chart.js'
import { decadeTicks } from './geometry'

/** One scale's options as line and scatter charts accept them. */
type ScaleConfig = NonNullable<NonNullable<ChartOptions<'line'>['scales']>[string]>

/**
 * The log fleet-size x axis every fleet-size chart shares (curves, probability, report): fixed to the
 * curve's range, ticks at the powers of ten (10, 100, 1k, …) written compactly.
 */
export function fleetSizeAxis(options: {
  xMin: number
  xMax: number
  title: string
  titleColor: string
  gridColor: string
  tickColor: string
  tickFontSize?: number
  formatCount: (n: number) => string
}): ScaleConfig {
  const { xMin, xMax } = options
  return {
    type: 'logarithmic',
    min: xMin,
    max: xMax,
    title: { display: true, text: options.title, color: options.titleColor },
    grid: { color: options.gridColor },
    ticks: {
      color: options.tickColor,
      ...(options.tickFontSize ? { font: { size: options.tickFontSize } } : {}),
      autoSkip: false,
      maxRotation: 0,
      callback: (v: string | number) => options.formatCount(Number(v)),
    },
    afterBuildTicks: (axis: Scale) => {
      axis.ticks = decadeTicks(xMin, xMax).map((value) => ({ value }))
    },
  }
}
