import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePlanFile } from '../../../models/plan-file'

// Kill a process that is saving, at random moments, many times: the planning file must always be exactly
// the old bytes or exactly the new bytes, and load. The child runs the real file service, bundled by esbuild.

const ROOT = resolve(import.meta.dirname, '../../..')
const CHILD = resolve(import.meta.dirname, 'kill-during-save.child.mjs')
const OLD_TEXT = readFileSync(join(ROOT, 'tests/fixtures/format-v1-default.stackplan'), 'utf8')
const NEW_TEXT = readFileSync(join(ROOT, 'tests/fixtures/format-v1-full.stackplan'), 'utf8')
const WORKERS = 4
const KILLS_PER_WORKER = 60
const MAX_DELAY_MS = 60

let work: string
let bundle: string

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'stackplan-kill-'))
  bundle = join(work, 'plan-store.mjs')
  await build({
    entryPoints: [join(ROOT, 'electron/main/files/plan-store.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
  })
  writeFileSync(join(work, 'old.txt'), OLD_TEXT)
  writeFileSync(join(work, 'new.txt'), NEW_TEXT)
})

afterAll(() => rmSync(work, { recursive: true, force: true }))

interface KillOutcome {
  saves: number
  signal: NodeJS.Signals | null
  stderr: string
}

/** Starts a saving child and SIGKILLs it `delayMs` after it is ready. */
function saveAndKill(target: string, delayMs: number): Promise<KillOutcome> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [CHILD, bundle, target, join(work, 'new.txt'), join(work, 'old.txt')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    )
    let saves = 0
    let stderr = ''
    let isReady = false
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      if (!isReady && chunk.includes('R')) {
        isReady = true
        setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
      saves += chunk.split('.').length - 1
    })
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.on('error', fail)
    child.on('exit', (_code, signal) => done({ saves, signal, stderr }))
  })
}

function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'))
}

describe('kill during save', () => {
  it(`the file is always exactly old or new after ${WORKERS * KILLS_PER_WORKER} SIGKILLs at random moments`, async () => {
    const results = await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        const dir = join(work, `worker-${worker}`)
        mkdirSync(dir)
        const target = join(dir, 'plan.stackplan')
        writeFileSync(target, OLD_TEXT)
        let saves = 0
        let kills = 0
        let killsMidSave = 0
        const seen = new Set<string>()
        for (let i = 0; i < KILLS_PER_WORKER; i++) {
          const tempBefore = tempFilesIn(dir).length
          const outcome = await saveAndKill(target, Math.random() * MAX_DELAY_MS)
          expect(outcome.stderr).toBe('')
          expect(outcome.signal).toBe('SIGKILL')
          kills++
          saves += outcome.saves
          // A temporary file left behind means the kill landed inside a save.
          if (tempFilesIn(dir).length > tempBefore) killsMidSave++
          const text = readFileSync(target, 'utf8')
          expect(text === OLD_TEXT || text === NEW_TEXT).toBe(true)
          seen.add(text === OLD_TEXT ? 'old' : 'new')
          const parsed = parsePlanFile(text)
          expect(parsed.ok).toBe(true)
          const backup = readdirSync(dir).includes('plan.stackplan.bak')
            ? readFileSync(`${target}.bak`, 'utf8')
            : null
          if (backup !== null) expect(backup === OLD_TEXT || backup === NEW_TEXT).toBe(true)
        }
        // Nothing but the file, its backup and the hidden temporary files of interrupted saves.
        for (const name of readdirSync(dir)) {
          expect(name).toMatch(/^(plan\.stackplan(\.bak)?|\.plan\.stackplan(\.bak)?\.[0-9a-f]{12}\.tmp)$/)
        }
        return { saves, kills, killsMidSave, seen }
      })
    )
    const total = results.reduce(
      (sum, r) => ({
        saves: sum.saves + r.saves,
        kills: sum.kills + r.kills,
        killsMidSave: sum.killsMidSave + r.killsMidSave,
      }),
      { saves: 0, kills: 0, killsMidSave: 0 }
    )
    expect(total.kills).toBeGreaterThanOrEqual(200)
    // The children really were saving (a save takes a few ms, a kill comes within 60 ms of start-up),
    // and many kills interrupted a save halfway.
    expect(total.saves).toBeGreaterThanOrEqual(total.kills / 2)
    expect(total.killsMidSave).toBeGreaterThanOrEqual(10)
    expect(new Set(results.flatMap((r) => [...r.seen]))).toEqual(new Set(['old', 'new']))
  })
})
