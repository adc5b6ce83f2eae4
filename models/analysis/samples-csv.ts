import { findAssumption } from '../catalog/catalog'
import { csvField } from './csv-field'
import type { MonteCarloResult } from './montecarlo'

/** What the samples CSV needs of a run (a MonteCarloResult without its bands). */
export type SamplesForCsv = Pick<
  MonteCarloResult,
  'samples' | 'seed' | 'fleetVms' | 'currency' | 'sampledKeys' | 'sampleValues' | 'gapAtFleet'
>

/**
 * The samples table's headers: `sample`, `seed`, each sampled key with its catalog unit in parentheses
 * ("vmware.usdPerCoreYear.vcf (USD/core/yr)"), and the gap at the plan's fleet size with its unit
 * ("gap at 1000 VMs (USD/yr)"). One list for the window's export, the workbook and `stackplan montecarlo`.
 */
export function samplesCsvHeaders(
  run: Pick<SamplesForCsv, 'sampledKeys' | 'fleetVms' | 'currency'>
): string[] {
  return [
    'sample',
    'seed',
    ...run.sampledKeys.map((key) => {
      const unit = findAssumption(key)?.unit
      return unit ? `${key} (${unit})` : key
    }),
    `gap at ${run.fleetVms} VMs (${run.currency}/yr)`,
  ]
}

/** One row per sample: its index, the run's seed, the value each sampled key took and the gap, unrounded. */
export function samplesCsvRows(run: SamplesForCsv): number[][] {
  const columns = run.sampledKeys.map((key) => run.sampleValues[key] as Float64Array)
  return Array.from({ length: run.samples }, (_, s) => sampleRow(run, columns, s))
}

function sampleRow(run: SamplesForCsv, columns: Float64Array[], s: number): number[] {
  const row = [s, run.seed]
  for (const column of columns) row.push(column[s] as number)
  row.push(run.gapAtFleet[s] as number)
  return row
}

/**
 * The Monte Carlo samples as CSV (RFC 4180, "\n" line ends, a final line break): the headers of
 * samplesCsvHeaders, then one line per sample with every number in full (JavaScript's shortest round-trip
 * form), so a spreadsheet or script can redo any statistic of the run.
 */
export function samplesCsv(run: SamplesForCsv): string {
  const columns = run.sampledKeys.map((key) => run.sampleValues[key] as Float64Array)
  const lines = [samplesCsvHeaders(run).map(csvField).join(',')]
  for (let s = 0; s < run.samples; s++) lines.push(sampleRow(run, columns, s).map(csvField).join(','))
  return lines.join('\n') + '\n'
}
