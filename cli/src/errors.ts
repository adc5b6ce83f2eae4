/** Exit codes of the command line (docs/CLI.md). */
export const EXIT_OK = 0
/** A bad option, an unknown key or a value out of range. */
export const EXIT_USAGE = 2
/** An unreadable or invalid planning file. */
export const EXIT_PLAN_FILE = 3

/** A user mistake on the command line: printed as one line, exit 2. */
export class UsageError extends Error {
  readonly exitCode = EXIT_USAGE
}

/** A planning file that cannot be read or is not valid: printed as one line, exit 3. */
export class PlanFileProblem extends Error {
  readonly exitCode = EXIT_PLAN_FILE
}

/**
 * Runs a model call. The model refuses bad input (a value out of range, an unknown scenario) with a
 * RangeError naming the key and range: that is the user's mistake, exit 2. Anything else is a defect
 * and keeps its stack.
 */
export function withUsageErrors<T>(call: () => T): T {
  try {
    return call()
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message)
    throw error
  }
}

/** An input file (an inventory export) that cannot be used: printed as one line naming it, exit 3. */
export class InputFileProblem extends Error {
  readonly exitCode = EXIT_PLAN_FILE
}
