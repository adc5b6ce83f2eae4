import { curvesTable, exportResults, tableToCsv, workbookTables } from '../../../export/index'
import { buildWorkbook } from '../../../export/workbook'
import { UsageError, withUsageErrors } from '../errors'
import { loadPlan } from '../load-plan'
import { parseCommandArgs, parseSetOptions } from '../options'
import { APP_VERSION } from '../version'
import { writeOutputFile } from '../write-output'

/**
 * `stackplan export [PLAN] --xlsx FILE | --csv FILE [--scenario NAME] [--set KEY=VALUE]...`: the workbook
 * (summary, assumptions, curves, breakdown, scenarios) or the curves CSV, written atomically.
 */
export async function runExport(args: string[]): Promise<string> {
  const { values, positionals } = parseCommandArgs(args, {
    xlsx: { type: 'string' },
    csv: { type: 'string' },
    scenario: { type: 'string' },
    set: { type: 'string', multiple: true },
  })
  const xlsx = values.xlsx as string | undefined
  const csv = values.csv as string | undefined
  if ((xlsx === undefined) === (csv === undefined))
    throw new UsageError('choose exactly one of --xlsx FILE and --csv FILE')
  const target = (xlsx ?? csv) as string
  if (target.trim() === '') throw new UsageError(`--${xlsx !== undefined ? 'xlsx' : 'csv'} needs a file name`)
  const overrides = parseSetOptions(values.set as string[] | undefined)
  const plan = await loadPlan(positionals[0])
  const results = withUsageErrors(() =>
    exportResults(plan, { scenarioId: values.scenario as string | undefined, overrides })
  )
  let bytes: Uint8Array | string
  if (csv !== undefined) {
    bytes = tableToCsv(curvesTable(results.curves)) + '\n'
  } else {
    const exportedAt = new Date()
    bytes = await buildWorkbook(
      workbookTables({
        plan,
        ...results,
        sensitivity: null,
        monteCarlo: null,
        exportedAt,
        appVersion: APP_VERSION,
      }),
      { createdAt: exportedAt }
    )
  }
  await writeOutputFile(target, bytes)
  return `Wrote ${csv !== undefined ? 'the curves CSV' : 'the workbook'} to ${target}`
}
