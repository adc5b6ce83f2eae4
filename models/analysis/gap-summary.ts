import { quantilesInPlace } from './montecarlo'

/** The gap VMware − OpenStack at the fleet size over all samples: quantiles, share and histogram. */
export interface GapSummary {
  p10: number
  p50: number
  p90: number
  /** Share of samples with a positive gap (OpenStack cheaper). */
  openstackCheaperShare: number
  /** Bin edges (counts.length + 1 of them, 0 among them when the gaps straddle it) and counts. */
  edges: number[]
  counts: number[]
}

/** A round bin width near `raw`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1
  const power = 10 ** Math.floor(Math.log10(raw))
  const m = raw / power
  const nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10
  return nice * power
}

/**
 * Counts values into about `bins` bins of a round width. The edges are whole multiples of the width, so
 * 0 is an edge whenever the values straddle it and no bar mixes "VMware cheaper" with "OpenStack cheaper".
 */
export function histogram(values: ArrayLike<number>, bins = 30): { edges: number[]; counts: number[] } {
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    if (v < min) min = v
    if (v > max) max = v
  }
  if (!(max >= min)) return { edges: [], counts: [] }
  const width = niceStep(max > min ? (max - min) / bins : Math.max(1, Math.abs(min) / 10))
  const start = Math.floor(min / width) * width
  const count = Math.max(1, Math.floor((max - start) / width) + 1)
  const counts = new Array<number>(count).fill(0)
  for (let i = 0; i < values.length; i++) {
    const k = Math.min(count - 1, Math.floor(((values[i] as number) - start) / width))
    counts[k] = (counts[k] as number) + 1
  }
  const edges = Array.from({ length: count + 1 }, (_, k) => start + k * width)
  return { edges, counts }
}

/**
 * P10 / P50 / P90 of the gap (the model's quantiles, on a copy), the share above 0 and a histogram: what the
 * window's histogram, the report and the CLI say about a Monte Carlo run at the plan's fleet size.
 */
export function summarizeGap(gapAtFleet: Float64Array): GapSummary {
  const n = gapAtFleet.length
  let positive = 0
  for (let i = 0; i < n; i++) if ((gapAtFleet[i] as number) > 0) positive++
  const [p10, p50, p90] =
    n > 0 ? (quantilesInPlace(gapAtFleet.slice(), [0.1, 0.5, 0.9]) as [number, number, number]) : [0, 0, 0]
  return { p10, p50, p90, openstackCheaperShare: n > 0 ? positive / n : 0, ...histogram(gapAtFleet) }
}
