import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { protocol } = await import('./support/electron-mock')
const { CONTENT_SECURITY_POLICY } = await import('../../electron/main/security')
const { createAppProtocolHandler, mimeTypeFor, registerAppProtocol, registerAppScheme, resolveRequestPath } =
  await import('../../electron/main/protocol')

// Layout: <tmp>/renderer (served), <tmp>/secret.txt and <tmp>/outside/ (must never be served).
let base: string
let rendererDir: string
let handler: ReturnType<typeof createAppProtocolHandler>

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'stackplan-protocol-'))
  rendererDir = path.join(base, 'renderer')
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true })
  mkdirSync(path.join(base, 'outside'))
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stackplan</title>')
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("hi")')
  writeFileSync(path.join(rendererDir, 'assets', 'style.css'), 'body{}')
  writeFileSync(path.join(rendererDir, 'assets', 'worker.mjs'), 'self.onmessage=()=>{}')
  writeFileSync(path.join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(path.join(rendererDir, 'assets', 'data.bin'), 'raw')
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET')
  writeFileSync(path.join(base, 'outside', 'secret.txt'), 'TOP SECRET')
  // A real symlink inside the served folder that leads out of it, and one that stays inside.
  symlinkSync(path.join(base, 'outside'), path.join(rendererDir, 'escape'), 'dir')
  symlinkSync(path.join(base, 'secret.txt'), path.join(rendererDir, 'secret-link.txt'), 'file')
  symlinkSync(path.join(rendererDir, 'assets'), path.join(rendererDir, 'inside'), 'dir')
  handler = createAppProtocolHandler(rendererDir)
})

afterAll(() => {
  rmSync(base, { recursive: true, force: true })
})

describe('the app:// scheme', () => {
  it('is registered as standard and secure, without bypassing CSP', () => {
    registerAppScheme(protocol as never)
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ]
    expect(schemes).toHaveLength(1)
    expect(schemes[0]?.scheme).toBe('app')
    expect(schemes[0]?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true })
    expect(schemes[0]?.privileges['bypassCSP']).toBeUndefined()
    expect(schemes[0]?.privileges['allowServiceWorkers']).toBeUndefined()
  })

  it('is served by the handler for the renderer folder', async () => {
    registerAppProtocol(protocol as never, rendererDir)
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    const registered = protocol.handle.mock.calls[0]?.[1] as typeof handler
    const response = await registered({ url: 'app://stackplan/index.html' })
    expect(response.status).toBe(200)
  })
})

describe('serving files', () => {
  it.each([
    ['app://stackplan/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Stackplan</title>'],
    ['app://stackplan/', 'text/html; charset=utf-8', '<!doctype html><title>Stackplan</title>'],
    ['app://stackplan/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'console.log("hi")'],
    ['app://stackplan/assets/index-abc123.js?v=1#x', 'text/javascript; charset=utf-8', 'console.log("hi")'],
    ['app://stackplan/assets/style.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://stackplan/assets/worker.mjs', 'text/javascript; charset=utf-8', 'self.onmessage=()=>{}'],
    ['app://stackplan/assets/logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['app://stackplan/assets/data.bin', 'application/octet-stream', 'raw'],
    ['app://stackplan/inside/style.css', 'text/css; charset=utf-8', 'body{}'],
  ])('%s → 200 %s', async (url, mime, body) => {
    const response = await handler({ url })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(mime)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe(body)
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler({ url: 'app://stackplan/index.html', method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const post = await handler({ url: 'app://stackplan/index.html', method: 'POST' })
    expect(post.status).toBe(405)
  })

  it('maps extensions case-insensitively', () => {
    expect(mimeTypeFor('A.PNG')).toBe('image/png')
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('noextension')).toBe('application/octet-stream')
  })
})

describe('refusing everything outside the renderer folder', () => {
  it.each([
    ['dot-dot', 'app://stackplan/../secret.txt', 403],
    ['dot-dot deeper', 'app://stackplan/assets/../../secret.txt', 403],
    ['dot segment', 'app://stackplan/./index.html', 403],
    ['encoded dots', 'app://stackplan/%2e%2e/secret.txt', 403],
    ['encoded dots, upper case', 'app://stackplan/%2E%2E/secret.txt', 403],
    ['half-encoded dots', 'app://stackplan/.%2e/secret.txt', 403],
    ['encoded slash', 'app://stackplan/..%2fsecret.txt', 403],
    ['encoded slash in a name', 'app://stackplan/assets%2F..%2F..%2Fsecret.txt', 403],
    ['double encoding', 'app://stackplan/%252e%252e/secret.txt', 403],
    ['backslash', 'app://stackplan/..\\secret.txt', 403],
    ['encoded backslash', 'app://stackplan/..%5csecret.txt', 403],
    ['absolute POSIX path', 'app://stackplan//etc/passwd', 403],
    ['absolute encoded path', 'app://stackplan/%2Fetc%2Fpasswd', 403],
    ['Windows drive path', 'app://stackplan/C:/Windows/win.ini', 403],
    ['NUL byte', 'app://stackplan/index.html%00.js', 403],
    ['another host', 'app://evil/index.html', 403],
    ['another scheme', 'file:///etc/passwd', 403],
    ['symlinked folder leading out', 'app://stackplan/escape/secret.txt', 403],
    ['symlinked file leading out', 'app://stackplan/secret-link.txt', 403],
    ['missing file', 'app://stackplan/nope.js', 404],
    ['a folder', 'app://stackplan/assets', 404],
  ])('%s: %s → %i', async (_name, url, status) => {
    const response = await handler({ url })
    expect(response.status).toBe(status)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).not.toContain('TOP SECRET')
  })

  it('refuses over-long URLs', () => {
    expect(resolveRequestPath(`app://stackplan/${'a'.repeat(3000)}.js`)).toEqual({ ok: false, status: 400 })
  })

  it('turns a plain URL into a relative path', () => {
    expect(resolveRequestPath('app://stackplan/assets/a%20b.js')).toEqual({
      ok: true,
      relativePath: 'assets/a b.js',
    })
  })
})
