import { runAssumptions } from './commands/assumptions'
import { runBreakEven } from './commands/breakeven'
import { runCurves } from './commands/curves'
import { runEvaluate } from './commands/evaluate'
import { runExport } from './commands/export'
import { runImport } from './commands/import'
import { runInit } from './commands/init'
import { runMonteCarlo } from './commands/montecarlo'
import { runSensitivity } from './commands/sensitivity'
import { runTransition } from './commands/transition'
import { describeReason, errorCode } from '../../file-service/errors'
import { EXIT_OK, EXIT_PLAN_FILE, EXIT_USAGE, InputFileProblem, PlanFileProblem, UsageError } from './errors'
import { quoted, terminalLine, terminalOutput } from './terminal-text'
import { APP_VERSION } from './version'

const USAGE = `stackplan ${APP_VERSION} — VMware vs OpenStack capacity and cost planner

Usage:
  stackplan init [FILE]                       write the default planning file (stdout without FILE)
  stackplan assumptions [--json]              the assumption catalog: key, unit, default, range, flag, source
  stackplan evaluate [PLAN] [--vms N] [--scenario NAME] [--set KEY=VALUE]... [--json]
  stackplan curves [PLAN] [--from N] [--to N] [--points K] [--metric annual|npv|perVmMonth]
                   [--scenario NAME] [--set KEY=VALUE]... [--json|--csv]
  stackplan sensitivity [PLAN] [--vms N] [--scenario NAME] [--set KEY=VALUE]... [--target T] [--json]
                   tornado: each assumption to its low/high, the swing of the cost gap and crossover
  stackplan breakeven [PLAN] --key KEY [--vms N] [--scenario NAME] [--set KEY=VALUE]... [--target T]
                   [--json]
                   the value of KEY at which both platforms cost the same
  stackplan montecarlo [PLAN] [--samples N] [--seed S] [--scenario NAME] [--set KEY=VALUE]...
                   [--json] [--samples-out FILE.csv] [--target T]
                   P10/P50/P90 cost bands and the probability OpenStack is cheaper (2,000 samples, seed 1)
  stackplan transition [PLAN] [--vms N] [--scenario NAME] [--set KEY=VALUE]... [--json]
                   stay on VMware or move to OpenStack, month by month: yearly cash and the payback month
  stackplan export [PLAN] --xlsx FILE | --csv FILE [--scenario NAME] [--set KEY=VALUE]...
                   the workbook (assumptions, curves, breakdown, scenarios) or the curves CSV
  stackplan import SOURCE... [--include-powered-off] [--include-templates] [--json] [--out PLAN.stackplan]
                   read an RVTools export (.xlsx, CSV folder or .zip) or a plain VM CSV: the estate,
                   its size classes and licence position; --out writes a plan for the included VMs

T (analysis target): annualGap (default), moveNpvGain or paybackMonth (stay or move, see transition).
PLAN is a .stackplan file; without it the built-in default plan is used.
Exit codes: 0 ok, 2 bad option or value, 3 unreadable or invalid planning file or inventory, or a file
(or stdout) that could not be written. See docs/CLI.md.`

const COMMANDS: Record<string, (args: string[]) => Promise<string>> = {
  init: runInit,
  assumptions: runAssumptions,
  evaluate: runEvaluate,
  curves: runCurves,
  sensitivity: runSensitivity,
  breakeven: runBreakEven,
  montecarlo: runMonteCarlo,
  transition: runTransition,
  export: runExport,
  import: runImport,
}

/** Why a write to stdout failed, as a code ('EPIPE', 'ENOSPC'…), or null when it did not. */
function writeStdout(text: string): Promise<string | null> {
  return new Promise((resolve) => {
    let isSettled = false
    const settle = (error: unknown): void => {
      if (isSettled) return
      isSettled = true
      resolve(error ? errorCode(error) : null)
    }
    // Stays attached: a stream that failed once may report again while the process exits.
    process.stdout.on('error', settle)
    try {
      process.stdout.write(text, settle)
    } catch (error) {
      // A file or device on stdout is written synchronously: /dev/full throws ENOSPC right here.
      settle(error)
    }
  })
}

/**
 * Prints a command's output. A reader that went away (`| head -c 10`: EPIPE) ends the command quietly
 * with exit 0, as Unix tools do; any other failure (`> /dev/full`: ENOSPC) is one line and exit 3.
 */
async function printOutput(command: string, text: string): Promise<number> {
  const code = await writeStdout(terminalOutput(text) + '\n')
  if (code === null || code === 'EPIPE') return EXIT_OK
  process.stderr.write(
    `stackplan ${command}: could not write the output: ${describeReason({ code })} (${code})\n`
  )
  return EXIT_PLAN_FILE
}

function printProblem(prefix: string, message: string): void {
  process.stderr.write(`${prefix}: ${terminalLine(message)}\n`)
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  if (command === undefined) {
    printProblem('stackplan', 'no command given; `stackplan help` lists the commands')
    process.stderr.write(USAGE + '\n')
    return EXIT_USAGE
  }
  if (command === 'help' || command === '--help' || command === '-h') return printOutput(command, USAGE)
  if (command === '--version' || command === '-v') return printOutput(command, APP_VERSION)
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (!run) {
    printProblem(
      'stackplan',
      `unknown command ${quoted(command)} (commands: ${Object.keys(COMMANDS).join(', ')})`
    )
    return EXIT_USAGE
  }
  let output: string
  try {
    output = await run(args)
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof PlanFileProblem ||
      error instanceof InputFileProblem
    ) {
      printProblem(`stackplan ${command}`, error.message)
      return error.exitCode
    }
    // A defect, not a user mistake: keep the detail for the bug report.
    process.stderr.write(
      `stackplan ${command}: internal error: ${terminalOutput((error as Error).stack ?? String(error))}\n`
    )
    return 1
  }
  return printOutput(command, output)
}

process.exitCode = await main(process.argv.slice(2))
