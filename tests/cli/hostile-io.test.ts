import {
  closeSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeFifo, makeNullDevice, readFifoInChild } from '../electron/files/fifo-support'
import { stackplanChild, withTinyDisk } from './cli-child'

const root = join(import.meta.dirname, '../..')
const DEFAULT_PLAN = readFileSync(join(root, 'tests/fixtures/format-v1-default.stackplan'), 'utf8')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stackplan-hostile-io-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes a planning file whose plan was changed by `edit`, and returns its path. */
function planFile(name: string, edit: (plan: Record<string, unknown>) => void): string {
  const doc = JSON.parse(DEFAULT_PLAN) as { plan: Record<string, unknown> }
  edit(doc.plan)
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(doc, null, 2))
  return path
}

const ESC = '\u001b'

describe('file text never reaches the terminal raw', () => {
  it('a scenario name with ESC sequences is printed escaped in the table', async () => {
    const title = `${ESC}]0;pwned\u0007${ESC}[2J`
    const path = planFile('esc-name.stackplan', (plan) => {
      plan.scenarios = [{ id: 'baseline', name: title, overrides: {} }]
    })
    const { code, stdout } = await stackplanChild(['evaluate', path])
    expect(code).toBe(0)
    expect(stdout).not.toContain(ESC)
    expect(stdout).not.toContain('\u0007')
    expect(stdout.split('\n')[0]).toBe(
      'Scenario "\\u001b]0;pwned\\u0007\\u001b[2J" at 1,000 VMs (USD, list prices; real deals are negotiated)'
    )
  })

  it('a refusal quoting a 1 MB key with ESC and newlines is one cut line', async () => {
    const key = `${'k'.repeat(1_000_000)}${ESC}[2J\nstackplan: all good`
    const path = planFile('long-key.stackplan', (plan) => {
      plan.assumptions = { [key]: 1 }
    })
    const { code, stderr } = await stackplanChild(['evaluate', path])
    expect(code).toBe(3)
    expect(stderr.endsWith('\n')).toBe(true)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).not.toContain(ESC)
    expect(stderr).toContain('…')
    // "stackplan evaluate: " (20 characters) + at most 500 characters of message
    expect(stderr.trimEnd().length).toBeLessThanOrEqual(520)
  })

  it('a newline in an option value cannot forge a second line of output', async () => {
    const { code, stderr } = await stackplanChild(['evaluate', '--set', `x\nstackplan: ok${ESC}[1A`])
    expect(code).toBe(2)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).not.toContain(ESC)
  })
})

describe('a broken stdout', () => {
  it('a reader that went away (EPIPE) ends quietly with exit 0', async () => {
    const { code, stderr } = await stackplanChild(['curves', '--json'], { closeStdoutAtOnce: true })
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })

  it('a full disk on stdout (ENOSPC) is one line and exit 3', async () => {
    const full = openSync('/dev/full', 'w')
    try {
      const { code, stderr } = await stackplanChild(['evaluate'], { stdoutFd: full })
      expect(code).toBe(3)
      expect(stderr).toBe('stackplan evaluate: could not write the output: the disk is full (ENOSPC)\n')
    } finally {
      closeSync(full)
    }
  })
})

