import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

/**
 * Vitest global setup of the unit project: bundles the command line (scripts/build-cli.mjs → cli/dist) once,
 * before any test file runs, so the tests that start the real `stackplan` bin as a child process all run
 * today's source and none of them reads a bundle another worker is rewriting.
 */
export default async function buildCli(): Promise<void> {
  const root = join(import.meta.dirname, '../..')
  await promisify(execFile)(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root })
}
