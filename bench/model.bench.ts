// Model speed: one evaluation of both platforms, and the full curve set with crossovers for every
// scenario. Prints medians, p95 and peak memory; never asserts a time (machines are shared and noisy).
import { cpus } from 'node:os'
import {
  computeAllCurves,
  createDefaultPlan,
  evaluateInputs,
  toModelInputs,
  type Plan,
} from '../models/index'

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
}

/** Times `fn` in batches of `batch` calls; returns per-call medians and p95 in microseconds. */
function timeIt(fn: () => void, batch: number, rounds: number): { medianUs: number; p95Us: number } {
  for (let i = 0; i < batch * 5; i++) fn() // warm up the JIT
  const perCallUs: number[] = []
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < batch; i++) fn()
    perCallUs.push(Number(process.hrtime.bigint() - start) / 1000 / batch)
  }
  perCallUs.sort((a, b) => a - b)
  return { medianUs: quantile(perCallUs, 0.5), p95Us: quantile(perCallUs, 0.95) }
}

const plan: Plan = createDefaultPlan()
plan.scenarios.push({
  id: 'vvf-san',
  name: 'VVF + SAN',
  overrides: { 'vmware.edition': 'vvf', 'vmware.storage': 'san' },
})
plan.scenarios.push({
  id: 'local',
  name: 'Local disks',
  overrides: { 'vmware.storage': 'local', 'openstack.storage': 'local' },
})
const inputs = toModelInputs()

const evaluateWithWeek = timeIt(() => evaluateInputs(inputs, 1000, 'b'), 200, 50)
const evaluateLean = timeIt(() => evaluateInputs(inputs, 1000, 'b', { wantWeek: false }), 200, 50)
const growthInputs = toModelInputs({ 'workload.growthPerYear': 0.2 })
const evaluateGrowth = timeIt(() => evaluateInputs(growthInputs, 1000, 'b', { wantWeek: false }), 200, 50)
const curvesOne = timeIt(() => computeAllCurves({ ...plan, scenarios: plan.scenarios.slice(0, 1) }), 5, 40)
const curvesAll = timeIt(() => computeAllCurves(plan), 2, 40)

const fmt = (r: { medianUs: number; p95Us: number }, unit: 'us' | 'ms'): string =>
  unit === 'us'
    ? `median ${r.medianUs.toFixed(2)} µs, p95 ${r.p95Us.toFixed(2)} µs`
    : `median ${(r.medianUs / 1000).toFixed(3)} ms, p95 ${(r.p95Us / 1000).toFixed(3)} ms`

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`)
console.log(
  `evaluate, both platforms, 1,000 VMs, with the 168-hour week:  ${fmt(evaluateWithWeek, 'us')}  (target < 10 µs)`
)
console.log(`evaluate, both platforms, 1,000 VMs, totals only:            ${fmt(evaluateLean, 'us')}`)
console.log(`evaluate, both platforms, 20 %/yr growth (5 yearly sizings):  ${fmt(evaluateGrowth, 'us')}`)
console.log(`curves + crossovers, 1 scenario (62 points):                 ${fmt(curvesOne, 'ms')}`)
console.log(
  `curves + crossovers, all ${plan.scenarios.length} scenarios:                       ${fmt(curvesAll, 'ms')}  (target < 2 ms per scenario set)`
)
const mem = process.memoryUsage()
console.log(
  `memory: rss ${(mem.rss / 2 ** 20).toFixed(1)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(1)} MiB`
)