describe('outputs to pipes and devices are written in place', () => {
  it('export --csv to a character device leaves the device a device', async () => {
    const device = join(dir, 'null')
    makeNullDevice(device)
    const { code } = await stackplanChild(['export', '--csv', device])
    expect(code).toBe(0)
    expect(lstatSync(device).isCharacterDevice()).toBe(true)
  })

  it('export --csv to a FIFO hands the CSV to its reader and leaves the FIFO', async () => {
    const fifo = join(dir, 'curves.fifo')
    makeFifo(fifo)
    const reader = readFifoInChild(fifo)
    try {
      const { code } = await stackplanChild(['export', '--csv', fifo])
      expect(code).toBe(0)
      expect((await reader.done).split('\n')[0]).toMatch(/^vms,/)
    } finally {
      reader.stop()
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })
})

describe('one reader: bounded, strict UTF-8', () => {
  it('/proc/self/pagemap (stat size 0) is refused as too large after a bounded read', async () => {
    const { code, stderr } = await stackplanChild(['evaluate', '/proc/self/pagemap'])
    expect(code).toBe(3)
    expect(stderr).toBe(
      'stackplan evaluate: cannot read /proc/self/pagemap: this file is too large to be a planning file (10.1 MB); the limit is 10 MB\n'
    )
  })

  it('invalid UTF-8 is refused, not replaced', async () => {
    const path = join(dir, 'latin1.stackplan')
    // "Café" in Latin-1: 0xE9 alone is not UTF-8.
    const bytes = Buffer.from(DEFAULT_PLAN.replace('"Untitled plan"', '"Caf\u0000"'), 'utf8')
    bytes[bytes.indexOf(0)] = 0xe9
    writeFileSync(path, bytes)
    const { code, stderr } = await stackplanChild(['evaluate', path])
    expect(code).toBe(3)
    expect(stderr).toBe(
      `stackplan evaluate: ${path}: This is not a Stackplan planning file: it is not UTF-8 text (or it is damaged)\n`
    )
  })
})

describe('duplicate keys', () => {
  it('are refused with the key and both lines', async () => {
    const path = join(dir, 'dup.stackplan')
    writeFileSync(
      path,
      DEFAULT_PLAN.replace('"name": "Untitled plan",', '"name": "Reviewed",\n    "name": "Other",')
    )
    const { code, stderr } = await stackplanChild(['evaluate', path])
    expect(code).toBe(3)
    // "name" is on line 8; the second one follows on line 9, indented by 4.
    expect(stderr).toBe(
      `stackplan evaluate: ${path}: Invalid planning file: the key "name" appears twice in one object (only the last would count): first at line 8 and again at line 9, column 5\n`
    )
  })
})

describe('init', () => {
  it('a full disk leaves no 0-byte plan and says so in words', async () => {
    await withTinyDisk(join(dir, 'full'), async (disk) => {
      const target = join(disk, 'plan.stackplan')
      const { code, stderr } = await stackplanChild(['init', target])
      expect(code).toBe(3)
      expect(stderr).toBe(`stackplan init: cannot write ${target}: the disk is full\n`)
      expect(readdirSync(disk)).toEqual(['filler'])
    })
  })

  it('a folder is reported as a folder', async () => {
    const folder = join(dir, 'a-folder')
    mkdirSync(folder)
    const { code, stderr } = await stackplanChild(['init', folder])
    expect(code).toBe(3)
    expect(stderr).toBe(`stackplan init: cannot write ${folder}: it is a folder\n`)
  })
})

describe('option parsing refusals', () => {
  it.each([
    [
      ['montecarlo', '--seed', '_'],
      '--seed "_" is not a whole number (allowed: 0 to 4,294,967,295, whole numbers)',
    ],
    [
      ['montecarlo', '--seed', ','],
      '--seed "," is not a whole number (allowed: 0 to 4,294,967,295, whole numbers)',
    ],
    [
      ['montecarlo', '--samples', '-1'],
      '--samples -1 is out of range (allowed: 1 to 100,000, whole numbers)',
    ],
    [
      ['evaluate', '--vms', '1,5'],
      '--vms "1,5" is not a whole number (allowed: 1 to 1,000,000, whole numbers)',
    ],
    [['evaluate', '--set', 'fleet.vms=1,5'], 'fleet.vms must be a finite number'],
    [
      ['evaluate', '--set', 'finance.currency=NaN'],
      'finance.currency must be a three-letter ISO 4217 code such as USD, EUR or CNY',
    ],
  ])('%j', async (args, message) => {
    const { code, stderr } = await stackplanChild(args)
    expect(code).toBe(2)
    expect(stderr).toContain(message)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('no arguments: exit 2 with a message on stderr', async () => {
    const { code, stderr, stdout } = await stackplanChild([])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n')[0]).toBe('stackplan: no command given; `stackplan help` lists the commands')
  })

  it('a Monte Carlo run too large for memory is refused before it starts, naming its size', async () => {
    const path = planFile('huge-mc.stackplan', (plan) => {
      ;(plan.view as Record<string, unknown>).curvePoints = 1000
    })
    const { code, stderr } = await stackplanChild(['montecarlo', path, '--samples', '100000'])
    expect(code).toBe(2)
    expect(stderr).toMatch(
      /^stackplan montecarlo: this run would hold about [\d,]+ MB \(100,000 samples × 1,001 fleet sizes\); the limit is 256 MB: lower --samples or the plan's view\.curvePoints\n$/
    )
  })
})
