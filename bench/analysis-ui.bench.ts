// The planner in Chromium: navigation to the first drawn chart, edit-to-redraw latency, the renderer's
// gzipped JS, and a 10,000-sample Monte Carlo run in the window's Web Workers with the longest task the
// main thread ran meanwhile (CDP trace). Prints figures, never asserts a time (machines are shared and
// noisy). Builds out/web first. Run with `npm run bench -- analysis-ui`.
import { execSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { CDPSession, Page } from 'playwright-core'
import { CHROMIUM_PATH, openPlanner, ROOT, WEB_DIR } from '../tests/support/browser'

const SAMPLES = 10_000
const LOADS = 5
const EDITS = 40
const MC_ROUNDS = 3

function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU'
  try {
    model = execSync("lscpu | grep 'Model name'", { encoding: 'utf8' }).split(':')[1]?.trim() ?? model
  } catch {
    // lscpu is Linux only.
  }
  const chromium =
    spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' })
      .stdout.split('\n')
      .find((l) => l.startsWith('Chromium'))
      ?.trim() ?? 'Chromium (version unknown)'
  return `${availableParallelism()} CPUs (nproc), ${model}, node ${process.version}, ${chromium}`
}

function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  return (
    (sorted[lo] as number) +
    (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - (sorted[lo] as number))
  )
}

const ms = (v: number): string => `${v.toFixed(v < 10 ? 1 : 0)} ms`

/** Gzipped sizes of out/web/assets/*.js (zlib level 9), by file. */
function gzippedJs(): { name: string; bytes: number; gzip: number }[] {
  const dir = join(WEB_DIR, 'assets')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((name) => {
      const raw = readFileSync(join(dir, name))
      return { name, bytes: raw.length, gzip: gzipSync(raw, { level: 9 }).length }
    })
    .sort((a, b) => b.gzip - a.gzip)
}

/**
 * In the page, before any script: records when the cost curves' canvas first holds drawn pixels, in ms
 * since navigation start (performance.now() counts from it).
 */
const FIRST_CHART_PROBE = `(() => {
  const look = () => {
    const canvas = document.querySelector('[data-testid="curves-chart"] canvas')
    if (canvas && canvas.width > 0) {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
      for (let i = 3; i < data.length; i += 64) if (data[i] > 0) { window.__firstChartMs = performance.now(); return }
    }
    requestAnimationFrame(look)
  }
  requestAnimationFrame(look)
})()`

/**
 * In the page: commits `texts` one after another into the input at `selector` (input + change events, as
 * typing and Enter do) and measures each edit to the frame that shows it: the time from dispatching the
 * change to a task queued from the next requestAnimationFrame callback, i.e. after the frame that holds
 * the redrawn charts has been painted. Returns the milliseconds of each edit.
 */
function editLatencies(page: Page, selector: string, texts: string[]): Promise<number[]> {
  return page.evaluate(`(async () => {
    const input = document.querySelector(${JSON.stringify(selector)})
    const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const { port1, port2 } = new MessageChannel()
      port1.onmessage = () => resolve(performance.now())
      port2.postMessage(null)
    }))
    const out = []
    for (const text of ${JSON.stringify(texts)}) {
      await afterPaint()
      input.value = text
      input.dispatchEvent(new Event('input', { bubbles: true }))
      const t0 = performance.now()
      input.dispatchEvent(new Event('change', { bubbles: true }))
      out.push((await afterPaint()) - t0)
    }
    return out
  })()`) as Promise<number[]>
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  args?: { name?: string }
}

/** Starts a CDP trace of the page's tasks (the DevTools "Performance" categories). */
async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReturnAsStream',
  })
}

/** Ends the trace and returns the longest task on the renderer's main thread, in ms, and the task count. */
async function stopTrace(cdp: CDPSession): Promise<{ longestMs: number; tasks: number; over50: number }> {
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? ''))
  )
  await cdp.send('Tracing.end')
  const stream = await done
  let text = ''
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream })
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data
    if (chunk.eof) break
  }
  await cdp.send('IO.close', { handle: stream })
  const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`)
  )
  const tasks = events.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`)
  )
  const durations = tasks.map((e) => (e.dur ?? 0) / 1000)
  return {
    longestMs: Math.max(0, ...durations),
    tasks: durations.length,
    over50: durations.filter((d) => d >= 50).length,
  }
}

/**
 * Runs Monte Carlo in the page (the Uncertainty tab's Run button) and resolves with the wall time from the
 * click to the summary on screen, with the 'longtask' entries (≥ 50 ms) a PerformanceObserver saw.
 */
function runMonteCarlo(page: Page): Promise<{ wallMs: number; longTasks: number; status: string }> {
  return page.evaluate(`(async () => {
    const longTasks = []
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)))
    observer.observe({ type: 'longtask' })
    const t0 = performance.now()
    document.querySelector('[data-testid="mc-run"]').click()
    // Done when the status, having shown the run under way, reads "N samples in T s" again.
    await new Promise((resolve) => {
      let sawRunning = false
      const check = () => {
        const status = document.querySelector('[data-testid="mc-status"]')?.textContent ?? ''
        if (!/samples in/.test(status)) sawRunning = true
        if (sawRunning && /samples in/.test(status)) resolve()
        else requestAnimationFrame(check)
      }
      requestAnimationFrame(check)
    })
    const wallMs = performance.now() - t0
    observer.disconnect()
    return { wallMs, longTasks: longTasks.length, status: document.querySelector('[data-testid="mc-status"]').textContent }
  })()`) as Promise<{ wallMs: number; longTasks: number; status: string }>
}

