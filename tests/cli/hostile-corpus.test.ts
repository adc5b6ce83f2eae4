import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodePlanFileBytes, parsePlanFile, PLAN_FILE_ERROR_KINDS } from '../../models/index'
import { makeFifo } from '../electron/files/fifo-support'
import { CORPUS_CLASSES, hostileCorpus, type CorpusFile } from '../support/hostile-corpus'
import { stackplanChild } from './cli-child'

/** CI size: 12 files of every class in-process, the first of every class through the real command line. */
const SEED = 15
const PER_CLASS = 12

let dir: string
let corpus: CorpusFile[]
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stackplan-corpus-'))
  corpus = [...hostileCorpus(SEED, PER_CLASS)]
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the hostile-file corpus', () => {
  it('has every class', () => {
    expect(new Set(corpus.map((f) => f.corpusClass))).toEqual(new Set(CORPUS_CLASSES))
    expect(corpus.length).toBe(CORPUS_CLASSES.length * PER_CLASS)
  })

  it('every file ends in a plan or a typed refusal, and Object.prototype stays clean', () => {
    for (const file of corpus) {
      const decoded = decodePlanFileBytes(file.bytes)
      const result = decoded.ok ? parsePlanFile(decoded.text) : { ok: false as const, error: decoded.error }
      if (!result.ok) {
        expect(PLAN_FILE_ERROR_KINDS, file.name).toContain(result.error.kind)
        expect(result.error.message.length, file.name).toBeGreaterThan(0)
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('classes that can never hold a valid plan are always refused', () => {
    const alwaysRefused = new Set(['depth', 'size', 'prototypeKeys', 'duplicateKeys', 'longStrings'])
    for (const file of corpus.filter((f) => alwaysRefused.has(f.corpusClass))) {
      const decoded = decodePlanFileBytes(file.bytes)
      expect(decoded.ok && parsePlanFile(decoded.text).ok, file.name).toBe(false)
    }
  })

  it('the command line ends every class and every special file with 0, 2 or 3, one line, no raw ESC', async () => {
    const targets: string[] = []
    for (const corpusClass of CORPUS_CLASSES) {
      const file = corpus.find((f) => f.corpusClass === corpusClass) as CorpusFile
      const path = join(dir, file.name)
      writeFileSync(path, file.bytes)
      targets.push(path)
    }
    // special files: a FIFO nobody writes, a link to it, a folder, a dangling link, devices, a kernel file
    const fifo = join(dir, 'pipe.stackplan')
    makeFifo(fifo)
    symlinkSync(fifo, join(dir, 'link-to-pipe.stackplan'))
    mkdirSync(join(dir, 'folder.stackplan'))
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.stackplan'))
    targets.push(
      fifo,
      join(dir, 'link-to-pipe.stackplan'),
      join(dir, 'folder.stackplan'),
      join(dir, 'dangling.stackplan'),
      '/dev/zero',
      '/dev/null',
      '/proc/self/pagemap'
    )
    for (const target of targets) {
      const { code, stdout, stderr } = await stackplanChild(['evaluate', target])
      expect([0, 2, 3], `${target}: exit ${code}, ${stderr}`).toContain(code)
      expect(stderr.trimEnd().split('\n').length, target).toBeLessThanOrEqual(1)
      expect(stdout + stderr, target).not.toContain('\u001b')
      if (code !== 0) expect(stderr.startsWith('stackplan evaluate: '), target).toBe(true)
    }
  })
})
