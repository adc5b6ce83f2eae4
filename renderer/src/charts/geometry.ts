/**
 * The y a straight segment between neighbouring points shows at `x`, as the chart draws it: straight in
 * log-x (and log-y when `logY`). Used to place marks on drawn lines; not a cost computation.
 */
export function drawnValueAt(xs: readonly number[], ys: readonly number[], x: number, logY: boolean): number {
  if (xs.length === 0) return Number.NaN
  const i = xs.findIndex((v) => v >= x)
  if (i < 0) return ys[ys.length - 1] ?? Number.NaN
  if (i === 0) return ys[0] ?? Number.NaN
  const x0 = xs[i - 1]!
  const x1 = xs[i]!
  const y0 = ys[i - 1]!
  const y1 = ys[i]!
  const t = x1 === x0 ? 0 : (Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0))
  if (logY && y0 > 0 && y1 > 0) return Math.exp(Math.log(y0) + (Math.log(y1) - Math.log(y0)) * t)
  return y0 + (y1 - y0) * t
}

/** Powers of ten within [min, max]: the human ticks of a log fleet-size axis (10, 100, 1k, 10k, 100k). */
export function decadeTicks(min: number, max: number): number[] {
  const ticks: number[] = []
  for (let e = Math.floor(Math.log10(Math.max(min, 1e-9))); 10 ** e <= max * 1.0000001; e++) {
    const v = 10 ** e
    if (v >= min * 0.9999999) ticks.push(v)
  }
  return ticks
}

/** 1, 2 and 5 times powers of ten within [min, max]: readable ticks for a log money axis. */
export function moneyLogTicks(min: number, max: number): number[] {
  const ticks: number[] = []
  if (!(min > 0) || !(max > min)) return ticks
  for (let e = Math.floor(Math.log10(min)); 10 ** e <= max; e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e
      if (v >= min && v <= max) ticks.push(v)
    }
  }
  return ticks
}

/** Triggers a download of a data: or blob: URL (chart PNG export). */
export function downloadUrl(url: string, name: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
}
