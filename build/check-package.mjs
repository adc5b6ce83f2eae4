// Checks what goes into app.asar without a real Electron binary (none can be downloaded here):
// builds with electron-vite, packs an unpacked Linux app with electron-builder against a placeholder
// Electron folder, inspects app.asar, then boots the packed main bundle under Node.js with a stub
// 'electron' module (build/smoke/) to see it register app://, open its window with the packed preload and
// serve the packed index.html. Fuses are not flipped in this run (the placeholder has none).
// Usage: node build/check-package.mjs [--keep]   (exit 0 = all checks passed)
import { spawn } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const MAX_ASAR_BYTES = 5 * 1024 * 1024
const keep = process.argv.includes('--keep')

function step(message) {
  console.log(`\n[check:package] ${message}`)
}

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    console.log(`$ ${[command, ...args].map((a) => (a.includes(' ') ? JSON.stringify(a) : a)).join(' ')}`)
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args[0]} failed (${signal ?? `exit ${code}`})`))
    )
  })
}

/** Runs a command, capturing its output; at most 30 s. */
function capture(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')
).version
const work = mkdtempSync(path.join(tmpdir(), 'stackplan-package-check-'))
const failures = []

try {
  step('1/5 Building main, preload and renderer with electron-vite')
  await run(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])

  step(
    `2/4 Creating a placeholder Electron ${electronVersion} folder (no real binary can be downloaded here)`
  )
  const electronDist = path.join(work, 'electron-dist')
  mkdirSync(electronDist, { recursive: true })
  writeFileSync(
    path.join(electronDist, 'electron'),
    '#!/bin/sh\necho "placeholder Electron: not runnable" >&2\nexit 1\n'
  )
  chmodSync(path.join(electronDist, 'electron'), 0o755)
  writeFileSync(path.join(electronDist, 'version'), electronVersion)
  console.log(`placeholder: ${electronDist}`)

  step('3/5 Packing an unpacked Linux app with electron-builder --dir (fuses skipped: placeholder)')
  const output = path.join(work, 'dist')
  await run(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-builder/cli.js'),
      '--dir',
      '--linux',
      '--x64',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
      '--publish=never',
    ],
    { STACKPLAN_PLACEHOLDER_ELECTRON: '1' }
  )

  step('4/5 Inspecting app.asar')
  const asarPath = path.join(output, 'linux-unpacked', 'resources', 'app.asar')
  if (!existsSync(asarPath)) throw new Error(`app.asar not found at ${asarPath}`)
  const asar = require('@electron/asar')
  const entries = asar
    .listPackage(asarPath, { isPack: false })
    .map((entry) => entry.replace(/\\/g, '/').replace(/^\/+/, ''))
  const files = entries.filter((entry) => {
    try {
      return !asar.statFile(asarPath, entry).files
    } catch {
      return true
    }
  })
  const sizeBytes = statSync(asarPath).size

  for (const required of [
    'out/main/index.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
    'package.json',
  ]) {
    if (!files.includes(required)) failures.push(`missing ${required}`)
  }
  const forbidden = [
    [/\.(ts|tsx|mts|cts|vue)$/, 'TypeScript or Vue source'],
    [/(^|\/)tests?\//, 'tests'],
    [
      /(^|\/)node_modules\/(vue|@vue|pinia|chart\.js|vue-chartjs|vue-i18n)(\/|$)/,
      'a renderer library in node_modules',
    ],
    [/^(electron|renderer|models|cli|scripts|bench|docs|build|src)\//, 'a source folder'],
    [/\.map$/, 'a source map'],
  ]
  for (const file of files) {
    for (const [pattern, what] of forbidden) {
      if (file.endsWith('.d.ts') || !pattern.test(file)) continue
      failures.push(`contains ${what}: ${file}`)
    }
  }
  if (files.some((file) => file.startsWith('node_modules/'))) {
    const modules = [
      ...new Set(files.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1])),
    ]
    failures.push(`contains node_modules (${modules.join(', ')}); the app has no runtime dependencies`)
  }
  const packagedJson = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8'))
  if (packagedJson.main !== 'out/main/index.js') failures.push(`package.json main is ${packagedJson.main}`)
  if (sizeBytes > MAX_ASAR_BYTES) {
    failures.push(`app.asar is ${(sizeBytes / 1024 / 1024).toFixed(2)} MB, over the 5 MB budget`)
  }

  console.log(`app.asar: ${asarPath}`)
  console.log(`files (${files.length}):`)
  for (const file of files) console.log(`  ${file}`)
  console.log(`app.asar size: ${sizeBytes} bytes (${(sizeBytes / 1024 / 1024).toFixed(2)} MB, budget 5 MB)`)

  step('5/5 Booting the packed main bundle under Node.js with a stub electron module')
  const unpacked = path.join(work, 'app')
  asar.extractAll(asarPath, unpacked)
  const userData = path.join(work, 'user-data')
  mkdirSync(userData)
  const smoke = await capture(
    process.execPath,
    ['--import', path.join(root, 'build/smoke/register.mjs'), path.join(unpacked, 'out/main/index.js')],
    { STACKPLAN_SMOKE_USER_DATA: userData }
  )
  console.log(smoke.output.trimEnd())
  const expectations = [
    ['enables the sandbox', '[smoke] enableSandbox'],
    ['registers app:// as privileged', '[smoke] registerSchemesAsPrivileged [{"scheme":"app"'],
    ['serves app://', '[smoke] protocol.handle app'],
    ['registers plan:save', '[smoke] ipcMain.handle plan:save'],
    ['opens a sandboxed, isolated window', '"contextIsolation":true,"sandbox":true,"nodeIntegration":false'],
    ['loads the app page', '[smoke] loadURL app://stackplan/index.html'],
    ['gets the packed index.html', '[smoke] page 200 text/html; charset=utf-8'],
  ]
  for (const [what, line] of expectations) {
    if (!smoke.output.includes(line)) failures.push(`packed main bundle did not: ${what}`)
  }
  const preload = /"preload":"([^"]+)"/.exec(smoke.output)?.[1]
  if (!preload || !existsSync(preload))
    failures.push(`the window's preload is not in the package: ${preload}`)
  if (smoke.output.includes('showErrorBox')) failures.push('the packed main bundle reported a startup error')
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error))
} finally {
  if (keep) console.log(`kept: ${work}`)
  else rmSync(work, { recursive: true, force: true })
}

if (failures.length > 0) {
  console.error(`\n[check:package] FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
  process.exit(1)
}
console.log('\n[check:package] OK: app.asar holds the built app only, within budget')
