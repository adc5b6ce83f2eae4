import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, createWebPreferences } =
  await import('../../electron/main/security')

describe('webPreferences', () => {
  const prefs = createWebPreferences('/app/out/preload/index.cjs')

  it('isolates the page: context isolation, sandbox, no Node.js, web security on', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
  })

  it('loads the given preload and enables no blink features', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })
})

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name as string, values]
    })
  )

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['worker-src', ["'self'", 'blob:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('%s is %j', (name, values) => {
    expect(directives.get(name)).toEqual(values)
  })

  it('never allows eval, inline scripts or remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes/)
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/)
  })

  it('is one of the headers every response carries', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff')
  })
})
