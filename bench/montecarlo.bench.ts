// Monte Carlo speed: 10,000 samples × the default 61-point curve, both platforms at every point, on one
// core and split over two worker threads. Prints wall times, sample-points per second and peak memory;
// never asserts a time (machines are shared and noisy). Run with `npm run bench -- montecarlo`.
import { execSync } from 'node:child_process'
import { availableParallelism, cpus, loadavg } from 'node:os'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import {
  combineMonteCarloBatches,
  createDefaultPlan,
  monteCarloBatch,
  type MonteCarloBatch,
  type MonteCarloResult,
} from '../models/index'

const SAMPLES = 10_000
const SEED = 1
const ROUNDS = 3

interface WorkerJob {
  firstSample: number
  samples: number
}

function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU'
  try {
    model = execSync("lscpu | grep 'Model name'", { encoding: 'utf8' }).split(':')[1]?.trim() ?? model
  } catch {
    // lscpu is Linux only; os.cpus() names the CPU elsewhere.
  }
  return `${availableParallelism()} CPUs (nproc), ${model}, node ${process.version}`
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

/** Runs one batch in a worker thread (this same bundled file) and resolves with its typed arrays. */
function batchInWorker(job: WorkerJob): Promise<MonteCarloBatch> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job })
    worker.once('message', (batch: MonteCarloBatch) => {
      void worker.terminate()
      resolve(batch)
    })
    worker.once('error', reject)
  })
}

function sameResult(a: MonteCarloResult, b: MonteCarloResult): boolean {
  const same = (x: ArrayLike<number>, y: ArrayLike<number>): boolean =>
    x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]))
  return (
    same(a.platforms.vmware.p10, b.platforms.vmware.p10) &&
    same(a.platforms.vmware.p50, b.platforms.vmware.p50) &&
    same(a.platforms.openstack.p90, b.platforms.openstack.p90) &&
    same(a.probabilityOpenstackCheaper, b.probabilityOpenstackCheaper) &&
    same(a.gapAtFleet, b.gapAtFleet)
  )
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0
  const plan = createDefaultPlan()
  // Warm the JIT so the first timed round is not mostly compilation.
  monteCarloBatch(plan, { samples: 500, seed: 99 })
  const points = monteCarloBatch(plan, { samples: 1, seed: SEED }).vms.length
  const samplePoints = SAMPLES * points

  const single: { sampleMs: number; combineMs: number; totalMs: number }[] = []
  let reference: MonteCarloResult | undefined
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now()
    const batch = monteCarloBatch(plan, { samples: SAMPLES, seed: SEED })
    const t1 = performance.now()
    reference = combineMonteCarloBatches([batch])
    const t2 = performance.now()
    single.push({ sampleMs: t1 - t0, combineMs: t2 - t1, totalMs: t2 - t0 })
  }

  const singleRssMib = process.resourceUsage().maxRSS / 1024

  // What starting a worker costs on its own: one sample, so nearly all of it is start-up and a cold JIT.
  const startup: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now()
    await batchInWorker({ firstSample: 0, samples: 1 })
    startup.push(performance.now() - t0)
  }

  const dual: number[] = []
  let isIdentical = true
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now()
    const half = SAMPLES / 2
    const batches = await Promise.all([
      batchInWorker({ firstSample: 0, samples: half }),
      batchInWorker({ firstSample: half, samples: SAMPLES - half }),
    ])
    const result = combineMonteCarloBatches(batches)
    dual.push(performance.now() - t0)
    isIdentical &&= reference !== undefined && sameResult(result, reference)
  }

  const singleMs = median(single.map((s) => s.totalMs))
  const sampleMs = median(single.map((s) => s.sampleMs))
  const combineMs = median(single.map((s) => s.combineMs))
  const dualMs = median(dual)
  const perSecond = (ms: number): string => Math.round((samplePoints / ms) * 1000).toLocaleString('en-US')
  const peakRssMib = process.resourceUsage().maxRSS / 1024

  console.log(`machine: ${machine()}`)
  // Other work on the machine slows both figures and hides the second core: say how busy it was.
  console.log(`load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0]?.toFixed(2)}`)
  console.log(
    `work: ${SAMPLES.toLocaleString('en-US')} samples × ${points} fleet sizes = ${samplePoints.toLocaleString('en-US')} sample-points, ` +
      `each both platforms (${(2 * samplePoints).toLocaleString('en-US')} platform evaluations); median of ${ROUNDS} rounds`
  )
  console.log(
    `one core:  ${singleMs.toFixed(0)} ms wall (sampling + model ${sampleMs.toFixed(0)} ms, quantiles ${combineMs.toFixed(0)} ms), ` +
      `${perSecond(singleMs)} sample-points/s  (target < 1,000 ms)`
  )
  console.log(
    `two cores: ${dualMs.toFixed(0)} ms wall incl. starting 2 worker threads, ${perSecond(dualMs)} sample-points/s, ` +
      `speed-up ×${(singleMs / dualMs).toFixed(2)}`
  )
  console.log(
    `two-core result identical to one core: ${isIdentical ? 'yes' : 'NO'} (each sample has its own stream Sfc32(seed, sample index), so the split does not change the numbers)`
  )
  console.log(
    `rounds, one core (ms): ${single.map((s) => s.totalMs.toFixed(0)).join(', ')}; two cores (ms): ${dual.map((d) => d.toFixed(0)).join(', ')}`
  )
  console.log(`worker start-up (one worker, one sample): ${median(startup).toFixed(0)} ms`)
  console.log(
    `peak RSS: ${singleRssMib.toFixed(1)} MiB after the one-core rounds, ${peakRssMib.toFixed(1)} MiB with the workers`
  )
}

if (isMainThread) {
  await main()
} else {
  const job = workerData as WorkerJob
  const batch = monteCarloBatch(createDefaultPlan(), {
    samples: job.samples,
    seed: SEED,
    firstSample: job.firstSample,
  })
  const buffers = [batch.vmwareUsd.buffer, batch.openstackUsd.buffer, batch.gapAtFleet.buffer]
  for (const column of Object.values(batch.sampleValues)) buffers.push(column.buffer)
  parentPort?.postMessage(batch, buffers as ArrayBuffer[])
}
