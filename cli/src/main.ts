import { runAssumptions } from './commands/assumptions'
import { runBreakEven } from './commands/breakeven'
import { runCurves } from './commands/curves'
import { runEvaluate } from './commands/evaluate'
import { runExport } from './commands/export'
import { runImport } from './commands/import'
import { runInit } from './commands/init'
import { runMonteCarlo } from './commands/montecarlo'
import { runSensitivity } from './commands/sensitivity'
import { EXIT_OK, EXIT_USAGE, InputFileProblem, PlanFileProblem, UsageError } from './errors'
import { APP_VERSION } from './version'

const USAGE = `stackplan ${APP_VERSION} — VMware vs OpenStack capacity and cost planner

Usage:
  stackplan init [FILE]                       write the default planning file (stdout without FILE)
  stackplan assumptions [--json]              the assumption catalog: key, unit, default, range, flag, source
  stackplan evaluate [PLAN] [--vms N] [--scenario NAME] [--set KEY=VALUE]... [--json]
  stackplan curves [PLAN] [--from N] [--to N] [--points K] [--metric annual|npv|perVmMonth]
                   [--scenario NAME] [--set KEY=VALUE]... [--json|--csv]
  stackplan sensitivity [PLAN] [--vms N] [--scenario NAME] [--set KEY=VALUE]... [--json]
                   tornado: each assumption to its low/high, the swing of the cost gap and crossover
  stackplan breakeven [PLAN] --key KEY [--vms N] [--scenario NAME] [--set KEY=VALUE]... [--json]
                   the value of KEY at which both platforms cost the same
  stackplan montecarlo [PLAN] [--samples N] [--seed S] [--scenario NAME] [--set KEY=VALUE]...
                   [--json] [--samples-out FILE.csv]
                   P10/P50/P90 cost bands and the probability OpenStack is cheaper (2,000 samples, seed 1)
  stackplan export [PLAN] --xlsx FILE | --csv FILE [--scenario NAME] [--set KEY=VALUE]...
                   the workbook (assumptions, curves, breakdown, scenarios) or the curves CSV
  stackplan import SOURCE... [--include-powered-off] [--include-templates] [--json] [--out PLAN.stackplan]
                   read an RVTools export (.xlsx, CSV folder or .zip) or a plain VM CSV: the estate,
                   its size classes and licence position; --out writes a plan for the included VMs

PLAN is a .stackplan file; without it the built-in default plan is used.
Exit codes: 0 ok, 2 bad option or value, 3 unreadable or invalid planning file or inventory. See docs/CLI.md.`

const COMMANDS: Record<string, (args: string[]) => Promise<string>> = {
  init: runInit,
  assumptions: runAssumptions,
  evaluate: runEvaluate,
  curves: runCurves,
  sensitivity: runSensitivity,
  breakeven: runBreakEven,
  montecarlo: runMonteCarlo,
  export: runExport,
  import: runImport,
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n')
    return command === undefined ? EXIT_USAGE : EXIT_OK
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(APP_VERSION + '\n')
    return EXIT_OK
  }
  const run = COMMANDS[command]
  if (!run) {
    process.stderr.write(
      `stackplan: unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')})\n`
    )
    return EXIT_USAGE
  }
  try {
    process.stdout.write((await run(args)) + '\n')
    return EXIT_OK
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof PlanFileProblem ||
      error instanceof InputFileProblem
    ) {
      process.stderr.write(`stackplan ${command}: ${error.message}\n`)
      return error.exitCode
    }
    // A defect, not a user mistake: keep the detail for the bug report.
    process.stderr.write(`stackplan ${command}: internal error: ${(error as Error).stack ?? String(error)}\n`)
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
