import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security'

const root = path.resolve(import.meta.dirname, '../..')
const startScript = path.join(root, 'scripts/start.mjs')

let base: string
let webDir: string
const running: ChildProcessWithoutNullStreams[] = []

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'stackplan-start-'))
  webDir = path.join(base, 'web')
  mkdirSync(path.join(webDir, 'assets'), { recursive: true })
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Stackplan test page</title>')
  writeFileSync(path.join(webDir, 'assets', 'app.js'), 'export const x = 1')
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET')
  symlinkSync(path.join(base, 'secret.txt'), path.join(webDir, 'leak.txt'))
})

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

/** Starts `npm start`'s script and resolves with the URL it prints. */
function start(env: Record<string, string>, timeoutMs: number) {
  const child = spawn(process.execPath, [startScript], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: '0', STACKPLAN_PORT: '0', ...env },
  })
  running.push(child)
  let output = ''
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Serving the planner in your browser instead: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1] as string)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`exited with ${code} before serving:\n${output}`)))
  })
  return { child, url, output: () => output }
}

/** A raw GET, so paths like /../x reach the server unnormalized. */
function get(url: string, rawPath: string) {
  const { hostname, port } = new URL(url)
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      })
      req.on('error', reject)
      req.end()
    }
  )
}

describe('npm start with STACKPLAN_NO_ELECTRON=1', () => {
  it('prints a 127.0.0.1 URL, serves index.html with the app CSP, refuses traversal, stops on Ctrl+C', async () => {
    const { child, url, output } = start({ STACKPLAN_NO_ELECTRON: '1', STACKPLAN_WEB_DIR: webDir }, 30_000)
    const address = await url
    expect(output()).toContain('Electron skipped (STACKPLAN_NO_ELECTRON=1).')

    const index = await get(address, '/')
    expect(index.status).toBe(200)
    expect(index.body).toContain('Stackplan test page')
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(index.headers['x-content-type-options']).toBe('nosniff')

    const script = await get(address, '/assets/app.js')
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')

    for (const rawPath of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/leak.txt',
      '//etc/passwd',
    ]) {
      const refused = await get(address, rawPath)
      expect([403, 404], rawPath).toContain(refused.status)
      expect(refused.body).not.toContain('TOP SECRET')
      expect(refused.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    }
    expect((await get(address, '/missing.js')).status).toBe(404)

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(output()).toContain('[start] Stopping.')
  })

  it('builds the browser version itself and serves it', async () => {
    const { child, url } = start({ STACKPLAN_NO_ELECTRON: '1' }, 170_000)
    const address = await url
    const index = await get(address, '/')
    expect(index.status).toBe(200)
    expect(index.body).toMatch(/<script type="module"[^>]*src="\.\/assets\/[^"]+\.js"/)
    const scriptPath = /src="\.(\/assets\/[^"]+\.js)"/.exec(index.body)?.[1] as string
    expect((await get(address, scriptPath)).status).toBe(200)
    child.kill('SIGINT')
  }, 180_000)
})
