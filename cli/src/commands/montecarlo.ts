import {
  CATALOG,
  MAX_MONTE_CARLO_BYTES,
  MAX_MONTE_CARLO_SAMPLES,
  MAX_SEED,
  MONTE_CARLO_DEFAULTS,
  monteCarlo,
  monteCarloTransition,
  samplesCsv,
  summarizeGap,
  type MonteCarloResult,
} from '../../../models/index'
import { UsageError, withUsageErrors } from '../errors'
import { formatTable, money, number, vmsText } from '../format'
import { loadPlan } from '../load-plan'
import { parseCommandArgs, parseIntegerOption, parseSetOptions, parseTargetOption } from '../options'
import { transitionMonteCarloJson, transitionMonteCarloText } from './montecarlo-transition'
import { writeOutputFile } from '../write-output'

/** Bytes a run of `samples` over `fleetSizes` points holds at most (every catalog key sampled). */
export function monteCarloBytes(samples: number, fleetSizes: number): number {
  return samples * (fleetSizes * 16 + (CATALOG.length + 1) * 8)
}

function megabytes(bytes: number): string {
  return `${number(Math.ceil(bytes / (1024 * 1024)))} MB`
}

/** The public JSON shape of `stackplan montecarlo --json` (docs/CLI.md). */
export function monteCarloJson(m: MonteCarloResult) {
  return {
    samples: m.samples,
    seed: m.seed,
    vms: m.vms,
    platforms: m.platforms,
    probabilityOpenstackCheaper: m.probabilityOpenstackCheaper,
  }
}

function percent(p: number): string {
  return `${number(100 * p, 1)} %`
}

function monteCarloTable(m: MonteCarloResult): string {
  const cur = m.currency
  const v = m.platforms.vmware
  const o = m.platforms.openstack
  const rows = [['VMs', 'VMware P10', 'P50', 'P90', 'OpenStack P10', 'P50', 'P90', 'P(OpenStack cheaper)']]
  m.vms.forEach((vms, i) => {
    const cell = (xs: number[]): string => money(xs[i] as number, cur)
    rows.push([
      number(vms),
      cell(v.p10),
      cell(v.p50),
      cell(v.p90),
      cell(o.p10),
      cell(o.p50),
      cell(o.p90),
      percent(m.probabilityOpenstackCheaper[i] as number),
    ])
  })
  return [
    `Monte Carlo: ${number(m.samples)} samples, seed ${m.seed}, ${m.sampledKeys.length} assumptions sampled; annual cost (${cur}/yr).`,
    '',
    formatTable(rows),
    '',
    `At the plan's ${vmsText(m.fleetVms)} OpenStack is cheaper in ${percent(summarizeGap(m.gapAtFleet).openstackCheaperShare)} of samples.`,
  ].join('\n')
}

export async function runMonteCarlo(args: string[]): Promise<string> {
  const { values, positionals } = parseCommandArgs(args, {
    samples: { type: 'string' },
    seed: { type: 'string' },
    scenario: { type: 'string' },
    set: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    'samples-out': { type: 'string' },
    target: { type: 'string' },
  })
  const target = parseTargetOption(values.target as string | undefined)
  const samplesOption = parseIntegerOption(
    'samples',
    values.samples as string | undefined,
    1,
    MAX_MONTE_CARLO_SAMPLES
  )
  const seedOption = parseIntegerOption('seed', values.seed as string | undefined, 0, MAX_SEED)
  const samplesOut = values['samples-out'] as string | undefined
  if (samplesOut !== undefined && samplesOut.trim() === '')
    throw new UsageError('--samples-out needs a file name')
  const overrides = parseSetOptions(values.set as string[] | undefined)
  const plan = await loadPlan(positionals[0])
  // Options win; else the sample count and seed saved with the plan; else the defaults.
  const samples = samplesOption ?? plan.monteCarlo?.samples ?? MONTE_CARLO_DEFAULTS.samples
  const seed = seedOption ?? plan.monteCarlo?.seed ?? MONTE_CARLO_DEFAULTS.seed
  if (target !== undefined && target !== 'annualGap') {
    if (samplesOut !== undefined) throw new UsageError('--samples-out is for the cost-curve Monte Carlo only')
    // The stay-or-move Monte Carlo runs a month-by-month comparison per sample: 500 samples by default.
    const result = withUsageErrors(() =>
      monteCarloTransition(plan, {
        samples: samplesOption ?? 500,
        seed,
        overrides,
        scenarioId: values.scenario as string | undefined,
      })
    )
    return values.json
      ? JSON.stringify(transitionMonteCarloJson(result), null, 2)
      : transitionMonteCarloText(result)
  }
  // The curve's points plus the plan's own fleet size, which is added when it is not one of them.
  const fleetSizes = plan.view.curvePoints + 1
  const bytes = monteCarloBytes(samples, fleetSizes)
  if (bytes > MAX_MONTE_CARLO_BYTES) {
    throw new UsageError(
      `this run would hold about ${megabytes(bytes)} (${number(samples)} samples × ${number(fleetSizes)} fleet sizes); ` +
        `the limit is ${megabytes(MAX_MONTE_CARLO_BYTES)}: lower --samples or the plan's view.curvePoints`
    )
  }
  const showProgress = process.stderr.isTTY === true
  if (showProgress) {
    process.stderr.write(
      `Monte Carlo: ${number(samples)} samples × ${number(fleetSizes)} fleet sizes, up to ${megabytes(bytes)} of memory\n`
    )
  }
  let result: MonteCarloResult
  try {
    result = withUsageErrors(() =>
      monteCarlo(plan, {
        samples,
        seed,
        overrides,
        scenarioId: values.scenario as string | undefined,
        onProgress: showProgress
          ? (done, total) => process.stderr.write(`\rMonte Carlo: ${Math.round((100 * done) / total)} %`)
          : undefined,
      })
    )
  } finally {
    if (showProgress) process.stderr.write('\r\x1b[K')
  }
  if (samplesOut !== undefined) await writeOutputFile(samplesOut, samplesCsv(result))
  return values.json ? JSON.stringify(monteCarloJson(result), null, 2) : monteCarloTable(result)
}
