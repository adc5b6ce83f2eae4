// npm start: runs Stackplan in Electron; when the Electron runtime is missing and cannot be downloaded
// (no access to its download host, a proxy, …), serves the same planner in the browser instead.
//   STACKPLAN_NO_ELECTRON=1   skip Electron, go straight to the browser fallback
//   STACKPLAN_PORT=<n>        port of the fallback server (default 5178; 0 = any free port)
//   STACKPLAN_WEB_DIR=<dir>   serve an already built web folder instead of building out/web
import { spawn } from 'node:child_process'
import { existsSync, promises as fs, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const DOWNLOAD_TIMEOUT_MS = 60_000
const DEFAULT_PORT = 5178

/** The same policy the app:// protocol sends (electron/main/security.ts; a test keeps the two equal). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
}

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

const children = new Set()
/** Set once the fallback server runs: Ctrl+C then closes it instead of killing children. */
let stopServer = null

function say(message) {
  console.log(`[start] ${message}`)
}

/** Runs a command with its output shown; resolves with the exit code. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options })
    children.add(child)
    child.on('error', (error) => {
      say(`could not run ${path.basename(command)}: ${error.message}`)
      resolve(1)
    })
    child.on('exit', (code, signal) => {
      children.delete(child)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

/** A package's command-line script (bins are not in packages' "exports", so resolve via package.json). */
function binOf(packageName, binPath) {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`)), binPath)
}

function electronPackageDir() {
  return path.dirname(require.resolve('electron/package.json'))
}

/** The installed Electron executable, or null. Never triggers a download (require('electron') would). */
function installedElectron() {
  try {
    const packageDir = electronPackageDir()
    const pathFile = path.join(packageDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    if (!existsSync(binary)) return null
    const resolved = require('electron')
    return typeof resolved === 'string' && existsSync(resolved) ? resolved : null
  } catch {
    return null
  }
}

/** One attempt at Electron's own download (its install.js), bounded in time. Resolves to a failure reason or null. */
function downloadElectron() {
  return new Promise((resolve) => {
    let installScript
    try {
      installScript = path.join(electronPackageDir(), 'install.js')
    } catch {
      resolve('the electron package is not installed; run npm install')
      return
    }
    say(
      `The Electron runtime is not installed yet; downloading it once (up to ${DOWNLOAD_TIMEOUT_MS / 1000} s)…`
    )
    const child = spawn(process.execPath, [installScript], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    let output = ''
    const collect = (chunk) => {
      output = (output + chunk.toString()).slice(-4000)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const startedAt = Date.now()
    const progress = setInterval(
      () => say(`still downloading… ${Math.round((Date.now() - startedAt) / 1000)} s`),
      10_000
    )
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      finish(`no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s`)
    }, DOWNLOAD_TIMEOUT_MS)
    let isDone = false
    function finish(reason) {
      if (isDone) return
      isDone = true
      clearTimeout(timer)
      clearInterval(progress)
      children.delete(child)
      resolve(reason)
    }
    child.on('error', (error) => finish(error.message))
    child.on('exit', (code) => {
      if (code === 0 && installedElectron()) finish(null)
      else {
        const lastLine = output
          .split('\n')
          .map((line) => line.trim())
          .find((line) => line.length > 0 && !line.startsWith('at '))
        finish(lastLine || `the download exited with code ${code}`)
      }
    })
  })
}

async function launchElectron(binary) {
  say('Building the desktop app (electron-vite build)…')
  const buildCode = await run(process.execPath, [binOf('electron-vite', 'bin/electron-vite.js'), 'build'])
  if (buildCode !== 0) {
    say('The build failed; see the messages above.')
    process.exit(buildCode)
  }
  say(`Starting Stackplan (${path.relative(root, binary)})…`)
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  const code = await run(binary, [root], { env })
  process.exit(code)
}

/** Maps a request path onto a file under `webRoot`, or an HTTP status refusing it. */
export async function resolveStaticFile(webRoot, rawPath) {
  const pathname = rawPath.split(/[?#]/, 1)[0] ?? '/'
  if (pathname.includes('\\') || pathname.includes('\0') || /%(2e|2f|5c|00|25)/i.test(pathname))
    return { status: 403 }
  if (pathname.split('/').some((segment) => segment === '..' || segment === '.')) return { status: 403 }
  let decoded
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { status: 400 }
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\//, '')
  if (
    relative.length === 0 ||
    path.isAbsolute(relative) ||
    /^[a-z]:/i.test(relative) ||
    relative.split('/').some((segment) => segment === '' || segment === '..')
  ) {
    return { status: 403 }
  }
  try {
    const realRoot = await fs.realpath(webRoot)
    const real = await fs.realpath(path.resolve(webRoot, ...relative.split('/')))
    const inside = path.relative(realRoot, real)
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { status: 403 }
    const stat = await fs.stat(real)
    if (!stat.isFile()) return { status: 404 }
    return { status: 200, file: real }
  } catch {
    return { status: 404 }
  }
}

function startServer(webRoot, port) {
  const server = createServer(async (request, response) => {
    const method = request.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
      response.end('Method not allowed')
      return
    }
    const resolved = await resolveStaticFile(webRoot, request.url ?? '/')
    if (resolved.status !== 200) {
      response.writeHead(resolved.status, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/plain; charset=utf-8',
      })
      response.end(resolved.status === 404 ? 'Not found' : 'Forbidden')
      return
    }
    try {
      const body = await fs.readFile(resolved.file)
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': MIME_TYPES[path.extname(resolved.file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      })
      response.end(method === 'HEAD' ? undefined : body)
    } catch {
      response.writeHead(500, SECURITY_HEADERS)
      response.end()
    }
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve(server)
    })
  })
}

async function serveInBrowser(reason) {
  let webRoot = process.env.STACKPLAN_WEB_DIR ? path.resolve(process.env.STACKPLAN_WEB_DIR) : null
  if (webRoot === null) {
    say('Building the browser version (vite build --config vite.web.config.ts)…')
    const code = await run(process.execPath, [
      binOf('vite', 'bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'vite.web.config.ts'),
    ])
    if (code !== 0) {
      say('The browser build failed; see the messages above.')
      process.exit(code)
    }
    webRoot = path.join(root, 'out', 'web')
  }
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    say(`There is no index.html in ${webRoot}.`)
    process.exit(1)
  }

  const requested =
    process.env.STACKPLAN_PORT === undefined ? DEFAULT_PORT : Number(process.env.STACKPLAN_PORT)
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    say(`STACKPLAN_PORT must be a port number, got ${process.env.STACKPLAN_PORT}`)
    process.exit(1)
  }
  let server
  try {
    server = await startServer(webRoot, requested)
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error
    say(`Port ${requested} is busy; using a free one.`)
    server = await startServer(webRoot, 0)
  }
  const url = `http://127.0.0.1:${server.address().port}/`
  console.log(`${reason} Serving the planner in your browser instead: ${url}`)
  say('Press Ctrl+C to stop.')

  stopServer = () => {
    say('Stopping.')
    server.close(() => process.exit(0))
    server.closeAllConnections()
  }
}

async function main() {
  if (process.env.STACKPLAN_NO_ELECTRON === '1') {
    await serveInBrowser('Electron skipped (STACKPLAN_NO_ELECTRON=1).')
    return
  }
  say('Looking for the Electron runtime…')
  let binary = installedElectron()
  if (binary === null) {
    const failure = await downloadElectron()
    binary = failure === null ? installedElectron() : null
    if (binary === null) {
      const reason = `The Electron runtime could not be downloaded (${failure ?? 'it is still missing after the download'}).`
      say(reason)
      await serveInBrowser(reason)
      return
    }
  }
  await launchElectron(binary)
}

// Ctrl+C: close the fallback server cleanly, or stop a build, download or Electron along with us.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopServer !== null) {
      stopServer()
      return
    }
    for (const child of children) child.kill(signal)
    process.exit(130)
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    say(`Could not start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
