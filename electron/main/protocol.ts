import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Protocol } from 'electron'
import { SECURITY_HEADERS } from './security'

export const APP_SCHEME = 'app'
export const APP_HOST = 'stackplan'
/** The page every window loads in a packaged (or built) app. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

const MAX_URL_LENGTH = 2048

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** Content-Type for a served file name; unknown extensions are sent as opaque bytes. */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Must run before the app's `ready` event. `standard` makes relative URLs and web storage work, `secure`
 * makes app:// a secure context, `supportFetchAPI` lets module scripts and workers load. No `bypassCSP`.
 */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

export type RequestPathResult = { ok: true; relativePath: string } | { ok: false; status: 400 | 403 }

// Percent-encoded '.', '/', '\', NUL and '%' itself (double encoding): never part of a built file name.
const ENCODED_SEPARATORS = /%(2e|2f|5c|00|25)/i

/**
 * Turns a raw app:// URL into a path relative to the renderer folder, or a refusal. The raw string is
 * checked before URL parsing, because parsing normalizes `..` away and would hide the attempt.
 */
export function resolveRequestPath(rawUrl: string): RequestPathResult {
  if (rawUrl.length > MAX_URL_LENGTH) return { ok: false, status: 400 }
  if (rawUrl.includes('\\') || rawUrl.includes('\0') || ENCODED_SEPARATORS.test(rawUrl)) {
    return { ok: false, status: 403 }
  }
  const prefix = `${APP_SCHEME}://${APP_HOST}/`
  if (!rawUrl.toLowerCase().startsWith(prefix)) return { ok: false, status: 403 }
  const rawPath = rawUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? ''
  if (rawPath.split('/').some((segment) => segment === '..' || segment === '.')) {
    return { ok: false, status: 403 }
  }

  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return { ok: false, status: 400 }
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.hostname !== APP_HOST ||
    url.port ||
    url.username ||
    url.password
  ) {
    return { ok: false, status: 403 }
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return { ok: false, status: 400 }
  }
  const relativePath = decoded === '/' ? 'index.html' : decoded.slice(1)
  if (
    relativePath.length === 0 ||
    path.posix.isAbsolute(relativePath) ||
    path.win32.isAbsolute(relativePath) ||
    /^[a-z]:/i.test(relativePath) ||
    relativePath.includes('\0') ||
    relativePath.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    return { ok: false, status: 403 }
  }
  return { ok: true, relativePath }
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * The app:// handler: serves files from `rootDir` only (the built renderer), with the right MIME type and
 * the CSP header. Refuses traversal (403), symlinks that leave the folder (403) and missing files (404).
 */
export function createAppProtocolHandler(
  rootDir: string
): (request: { url: string; method?: string }) => Promise<Response> {
  const root = path.resolve(rootDir)

  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase()
    if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed')

    const resolved = resolveRequestPath(request.url)
    if (!resolved.ok)
      return textResponse(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Bad request')

    const candidate = path.resolve(root, ...resolved.relativePath.split('/'))
    if (!isInside(candidate, root)) return textResponse(403, 'Forbidden')

    try {
      const realRoot = await fs.realpath(root)
      const realFile = await fs.realpath(candidate)
      // A symlink inside the folder may point anywhere: judge where it really leads.
      if (!isInside(realFile, realRoot)) return textResponse(403, 'Forbidden')
      const stat = await fs.stat(realFile)
      if (!stat.isFile()) return textResponse(404, 'Not found')
      const body = method === 'HEAD' ? null : new Uint8Array(await fs.readFile(realFile))
      return new Response(body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(realFile), 'Cache-Control': 'no-cache' },
      })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return textResponse(404, 'Not found')
      return textResponse(500, 'Could not read the file')
    }
  }
}

/** Serves the built renderer folder on app:// (call after `ready`). */
export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
}