async function monteCarloRounds(
  workers: 1 | 2
): Promise<{ wall: number[]; longest: number[]; longTasks: number }> {
  const s = await openPlanner({ width: 1440, height: 900 })
  try {
    const { page } = s
    if (workers === 1) {
      // The pool starts one worker per core: pretend the machine has one.
      await page.addInitScript(`Object.defineProperty(navigator, 'hardwareConcurrency', { value: 1 })`)
      await page.reload()
      await page.getByTestId('headline').waitFor()
    }
    await page.getByTestId('tab-uncertainty').click()
    const input = page.getByTestId('mc-samples')
    await input.fill(String(SAMPLES))
    await input.press('Tab')
    const cdp = await s.context.newCDPSession(page)
    const wall: number[] = []
    const longest: number[] = []
    let longTasks = 0
    // Round 0 starts the workers (module load, cold JIT); the rounds after it are reported apart.
    for (let r = 0; r <= MC_ROUNDS; r++) {
      await startTrace(cdp)
      const run = await runMonteCarlo(page)
      const trace = await stopTrace(cdp)
      wall.push(run.wallMs)
      longest.push(trace.longestMs)
      longTasks += run.longTasks
      await page.waitForTimeout(300)
    }
    if (s.errors.length > 0) throw new Error(`page errors: ${s.errors.join('; ')}`)
    return { wall, longest, longTasks }
  } finally {
    await s.close()
  }
}

async function main(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`npm run build:web failed:\n${build.stdout}\n${build.stderr}`)
  const loadBefore = loadavg()[0] ?? 0

  const s = await openPlanner({ width: 1440, height: 900 })
  const firstChart: number[] = []
  let fleet: number[]
  let assumption: number[]
  try {
    const { page } = s
    await page.addInitScript(FIRST_CHART_PROBE)
    for (let i = 0; i < LOADS; i++) {
      await page.goto(s.url + '?files=classic')
      await page.waitForFunction('window.__firstChartMs !== undefined')
      firstChart.push((await page.evaluate('window.__firstChartMs')) as number)
    }
    await page.waitForTimeout(300)
    const alternate = (a: string, b: string): string[] =>
      Array.from({ length: EDITS }, (_, i) => (i % 2 ? a : b))
    fleet = await editLatencies(page, '[data-testid="fleet-size"]', alternate('1000', '1200'))
    assumption = await editLatencies(
      page,
      '[data-key="vmware.usdPerCoreYear.vcf"] input',
      alternate('350', '360')
    )
    if (s.errors.length > 0) throw new Error(`page errors: ${s.errors.join('; ')}`)
  } finally {
    await s.close()
  }

  const two = await monteCarloRounds(2)
  const one = await monteCarloRounds(1)
  const js = gzippedJs()
  const kib = (b: number): string => `${(b / 1024).toFixed(1)} KiB`

  console.log(`machine: ${machine()}`)
  console.log(`load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0]?.toFixed(2)}`)
  console.log('\nPlanner UI in Chromium (1440 × 900, headless, default plan, Breakdown tab open)')
  console.log(
    `navigation → first drawn cost curves: median ${ms(quantile(firstChart, 0.5))} over ${LOADS} loads (${firstChart.map((v) => v.toFixed(0)).join(', ')} ms)`
  )
  for (const [what, values] of [
    ['fleet size', fleet],
    ['assumption (VCF price)', assumption],
  ] as const) {
    console.log(
      `edit of the ${what} → charts redrawn and painted: p50 ${ms(quantile(values, 0.5))}, p95 ${ms(quantile(values, 0.95))}, max ${ms(Math.max(...values))} (${values.length} edits)`
    )
  }
  const total = js.reduce((sum, f) => sum + f.gzip, 0)
  console.log(`renderer JS, gzip -9: ${kib(total)} in ${js.length} files`)
  for (const f of js) console.log(`  ${f.name}: ${kib(f.bytes)} → ${kib(f.gzip)}`)

  console.log(
    `\nMonte Carlo in the window (${SAMPLES.toLocaleString('en-US')} samples, default 62-point curve)`
  )
  for (const [label, r] of [
    ['two workers', two],
    ['one worker', one],
  ] as const) {
    const warm = r.wall.slice(1)
    console.log(
      `${label}: first run (starts the workers) ${ms(r.wall[0] as number)}; then median ${ms(quantile(warm, 0.5))} ` +
        `(${warm.map((v) => v.toFixed(0)).join(', ')} ms); longest main-thread task during the runs ${ms(Math.max(...r.longest))} ` +
        `(per run: ${r.longest.map((v) => v.toFixed(1)).join(', ')} ms; target < 50 ms); 'longtask' entries: ${r.longTasks}`
    )
  }
  const speedUp = quantile(one.wall.slice(1), 0.5) / quantile(two.wall.slice(1), 0.5)
  console.log(`speed-up from the second worker: ×${speedUp.toFixed(2)}`)
}

await main()
