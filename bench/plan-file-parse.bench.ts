// Reading planning files: parsePlanFile on the default plan's file and on a large plan (100 scenarios, each
// overriding a handful of assumptions, with ranges, a workload mix and an imported estate). Prints the median
// and 95th percentile time per parse in milliseconds. Never asserts a time (the machine may be shared).
// Run with `npm run bench -- plan-file-parse`; rounds: STACKPLAN_BENCH_ROUNDS (default 300).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parsePlanFile } from '../models/index'

const ROUNDS = Number(process.env.STACKPLAN_BENCH_ROUNDS ?? 300)
const fixtures = join(import.meta.dirname, '../tests/fixtures')
const defaultText = readFileSync(join(fixtures, 'format-v2-default.stackplan'), 'utf8')
const fullText = readFileSync(join(fixtures, 'format-v2-full.stackplan'), 'utf8')

/** The full fixture grown to 100 scenarios, each with its own overrides, and a 40-class workload mix. */
function largePlanText(): string {
  const doc = JSON.parse(fullText) as { plan: Record<string, unknown> }
  const [first] = doc.plan.scenarios as { overrides: Record<string, unknown> }[]
  doc.plan.scenarios = Array.from({ length: 100 }, (_, i) => ({
    id: `s${i}`,
    name: `Scenario ${i}`,
    overrides: { ...first?.overrides, 'fleet.vms': 100 + i },
  }))
  doc.plan.workloadMix = {
    classes: Array.from({ length: 40 }, (_, i) => ({
      vcpu: 1 + (i % 16),
      ramGib: 2 + i,
      diskGib: 40 + i,
      count: 10 + i,
      petShare: i % 2 === 0 ? 0.5 : null,
      ftShare: null,
    })),
    estate: null,
  }
  return JSON.stringify(doc, null, 2)
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

function measure(label: string, text: string): void {
  const check = parsePlanFile(text)
  if (!check.ok) throw new Error(`${label} does not parse: ${check.error.message}`)
  for (let i = 0; i < 20; i++) parsePlanFile(text) // warm-up
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now()
    parsePlanFile(text)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const kib = (Buffer.byteLength(text) / 1024).toFixed(1)
  console.log(
    `${label.padEnd(34)} ${kib.padStart(7)} KiB  median ${quantile(times, 0.5).toFixed(3)} ms  p95 ${quantile(times, 0.95).toFixed(3)} ms`
  )
}

console.log(`parsePlanFile, ${ROUNDS} rounds each`)
measure('default plan', defaultText)
measure('full fixture', fullText)
measure('large plan (100 scenarios)', largePlanText())
