#!/usr/bin/env node
// The `stackplan` command: runs the bundled command line built by `npm run build:cli` (run on npm ci).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bundle = fileURLToPath(new URL('../dist/stackplan.mjs', import.meta.url))
if (!existsSync(bundle)) {
  process.stderr.write(
    'stackplan: the command line is not built yet; run `npm run build:cli` in the project folder.\n'
  )
  process.exit(1)
}
await import(bundle)
