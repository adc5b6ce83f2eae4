import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { MAX_SEED, MONTE_CARLO_DEFAULTS, monteCarlo, type MonteCarloResult } from '../../../models/index'
import { UsageError } from '../errors'
import { csvField, formatTable, money, number } from '../format'
import { loadPlan } from '../load-plan'
import { parseCommandArgs, parseIntegerOption, parseSetOptions } from '../options'

/** Most samples the command line runs in one go (memory: about 16 bytes × samples × fleet sizes). */
const MAX_SAMPLES = 100_000
/** CSV rows written per call to the file. */
const ROWS_PER_WRITE = 1000

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
  let openstackCheaper = 0
  for (const gap of m.gapAtFleet) if (gap > 0) openstackCheaper++
  return [
    `Monte Carlo: ${number(m.samples)} samples, seed ${m.seed}, ${m.sampledKeys.length} assumptions sampled; annual cost (${cur}/yr).`,
    '',
    formatTable(rows),
    '',
    `At the plan's ${number(m.fleetVms)} VMs OpenStack is cheaper in ${percent(openstackCheaper / m.samples)} of samples.`,
  ].join('\n')
}

/**
 * Writes the samples CSV atomically: a temporary file in the same folder, flushed to disk, then renamed
 * over FILE, so FILE is either the old file or the whole new one, never a partial write.
 */
async function writeSamplesCsv(path: string, m: MonteCarloResult): Promise<void> {
  const header = ['sample', 'seed', ...m.sampledKeys, `gap at ${m.fleetVms} VMs (${m.currency}/yr)`]
  const columns = m.sampledKeys.map((key) => m.sampleValues[key] as Float64Array)
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  let handle
  try {
    handle = await open(temp, 'wx')
  } catch (error) {
    throw new UsageError(`--samples-out ${path}: cannot write there (${writeProblem(error)})`)
  }
  try {
    await handle.write(header.map(csvField).join(',') + '\n')
    for (let start = 0; start < m.samples; start += ROWS_PER_WRITE) {
      const lines: string[] = []
      for (let s = start; s < Math.min(m.samples, start + ROWS_PER_WRITE); s++) {
        const cells: (string | number)[] = [s, m.seed]
        for (const column of columns) cells.push(column[s] as number)
        cells.push(m.gapAtFleet[s] as number)
        lines.push(cells.map(csvField).join(','))
      }
      await handle.write(lines.join('\n') + '\n')
    }
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temp, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw new UsageError(`--samples-out ${path}: cannot write there (${writeProblem(error)})`)
  }
}

function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'the folder does not exist'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'it is a folder'
  if (code === 'ENOSPC') return 'the disk is full'
  return code ?? String(error)
}

export async function runMonteCarlo(args: string[]): Promise<string> {
  const { values, positionals } = parseCommandArgs(args, {
    samples: { type: 'string' },
    seed: { type: 'string' },
    scenario: { type: 'string' },
    set: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    'samples-out': { type: 'string' },
  })
  const samples =
    parseIntegerOption('samples', values.samples as string | undefined, 1, MAX_SAMPLES) ??
    MONTE_CARLO_DEFAULTS.samples
  const seed =
    parseIntegerOption('seed', values.seed as string | undefined, 0, MAX_SEED) ?? MONTE_CARLO_DEFAULTS.seed
  const samplesOut = values['samples-out'] as string | undefined
  if (samplesOut !== undefined && samplesOut.trim() === '')
    throw new UsageError('--samples-out needs a file name')
  const overrides = parseSetOptions(values.set as string[] | undefined)
  const plan = await loadPlan(positionals[0])
  const showProgress = process.stderr.isTTY === true
  let result: MonteCarloResult
  try {
    result = monteCarlo(plan, {
      samples,
      seed,
      overrides,
      scenarioId: values.scenario as string | undefined,
      onProgress: showProgress
        ? (done, total) => process.stderr.write(`\rMonte Carlo: ${Math.round((100 * done) / total)} %`)
        : undefined,
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  } finally {
    if (showProgress) process.stderr.write('\r\x1b[K')
  }
  if (samplesOut !== undefined) await writeSamplesCsv(samplesOut, result)
  return values.json ? JSON.stringify(monteCarloJson(result), null, 2) : monteCarloTable(result)
}
