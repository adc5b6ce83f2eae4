// Runs every benchmark in bench/: TypeScript files are bundled with esbuild into a temp folder first.
// Usage: npm run bench [-- NAME...]   (NAME matches the file name without extension)
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const wanted = process.argv.slice(2)
const files = readdirSync(join(root, 'bench'))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort()
// Inside the project, so packages left external (playwright-core) resolve from its node_modules.
mkdirSync(join(root, 'node_modules', '.tmp'), { recursive: true })
const outDir = mkdtempSync(join(root, 'node_modules', '.tmp', 'bench-'))

/** Bundled modules keep their own folder: `import.meta.dirname` becomes the source file's folder. */
const sourceDirname = {
  name: 'source-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll(
        'import.meta.dirname',
        JSON.stringify(dirname(args.path))
      ),
      loader: 'ts',
    }))
  },
}
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
      external: ['playwright-core', 'esbuild', 'exceljs'],
      plugins: [sourceDirname],
    })
    entry = outfile
  }
  console.log(`\n== ${file}`)
  const result = spawnSync(process.execPath, ['--expose-gc', entry], { stdio: 'inherit', cwd: root })
  if (result.status !== 0) failed++
}
rmSync(outDir, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
