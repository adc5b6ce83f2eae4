// Hostile planning files at scale: a seeded corpus of every class (truncation, byte flips, wrong types, extreme
// numbers, depth, size, prototype keys, duplicate keys, encodings, control characters, long strings,
// versions) read in-process by the reader every host uses, and a share of it plus special files (FIFO,
// folder, dangling link, devices, /proc) through the real `stackplan` command line. Prints counts by
// outcome; exits 1 on any crash, hang or exit code other than 0, 2 and 3. Never asserts a time.
// Run with `npm run bench -- hostile-corpus`; sizes: STACKPLAN_CORPUS_PER_CLASS (default 300, in-process)
// and STACKPLAN_CORPUS_CLI_PER_CLASS (default 20, command line), seed STACKPLAN_CORPUS_SEED (default 1).
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodePlanFileBytes, parsePlanFile } from '../models/index'
import { CORPUS_CLASSES, hostileCorpus } from '../tests/support/hostile-corpus'

const root = join(import.meta.dirname, '..')
const bin = join(root, 'cli/bin/stackplan.mjs')
const PER_CLASS = Number(process.env.STACKPLAN_CORPUS_PER_CLASS ?? 300)
const CLI_PER_CLASS = Number(process.env.STACKPLAN_CORPUS_CLI_PER_CLASS ?? 20)
const SEED = Number(process.env.STACKPLAN_CORPUS_SEED ?? 1)
/** A command that has not ended after this long counts as a hang and is killed. */
const HANG_MS = 30_000

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

function table(title: string, map: Map<string, number>): void {
  console.log(title)
  for (const [key, n] of [...map].sort((a, b) => a[0].localeCompare(b[0])))
    console.log(`  ${key.padEnd(44)} ${String(n).padStart(7)}`)
}

// In-process: the one decoding rule, then parsePlanFile.
const inProcess = new Map<string, number>()
let crashes = 0
for (const file of hostileCorpus(SEED, PER_CLASS)) {
  try {
    const decoded = decodePlanFileBytes(file.bytes)
    const result = decoded.ok ? parsePlanFile(decoded.text) : { ok: false as const, error: decoded.error }
    count(inProcess, `${file.corpusClass}: ${result.ok ? 'plan' : `refused (${result.error.kind})`}`)
  } catch (error) {
    crashes++
    count(inProcess, `${file.corpusClass}: CRASH ${(error as Error).message.slice(0, 40)}`)
  }
}
const polluted = ({} as Record<string, unknown>).polluted !== undefined

function runCli(target: string): Promise<{ code: number | null; isHang: boolean; stderrLines: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'evaluate', target], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    let isHang = false
    const timer = setTimeout(() => {
      isHang = true
      child.kill('SIGKILL')
    }, HANG_MS)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({
        code,
        isHang,
        stderrLines: stderr.trimEnd() === '' ? 0 : stderr.trimEnd().split('\n').length,
      })
    })
  })
}

// The command line: the first CLI_PER_CLASS files of every class, and the special files.
const dir = mkdtempSync(join(tmpdir(), 'stackplan-corpus-bench-'))
const targets: { label: string; path: string }[] = []
const seen = new Map<string, number>()
for (const file of hostileCorpus(SEED, PER_CLASS)) {
  const n = seen.get(file.corpusClass) ?? 0
  if (n >= CLI_PER_CLASS) continue
  seen.set(file.corpusClass, n + 1)
  const path = join(dir, file.name)
  writeFileSync(path, file.bytes)
  targets.push({ label: file.corpusClass, path })
}
const fifo = join(dir, 'pipe.stackplan')
execFileSync('mkfifo', [fifo])
mkdirSync(join(dir, 'folder.stackplan'))
symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.stackplan'))
symlinkSync(fifo, join(dir, 'link-to-pipe.stackplan'))
for (const path of [fifo, join(dir, 'folder.stackplan'), join(dir, 'dangling.stackplan')])
  targets.push({ label: 'specialFiles', path })
targets.push({ label: 'specialFiles', path: join(dir, 'link-to-pipe.stackplan') })
for (const path of ['/dev/zero', '/dev/null', '/proc/self/pagemap'])
  targets.push({ label: 'specialFiles', path })

const cli = new Map<string, number>()
let badExits = 0
let hangs = 0
let multiLine = 0
// Two at a time: the machine is shared.
for (let i = 0; i < targets.length; i += 2) {
  const batch = targets.slice(i, i + 2)
  const outcomes = await Promise.all(batch.map((t) => runCli(t.path)))
  outcomes.forEach((outcome, k) => {
    const label = (batch[k] as { label: string }).label
    if (outcome.isHang) hangs++
    else if (![0, 2, 3].includes(outcome.code ?? -1)) badExits++
    if (outcome.stderrLines > 1) multiLine++
    count(cli, `${label}: ${outcome.isHang ? 'HANG' : `exit ${outcome.code}`}`)
  })
}
rmSync(dir, { recursive: true, force: true })

console.log(
  `seed ${SEED}; ${PER_CLASS} files per class in-process, ${CLI_PER_CLASS} per class through the CLI`
)
console.log(`classes: ${CORPUS_CLASSES.join(', ')}, plus special files on the command line`)
table('in-process (decodePlanFileBytes + parsePlanFile):', inProcess)
table('command line (stackplan evaluate FILE):', cli)
console.log(
  `crashes ${crashes}, hangs ${hangs}, exit codes other than 0/2/3: ${badExits}, ` +
    `stderr longer than one line: ${multiLine}, Object.prototype polluted: ${polluted}`
)
process.exit(crashes + hangs + badExits + multiLine > 0 || polluted ? 1 : 0)
