import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { shell } = await import('./support/electron-mock')
const { EXTERNAL_HOST_ALLOWLIST, HELP_URL, isAllowedExternalUrl, openExternalSafely } =
  await import('../../electron/main/external-links')

const ALLOWED = ['allowed.example.com']

beforeEach(() => {
  shell.openExternal.mockClear()
})

describe('openExternal allowlist', () => {
  it.each([
    ['file URL', 'file:///etc/passwd'],
    ['file URL to an allowed host', 'file://allowed.example.com/share/x'],
    ['SMB share', 'smb://allowed.example.com/share'],
    ['ms-msdt (Follina)', 'ms-msdt:/id PCWDiagnostic /skip force'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript, mixed case', 'JaVaScRiPt:alert(1)'],
    ['HTTPS, mixed case scheme', 'HtTpS://allowed.example.com/'],
    ['HTTPS, upper case scheme', 'HTTPS://allowed.example.com/'],
    ['plain http', 'http://allowed.example.com/'],
    ['suffix attack', 'https://allowed.example.com.attacker.com/'],
    ['prefix attack', 'https://evilallowed.example.com/'],
    ['subdomain', 'https://sub.allowed.example.com/'],
    ['credentials trick', 'https://allowed.example.com@attacker.com/'],
    ['credentials on the allowed host', 'https://user:pw@allowed.example.com/'],
    ['custom port', 'https://allowed.example.com:8443/'],
    ['trailing-dot host', 'https://allowed.example.com./'],
    ['tab inside scheme', 'ht\ttps://allowed.example.com/'],
    ['leading space', ' https://allowed.example.com/'],
    ['newline', 'https://allowed.example.com/\nfile:///etc/passwd'],
    ['malformed', 'https://'],
    ['not a URL at all', 'allowed.example.com'],
    ['empty', ''],
    ['protocol-relative', '//allowed.example.com/'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['over-long', `https://allowed.example.com/${'a'.repeat(3000)}`],
  ])('refuses %s: %j', async (_name, url) => {
    expect(isAllowedExternalUrl(url, ALLOWED)).toBe(false)
    expect(await openExternalSafely(url, ALLOWED)).toBe(false)
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it.each([
    null,
    undefined,
    42,
    {},
    ['https://allowed.example.com/'],
    { toString: () => 'https://allowed.example.com/' },
  ])('refuses non-string input %j without throwing', async (value) => {
    expect(isAllowedExternalUrl(value, ALLOWED)).toBe(false)
    expect(await openExternalSafely(value, ALLOWED)).toBe(false)
  })

  it.each([
    ['https://allowed.example.com/', 'https://allowed.example.com/'],
    ['https://allowed.example.com', 'https://allowed.example.com/'],
    ['https://ALLOWED.Example.com/Docs?q=1#top', 'https://allowed.example.com/Docs?q=1#top'],
  ])('opens %s (as %s)', async (url, opened) => {
    expect(isAllowedExternalUrl(url, ALLOWED)).toBe(true)
    expect(await openExternalSafely(url, ALLOWED)).toBe(true)
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(opened)
  })

  it('reports failure when the OS cannot open the link', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no browser'))
    expect(await openExternalSafely('https://allowed.example.com/', ALLOWED)).toBe(false)
  })

  it('uses the built-in allowlist by default, and the Help link passes it', () => {
    expect(isAllowedExternalUrl(HELP_URL)).toBe(true)
    expect(EXTERNAL_HOST_ALLOWLIST.every((host) => host === host.toLowerCase())).toBe(true)
    expect(isAllowedExternalUrl('https://docs.openstack.org.attacker.com/')).toBe(false)
  })
})
