import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { findChromium, MISSING_CHROMIUM, SYSTEM_CHROMIUM } from './chromium'

export { MISSING_CHROMIUM }
/** The browser the tests launch (see findChromium); the system path when none is found, so a check fails. */
export const CHROMIUM_PATH = findChromium() ?? SYSTEM_CHROMIUM
export const ROOT = resolve(import.meta.dirname, '../..')
export const WEB_DIR = join(ROOT, 'out/web')
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots')

/** Only an explicit opt-out skips the browser tests; a missing browser is a failure, not a skip. */
export const isE2eSkipped = process.env.STACKPLAN_E2E === 'skip'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** A tiny static server for out/web on 127.0.0.1 and a random port. */
export async function serveWeb(dir = WEB_DIR): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(
      `${dir}/index.html is missing: run \`npm run build:web\` (npm run test:e2e does it first)`
    )
  }
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path))
      if (!file.startsWith(dir + sep) && file !== dir) {
        res.writeHead(403).end()
        return
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file')
        const body = await readFile(file)
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
      } catch {
        res.writeHead(404).end('not found')
      }
    })()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

export interface BrowserSession {
  context: BrowserContext
  page: Page
  url: string
  /** Console errors and uncaught page errors seen so far. */
  errors: string[]
  downloadsDir: string
  close: () => Promise<void>
}

/**
 * Launches the system Chromium headless with a fresh profile, serves out/web and opens the planner.
 * Throws MISSING_CHROMIUM when the browser is not installed.
 */
export async function openPlanner(
  options: {
    width?: number
    height?: number
    query?: string
    locale?: string
    colorScheme?: 'light' | 'dark'
  } = {}
): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(MISSING_CHROMIUM)
  const {
    width = 1440,
    height = 900,
    query = '?files=classic',
    locale = 'en-US',
    colorScheme = 'light',
  } = options
  const server = await serveWeb()
  const profile = await mkdtemp(join(tmpdir(), 'stackplan-e2e-'))
  const downloadsDir = join(profile, 'downloads')
  await mkdir(downloadsDir, { recursive: true })
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width, height },
    locale,
    colorScheme,
    acceptDownloads: true,
    downloadsPath: downloadsDir,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.goto(server.url + query)
  await page.getByTestId('headline').waitFor()
  return {
    context,
    page,
    url: server.url,
    errors,
    downloadsDir,
    close: async () => {
      await context.close()
      await server.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/**
 * Starts a case on a fresh document: no settings and no recovery snapshot left in storage, the default
 * window size, the planner loaded with the classic file dialogs, and the session's error list emptied.
 */
export async function freshDocument(
  s: BrowserSession,
  viewport: { width: number; height: number } = { width: 1440, height: 900 }
): Promise<void> {
  // Leave the app before clearing its storage: a recovery snapshot still pending in the page (written about a
  // second after the last edit, or when the page hides) would otherwise land after the clear and open the
  // recovery dialog over the next test. The server's 404 page has the same origin and runs no script.
  await s.page.goto(s.url + 'reset-storage')
  await s.page.evaluate('window.localStorage.clear()')
  await s.page.setViewportSize(viewport)
  await s.page.goto(s.url + '?files=classic')
  await s.page.getByTestId('headline').waitFor()
  s.errors.length = 0
}

/** The headline sentence as one line of text. */
export async function headlineText(page: Page): Promise<string> {
  return (await page.getByTestId('headline').innerText()).replace(/\s+/g, ' ')
}

/** Saves a full-window screenshot under test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path })
  return path
}

/**
 * Runs `body` in the page with `canvas` bound to the first canvas inside `selector` (or null). Written as
 * text because this file is type-checked without the DOM library.
 */
function onCanvas<T>(page: Page, selector: string, body: string): Promise<T> {
  const script = `(() => {
    const root = document.querySelector(${JSON.stringify(selector)})
    const canvas = root && (root.tagName === 'CANVAS' ? root : root.querySelector('canvas'))
    ${body}
  })()`
  return page.evaluate(script) as Promise<T>
}

/** Counts pixels of a canvas that are not transparent (the chart draws on a transparent background). */
export function canvasInkPixels(page: Page, selector: string): Promise<number> {
  return onCanvas<number>(
    page,
    selector,
    `if (!canvas) return 0
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
    let ink = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++
    return ink`
  )
}

/** A cheap fingerprint of the chart's pixels, to tell whether it was redrawn differently. */
export function canvasFingerprint(page: Page, selector: string): Promise<string> {
  return onCanvas<string>(
    page,
    selector,
    `if (!canvas) return ''
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
    let hash = 2166136261
    for (let i = 0; i < data.length; i += 16) hash = Math.imul(hash ^ data[i], 16777619)
    return (hash >>> 0).toString(16)`
  )
}

/**
 * Waits until the page has painted two more frames: a change made now (a click, a resize, a redraw queued
 * for the next frame) is on screen afterwards. An event to wait for, never a fixed time.
 */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null))))`
  )
}

/**
 * Mean relative luminance (0 black … 1 white, Rec. 709 weights) of a PNG screenshot, decoded by the
 * browser in a blank page of the same context (the planner's CSP is left alone).
 */
export async function screenshotLuminance(page: Page, png: Buffer): Promise<number> {
  const blank = await page.context().newPage()
  try {
    return await blank.evaluate(`(async () => {
      const image = new Image()
      image.src = 'data:image/png;base64,${png.toString('base64')}'
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.naturalWidth
      canvas.height = image.naturalHeight
      const context = canvas.getContext('2d')
      context.drawImage(image, 0, 0)
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      let sum = 0
      for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]
      return sum / (data.length / 4) / 255
    })()`)
  } finally {
    await blank.close()
  }
}
