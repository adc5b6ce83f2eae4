// npm run check:security: Electronegativity over electron/ (sources) and out/ (the built app).
// Installs the scanner into .tools/electronegativity on first use, writes CSV reports there, and fails on
// any HIGH finding not explained in build/electronegativity-allowlist.json. Electronegativity predates
// fuses, custom protocols and senderFrame checks: a linter, not a proof (see docs/SECURITY.md).
//   node scripts/electronegativity.mjs [--no-build]
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const toolDir = path.join(root, '.tools', 'electronegativity')
const scanner = path.join(toolDir, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
const allowlistFile = path.join(root, 'build', 'electronegativity-allowlist.json')
const ELECTRON_VERSION = '45.0.0'
const TARGETS = ['electron', 'out']
const CSV_HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url']
const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']
const SCAN_ATTEMPTS = 3

function say(message) {
  console.log(`[check:security] ${message}`)
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' })
    child.on('error', (error) => {
      say(`could not run ${command}: ${error.message}`)
      resolve(1)
    })
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

/** Runs a command quietly; resolves with its exit code and combined output. */
function capture(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => resolve({ code: 1, output: error.message }))
    child.on('exit', (code) => resolve({ code: code ?? 1, output }))
  })
}

/** RFC 4180 CSV (quoted fields, "" for a quote), as Electronegativity writes it. */
export function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let isQuoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (isQuoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') isQuoted = false
      else field += char
    } else if (char === '"') isQuoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      if (row.some((cell) => cell.length > 0)) rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  row.push(field)
  if (row.some((cell) => cell.length > 0)) rows.push(row)
  return rows
}

/**
 * Whether a report is whole. Electronegativity 1.10 writes the CSV header and the rows with two unawaited
 * fs.writeFile calls, so a report can come out with its first row overwritten or its rows truncated away.
 */
export function isWholeReport(text, scannerOutput) {
  const [header, ...rows] = parseCsv(text)
  if (!header || header.map((cell) => cell.trim()).join(',') !== CSV_HEADER.join(',')) return false
  if (rows.some((cells) => cells.length !== CSV_HEADER.length || !/^[A-Z0-9_]+$/.test(cells[0] ?? '')))
    return false
  if (rows.some((cells) => !SEVERITIES.includes((cells[1] ?? '').trim().toUpperCase()))) return false
  // An empty report is only believable when the scanner also said it found nothing.
  return rows.length > 0 || scannerOutput.includes('No issues were found')
}

/** Findings of one whole report. */
export function findingsFromCsv(text, target) {
  return parseCsv(text)
    .slice(1)
    .map(
      ([
        issue = '',
        severity = '',
        confidence = '',
        file = '',
        location = '',
        sample = '',
        description = '',
      ]) => ({
        issue: issue.trim(),
        severity: severity.trim().toUpperCase(),
        confidence: confidence.trim(),
        file: file === 'N/A' ? `${target}/` : `${target}/${file.replace(/\\/g, '/')}`,
        location,
        sample: sample.length > 120 ? `${sample.slice(0, 117)}...` : sample,
        description,
      })
    )
}

export function isAllowlisted(finding, allowlist) {
  return allowlist.some((entry) => entry.issue === finding.issue && entry.file === finding.file)
}

async function main() {
  const allowlist = JSON.parse(readFileSync(allowlistFile, 'utf8')).entries
  for (const entry of allowlist) {
    if (!entry.issue || !entry.file || !entry.reason || entry.reason.trim().length < 20) {
      throw new Error(`Every allowlist entry needs issue, file and a real reason: ${JSON.stringify(entry)}`)
    }
  }

  if (!existsSync(scanner)) {
    say('Installing @doyensec/electronegativity into .tools/electronegativity (first run only)…')
    mkdirSync(toolDir, { recursive: true })
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const code = await run(npm, [
      'install',
      '--prefix',
      toolDir,
      '--no-audit',
      '--no-fund',
      '@doyensec/electronegativity@1',
    ])
    if (code !== 0 || !existsSync(scanner)) throw new Error('Installing Electronegativity failed')
  }

  if (!process.argv.includes('--no-build')) {
    say('Building the app so out/ is current (electron-vite build)…')
    const electronVite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
    if ((await run(process.execPath, [electronVite, 'build'])) !== 0)
      throw new Error('electron-vite build failed')
  }

  const findings = []
  for (const target of TARGETS) {
    if (!existsSync(path.join(root, target))) throw new Error(`${target}/ does not exist`)
    const report = path.join(toolDir, `report-${target}.csv`)
    let text = null
    for (let attempt = 1; attempt <= SCAN_ATTEMPTS && text === null; attempt++) {
      say(
        `Scanning ${target}/ as Electron ${ELECTRON_VERSION} → ${path.relative(root, report)} (attempt ${attempt})`
      )
      rmSync(report, { force: true })
      const args = [scanner, '-i', target, '-e', ELECTRON_VERSION, '-r', '-v', 'false', '-o', report]
      // English messages, so an empty report can be told from a truncated one.
      const { code, output } = await capture(process.execPath, args, {
        LANG: 'en_US.UTF-8',
        LC_ALL: 'en_US.UTF-8',
      })
      if (code !== 0) throw new Error(`Electronegativity exited with ${code} on ${target}/:\n${output}`)
      if (!existsSync(report)) throw new Error(`Electronegativity wrote no report for ${target}/`)
      const candidate = readFileSync(report, 'utf8')
      if (isWholeReport(candidate, output)) text = candidate
      else say('the report came out garbled (a known race in the scanner); scanning again')
    }
    if (text === null) throw new Error(`No whole report for ${target}/ after ${SCAN_ATTEMPTS} attempts`)
    findings.push(...findingsFromCsv(text, target))
  }

  console.log('')
  const order = SEVERITIES
  findings.sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity))
  for (const finding of findings) {
    const mark = isAllowlisted(finding, allowlist) ? ' (allowlisted)' : ''
    console.log(`${finding.severity.padEnd(6)} ${finding.issue} ${finding.file}:${finding.location}${mark}`)
    console.log(`       ${finding.description} — ${finding.sample}`)
  }
  for (const entry of allowlist) {
    if (!findings.some((finding) => isAllowlisted(finding, [entry]))) {
      say(
        `note: allowlist entry ${entry.issue} ${entry.file} matched nothing; remove it if the finding is gone`
      )
    }
  }

  const blocking = findings.filter(
    (finding) => finding.severity === 'HIGH' && !isAllowlisted(finding, allowlist)
  )
  const counts = order.map(
    (severity) => `${findings.filter((f) => f.severity === severity).length} ${severity}`
  )
  say(`${findings.length} findings: ${counts.join(', ')}; ${blocking.length} HIGH not allowlisted`)
  if (blocking.length > 0) {
    say(
      'FAILED: explain or fix every HIGH finding (docs/SECURITY.md, build/electronegativity-allowlist.json)'
    )
    process.exit(1)
  }
  say('OK')
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    say(`FAILED: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
