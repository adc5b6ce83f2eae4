import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { DEFAULT_WINDOW_STATE, clampToDisplays, parseWindowState, readWindowState, writeWindowStateSync } =
  await import('../../electron/main/window-state')

const laptop = { x: 0, y: 0, width: 1440, height: 870 }
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stackplan-window-state-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('clampToDisplays', () => {
  it.each([
    // [name, state, displays, expected]
    [
      'keeps a window that fits',
      { x: 100, y: 50, width: 1200, height: 800, isMaximized: false },
      [laptop],
      { x: 100, y: 50, width: 1200, height: 800, isMaximized: false },
    ],
    [
      'shrinks a window larger than the work area (1440 × 870)',
      { x: 0, y: 0, width: 3000, height: 2000, isMaximized: true },
      [laptop],
      { x: 0, y: 0, width: 1440, height: 870, isMaximized: true },
    ],
    [
      'pulls a half-off-screen window back in: x = 1440 − 1200 = 240',
      { x: 1000, y: 100, width: 1200, height: 700, isMaximized: false },
      [laptop],
      { x: 240, y: 100, width: 1200, height: 700, isMaximized: false },
    ],
    [
      'drops the position of a window left on an unplugged monitor',
      { x: 2000, y: 100, width: 1200, height: 700, isMaximized: false },
      [laptop],
      { width: 1200, height: 700, isMaximized: false },
    ],
    [
      'keeps a window on the second monitor',
      { x: 2000, y: 100, width: 1200, height: 700, isMaximized: false },
      [laptop, rightMonitor],
      { x: 2000, y: 100, width: 1200, height: 700, isMaximized: false },
    ],
    [
      'moves a window spanning two monitors onto the one it mostly covers',
      { x: 1240, y: 100, width: 1200, height: 700, isMaximized: false },
      [laptop, rightMonitor],
      { x: 1440, y: 100, width: 1200, height: 700, isMaximized: false },
    ],
    [
      'puts a title bar above the screen back down: y = 0',
      { x: 100, y: -300, width: 1000, height: 700, isMaximized: false },
      [laptop],
      { x: 100, y: 0, width: 1000, height: 700, isMaximized: false },
    ],
    [
      'grows a tiny window to the minimum 800 × 560',
      { x: 10, y: 10, width: 200, height: 100, isMaximized: false },
      [laptop],
      { x: 10, y: 10, width: 800, height: 560, isMaximized: false },
    ],
    [
      'uses the primary display for a window without a position',
      { width: 5000, height: 700, isMaximized: false },
      [laptop, rightMonitor],
      { width: 1440, height: 700, isMaximized: false },
    ],
  ])('%s', (_name, state, displays, expected) => {
    expect(clampToDisplays(state, displays)).toEqual(expected)
  })
})

describe('parseWindowState', () => {
  it.each([
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'maximized'],
    ['missing width', { height: 700, isMaximized: false }],
    ['NaN width (written as null by JSON)', { width: null, height: 700, isMaximized: false }],
    ['a string height', { width: 1200, height: '700', isMaximized: false }],
    ['a negative width', { width: -5, height: 700, isMaximized: false }],
    ['an absurd size', { width: 1e9, height: 700, isMaximized: false }],
    ['a non-boolean flag', { width: 1200, height: 700, isMaximized: 'yes' }],
    ['x without y', { x: 10, width: 1200, height: 700, isMaximized: false }],
    ['an absurd position', { x: 1e12, y: 0, width: 1200, height: 700, isMaximized: false }],
  ])('refuses %s', (_name, raw) => {
    expect(parseWindowState(raw)).toBeNull()
  })

  it('rounds and keeps a valid state, ignoring unknown keys', () => {
    expect(
      parseWindowState({ x: 10.4, y: 20.6, width: 1200.2, height: 700, isMaximized: true, theme: 'dark' })
    ).toEqual({
      x: 10,
      y: 21,
      width: 1200,
      height: 700,
      isMaximized: true,
    })
  })
})

describe('the state file', () => {
  it('round-trips through an atomic write and leaves no temporary file', async () => {
    const file = path.join(dir, 'window-state.json')
    const state = { x: 40, y: 30, width: 1100, height: 720, isMaximized: false }
    writeWindowStateSync(file, state)
    expect(readdirSync(dir)).toEqual(['window-state.json'])
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state)
    expect(await readWindowState(file, [laptop])).toEqual(state)
  })

  it('replaces an existing file whole', async () => {
    const file = path.join(dir, 'window-state.json')
    writeWindowStateSync(file, { x: 1, y: 1, width: 900, height: 600, isMaximized: true })
    writeWindowStateSync(file, { x: 2, y: 2, width: 1000, height: 650, isMaximized: false })
    expect(await readWindowState(file, [laptop])).toEqual({
      x: 2,
      y: 2,
      width: 1000,
      height: 650,
      isMaximized: false,
    })
  })

  it.each([
    ['corrupt JSON', '{"width": 1200, "height": '],
    ['binary junk', '\u0000\u0001\u0002'],
    ['an empty file', ''],
    ['valid JSON of the wrong shape', '{"width":"wide"}'],
  ])('falls back to the defaults on %s', async (_name, content) => {
    const file = path.join(dir, 'window-state.json')
    writeFileSync(file, content)
    expect(await readWindowState(file, [laptop])).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('falls back to the defaults, fitted to the screen, when there is no file', async () => {
    expect(
      await readWindowState(path.join(dir, 'missing.json'), [{ x: 0, y: 0, width: 1024, height: 700 }])
    ).toEqual({
      width: 1024,
      height: 700,
      isMaximized: false,
    })
  })

  it('reports a write into a missing folder and leaves nothing behind', () => {
    const file = path.join(dir, 'no-such-folder', 'window-state.json')
    expect(() => writeWindowStateSync(file, DEFAULT_WINDOW_STATE)).toThrow(/ENOENT/)
    expect(readdirSync(dir)).toEqual([])
  })
})
