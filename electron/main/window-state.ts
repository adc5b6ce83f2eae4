import { promises as fs, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { BrowserWindow, Rectangle } from 'electron'

export interface WindowState {
  /** Absent: let the OS place the window (centred). */
  x?: number
  y?: number
  width: number
  height: number
  isMaximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, isMaximized: false }
export const MIN_WINDOW_WIDTH = 800
export const MIN_WINDOW_HEIGHT = 560
/** How much of a window (each way) must overlap a display for its remembered position to be kept. */
const MIN_VISIBLE_PX = 100
const MAX_COORDINATE = 100_000

function isSaneNumber(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
}

/** Validates a parsed window-state.json; anything odd gives null (the defaults are used then). */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const record = raw as Record<string, unknown>
  if (
    !isSaneNumber(record['width'], 1, MAX_COORDINATE) ||
    !isSaneNumber(record['height'], 1, MAX_COORDINATE)
  ) {
    return null
  }
  if (typeof record['isMaximized'] !== 'boolean') return null
  const state: WindowState = {
    width: Math.round(record['width']),
    height: Math.round(record['height']),
    isMaximized: record['isMaximized'],
  }
  const hasX = record['x'] !== undefined
  const hasY = record['y'] !== undefined
  if (hasX || hasY) {
    if (!isSaneNumber(record['x'], -MAX_COORDINATE, MAX_COORDINATE)) return null
    if (!isSaneNumber(record['y'], -MAX_COORDINATE, MAX_COORDINATE)) return null
    state.x = Math.round(record['x'])
    state.y = Math.round(record['y'])
  }
  return state
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  }
}

/**
 * Fits a remembered state onto the displays there are now: a size no larger than the work area, and a
 * position on the display it overlaps most — or no position (OS-centred) if it would be off screen,
 * e.g. after a monitor was unplugged.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (workAreas.length === 0) return { ...state }
  const primary = workAreas[0] as Rectangle
  const sizeOn = (area: Rectangle) => ({
    width: clamp(state.width, Math.min(MIN_WINDOW_WIDTH, area.width), area.width),
    height: clamp(state.height, Math.min(MIN_WINDOW_HEIGHT, area.height), area.height),
  })

  if (state.x === undefined || state.y === undefined) {
    return { ...sizeOn(primary), isMaximized: state.isMaximized }
  }
  const rect: Rectangle = { x: state.x, y: state.y, width: state.width, height: state.height }
  let best: Rectangle | null = null
  let bestArea = 0
  for (const area of workAreas) {
    const shared = overlap(rect, area)
    if (shared.width < MIN_VISIBLE_PX || shared.height < MIN_VISIBLE_PX) continue
    if (shared.width * shared.height > bestArea) {
      best = area
      bestArea = shared.width * shared.height
    }
  }
  if (best === null) return { ...sizeOn(primary), isMaximized: state.isMaximized }
  const size = sizeOn(best)
  return {
    x: clamp(state.x, best.x, best.x + best.width - size.width),
    y: clamp(state.y, best.y, best.y + best.height - size.height),
    ...size,
    isMaximized: state.isMaximized,
  }
}

/** Reads and validates the state file; a missing, unreadable or corrupt file gives the defaults. */
export async function readWindowState(file: string, workAreas: readonly Rectangle[]): Promise<WindowState> {
  let parsed: WindowState | null
  try {
    parsed = parseWindowState(JSON.parse(await fs.readFile(file, 'utf8')))
  } catch {
    parsed = null
  }
  return clampToDisplays(parsed ?? DEFAULT_WINDOW_STATE, workAreas)
}

/**
 * Writes the state through a temporary file and a rename, so a crash mid-write never leaves a torn file.
 * Synchronous on purpose: it runs from the window's 'close' handler, when the app may be quitting.
 */
export function writeWindowStateSync(file: string, state: WindowState): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  try {
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 })
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/** The state of a window now, with its un-maximized bounds (what to restore to). */
export function captureWindowState(win: BrowserWindow): WindowState {
  const bounds = win.getNormalBounds()
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    isMaximized: win.isMaximized(),
  }
}

/** Remembers a window's size and place: debounced while moving/resizing, and once more on close. */
export function trackWindowState(win: BrowserWindow, file: string, debounceMs = 500): void {
  let timer: NodeJS.Timeout | null = null
  const save = () => {
    timer = null
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return
    try {
      writeWindowStateSync(file, captureWindowState(win))
    } catch (error) {
      console.warn(`Stackplan: could not save the window state: ${(error as Error).message}`)
    }
  }
  const schedule = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, debounceMs)
  }
  for (const eventName of ['resize', 'move', 'maximize', 'unmaximize'] as const) {
    win.on(eventName as 'resize', schedule)
  }
  win.on('close', () => {
    if (timer) clearTimeout(timer)
    save()
  })
}
