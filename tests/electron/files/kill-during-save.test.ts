import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePlanFile } from '../../../models/plan-file/plan-file'

// Kill a process that is saving: the planning file must always be exactly the old bytes or exactly the new
// bytes, and load. Two ways: a crash injected at every file operation of a save in turn (deterministic, covers
// every step on any machine), and SIGKILLs from outside at random moments (covers what the first cannot
// name). Both children run the real file service, bundled by esbuild. Nothing here depends on timing.

const ROOT = resolve(import.meta.dirname, '../../..')
const CHILD = resolve(import.meta.dirname, 'kill-during-save.child.mjs')
const CRASH_CHILD = resolve(import.meta.dirname, 'crash-at-step.child.mjs')
const OLD_TEXT = readFileSync(join(ROOT, 'tests/fixtures/format-v1-default.stackplan'), 'utf8')
const NEW_TEXT = readFileSync(join(ROOT, 'tests/fixtures/format-v1-full.stackplan'), 'utf8')
const WORKERS = 4
const KILLS_PER_WORKER = 60
const MAX_DELAY_MS = 20
/** More file operations than one save uses; the loop stops when a save finishes first. */
const MAX_OPERATIONS = 100

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

/** Starts a saving child and SIGKILLs it `delayMs` after its first completed save. */
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
    let isKillScheduled = false
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      saves += chunk.split('.').length - 1
      // Waiting for a finished save (not a fixed time after start-up) means the later kill lands among
      // saves on a slow machine too.
      if (!isKillScheduled && saves > 0) {
        isKillScheduled = true
        setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
    })
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.on('error', fail)
    child.on('exit', (_code, signal) => done({ saves, signal, stderr }))
  })
}

function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'))
}

interface CrashOutcome {
  finished: boolean
  signal: NodeJS.Signals | null
  stderr: string
}

/** Runs one save of NEW over `target` that crashes at its `crashAt`th file operation. */
function saveAndCrashAt(target: string, crashAt: number): Promise<CrashOutcome> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [CRASH_CHILD, bundle, target, join(work, 'new.txt'), String(crashAt)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (stdout += chunk))
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.on('error', fail)
    child.on('exit', (_code, signal) => done({ finished: stdout.startsWith('done'), signal, stderr }))
  })
}

/** What is on disk in a folder holding `plan.stackplan`: the plan, its backup and any temporary files. */
function folderState(dir: string): { plan: 'old' | 'new'; backup: 'old' | 'new' | null; temps: number } {
  const text = readFileSync(join(dir, 'plan.stackplan'), 'utf8')
  expect(text === OLD_TEXT || text === NEW_TEXT).toBe(true)
  expect(parsePlanFile(text).ok).toBe(true)
  let backup: 'old' | 'new' | null = null
  if (readdirSync(dir).includes('plan.stackplan.bak')) {
    const backupText = readFileSync(join(dir, 'plan.stackplan.bak'), 'utf8')
    expect(backupText === OLD_TEXT || backupText === NEW_TEXT).toBe(true)
    backup = backupText === OLD_TEXT ? 'old' : 'new'
  }
  for (const name of readdirSync(dir)) {
    expect(name).toMatch(/^(plan\.stackplan(\.bak)?|\.plan\.stackplan(\.bak)?\.[0-9a-f]{12}\.tmp)$/)
  }
  return { plan: text === OLD_TEXT ? 'old' : 'new', backup, temps: tempFilesIn(dir).length }
}

describe('crash at every step of a save', () => {
  it('leaves the old file or the new one, whole, wherever the save stops', async () => {
    const states: ReturnType<typeof folderState>[] = []
    let finishedAt: number | null = null
    for (let crashAt = 1; crashAt <= MAX_OPERATIONS && finishedAt === null; crashAt++) {
      const dir = join(work, `crash-${crashAt}`)
      mkdirSync(dir)
      writeFileSync(join(dir, 'plan.stackplan'), OLD_TEXT)
      const outcome = await saveAndCrashAt(join(dir, 'plan.stackplan'), crashAt)
      expect(outcome.stderr).toBe('')
      if (outcome.finished) {
        finishedAt = crashAt
        expect(folderState(dir)).toEqual({ plan: 'new', backup: 'old', temps: 0 })
      } else {
        expect(outcome.signal).toBe('SIGKILL')
        states.push(folderState(dir))
      }
    }
    // A save is a couple of dozen file operations (stat, open, write, fsync, backup, rename, folder fsync…).
    expect(finishedAt).not.toBeNull()
    expect(states.length).toBeGreaterThanOrEqual(10)
    // The plan turns from old to new exactly once (the rename) and never back.
    const firstNew = states.findIndex((state) => state.plan === 'new')
    expect(firstNew).toBeGreaterThan(0)
    expect(states.slice(0, firstNew).every((state) => state.plan === 'old')).toBe(true)
    expect(states.slice(firstNew).every((state) => state.plan === 'new')).toBe(true)
    // Once the plan is new, the backup holds the old one.
    expect(states.slice(firstNew).every((state) => state.backup === 'old')).toBe(true)
    // Crashes before the rename left torn or unrenamed temporary files beside an untouched plan.
    expect(states.some((state) => state.plan === 'old' && state.temps > 0)).toBe(true)
  })
})

describe('SIGKILL at random moments during saves', () => {
  it(`the file is always exactly old or new after ${WORKERS * KILLS_PER_WORKER} SIGKILLs`, async () => {
    const results = await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        const dir = join(work, `worker-${worker}`)
        mkdirSync(dir)
        const target = join(dir, 'plan.stackplan')
        writeFileSync(target, OLD_TEXT)
        let saves = 0
        let kills = 0
        for (let i = 0; i < KILLS_PER_WORKER; i++) {
          const outcome = await saveAndKill(target, Math.random() * MAX_DELAY_MS)
          expect(outcome.stderr).toBe('')
          expect(outcome.signal).toBe('SIGKILL')
          kills++
          saves += outcome.saves
          // Whole old or new plan and backup; nothing but them and hidden temporary files.
          folderState(dir)
        }
        return { saves, kills }
      })
    )
    const total = results.reduce((sum, r) => ({ saves: sum.saves + r.saves, kills: sum.kills + r.kills }), {
      saves: 0,
      kills: 0,
    })
    expect(total.kills).toBe(WORKERS * KILLS_PER_WORKER)
    // Every kill came after at least one finished save of that child.
    expect(total.saves).toBeGreaterThanOrEqual(total.kills)
  }, 300_000) // 240 child processes: about 20 s on an idle machine, far longer on a loaded one
})
