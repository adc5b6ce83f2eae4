// Runs every benchmark in bench/: TypeScript files are bundled with esbuild into a temp folder first.
// Usage: npm run bench [-- NAME...]   (NAME matches the file name without extension)
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const wanted = process.argv.slice(2)
const files = readdirSync(join(root, 'bench'))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort()
const outDir = mkdtempSync(join(tmpdir(), 'stackplan-bench-'))
let failed = 0
for (const file of files) {
  let entry = join(root, 'bench', file)
  if (file.endsWith('.ts')) {
    const outfile = join(outDir, file.replace(/\.ts$/, '.mjs'))
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      external: ['playwright-core', 'esbuild'],
    })
    entry = outfile
  }
  console.log(`\n== ${file}`)
  const result = spawnSync(process.execPath, ['--expose-gc', entry], { stdio: 'inherit', cwd: root })
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
