import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const require = createRequire(import.meta.url)

interface AfterPackModule {
  (context: unknown): Promise<void>
  applyFuses(executablePath: string, options?: { arch?: string }): Promise<string[]>
  FUSE_DECISIONS: { name: string; enabled: boolean }[]
  SENTINEL: string
}
const afterPack = require('../../build/after-pack.cjs') as AfterPackModule

/** Bytes that look like an Electron executable to @electron/fuses: junk, the sentinel, version 1, the wire. */
function fakeExecutable(wire: string): Buffer {
  return Buffer.concat([
    Buffer.from('\x7fELF fake electron binary '.repeat(20)),
    Buffer.from(afterPack.SENTINEL, 'ascii'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'ascii'),
    Buffer.from(' trailing bytes'.repeat(20)),
  ])
}

function readWire(file: string): string {
  const bytes = readFileSync(file)
  const start = bytes.indexOf(afterPack.SENTINEL) + afterPack.SENTINEL.length
  return bytes.subarray(start + 2, start + 2 + (bytes[start + 1] as number)).toString('ascii')
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stackplan-fuses-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
  delete process.env['STACKPLAN_PLACEHOLDER_ELECTRON']
})

describe('fuse decisions', () => {
  it('turns off RunAsNode, NODE_OPTIONS, --inspect and file: privileges; turns on asar-only, integrity, cookies', () => {
    const decisions = Object.fromEntries(afterPack.FUSE_DECISIONS.map((d) => [d.name, d.enabled]))
    expect(decisions).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      WasmTrapHandlers: true,
    })
  })
})

describe('afterPack on a Linux executable', () => {
  const context = (appOutDir: string) => ({
    electronPlatformName: 'linux',
    appOutDir,
    arch: 1,
    packager: { executableName: 'stackplan', appInfo: { productFilename: 'Stackplan' } },
  })

  it('flips a nine-fuse wire (Electron 45 shape) to the decided states', async () => {
    // Electron's shipped defaults: RunAsNode, NODE_OPTIONS, --inspect, file: privileges and wasm traps on.
    const executable = path.join(dir, 'stackplan')
    writeFileSync(executable, fakeExecutable('101100011'))
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    await afterPack(context(dir))
    log.mockRestore()
    //                      Run Cookie NodeOpt Inspect Integrity AsarOnly V8snap FileProt Wasm
    expect(readWire(executable)).toBe('010011001')
  })

  it('flips an eight-fuse wire with the library in strict mode', async () => {
    const executable = path.join(dir, 'stackplan')
    writeFileSync(executable, fakeExecutable('10110001'))
    await afterPack.applyFuses(executable)
    expect(readWire(executable)).toBe('01001100')
  })

  it('refuses a binary with a fuse nobody has decided', async () => {
    const executable = path.join(dir, 'stackplan')
    writeFileSync(executable, fakeExecutable('1011000111'))
    await expect(afterPack.applyFuses(executable)).rejects.toThrow(/has 10 fuses .* decide fuse #9/)
    expect(readWire(executable)).toBe('1011000111')
  })

  it('refuses a file without a fuse wire', async () => {
    const executable = path.join(dir, 'stackplan')
    writeFileSync(executable, 'not electron')
    await expect(afterPack(context(dir))).rejects.toThrow(/sentinel/i)
  })

  it('skips, saying why, for the placeholder Electron of check:package', async () => {
    process.env['STACKPLAN_PLACEHOLDER_ELECTRON'] = '1'
    const executable = path.join(dir, 'stackplan')
    writeFileSync(executable, fakeExecutable('101100011'))
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    await afterPack(context(dir))
    expect(log.mock.calls.flat().join(' ')).toMatch(/fuses NOT flipped.*STACKPLAN_PLACEHOLDER_ELECTRON=1/)
    log.mockRestore()
    expect(readWire(executable)).toBe('101100011')
  })
})

describe('afterPack on Windows and macOS paths', () => {
  it('finds Stackplan.exe', async () => {
    const executable = path.join(dir, 'Stackplan.exe')
    writeFileSync(executable, fakeExecutable('101100011'))
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    await afterPack({
      electronPlatformName: 'win32',
      appOutDir: dir,
      arch: 1,
      packager: { appInfo: { productFilename: 'Stackplan' } },
    })
    log.mockRestore()
    expect(readWire(executable)).toBe('010011001')
  })

  it('finds the Electron Framework inside Stackplan.app (x64: no re-signing needed)', async () => {
    const frameworkDir = path.join(
      dir,
      'Stackplan.app',
      'Contents',
      'Frameworks',
      'Electron Framework.framework'
    )
    mkdirSync(frameworkDir, { recursive: true })
    const framework = path.join(frameworkDir, 'Electron Framework')
    writeFileSync(framework, fakeExecutable('101100011'))
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    await afterPack({
      electronPlatformName: 'darwin',
      appOutDir: dir,
      arch: 1,
      packager: { appInfo: { productFilename: 'Stackplan' } },
    })
    log.mockRestore()
    expect(readWire(framework)).toBe('010011001')
  })
})
