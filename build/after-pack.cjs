// electron-builder afterPack hook: flips Electron's fuses in the packed executable before it is signed.
// Every fuse in the binary must have a decision below; a new Electron fuse fails the build until decided.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook (electron-builder require()s it) */
const { promises: fs } = require('node:fs')
const path = require('node:path')
const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = require('@electron/fuses')

/** Electron's V1 fuse wire, in wire order, with Stackplan's decision for each. */
const FUSE_DECISIONS = [
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js runtime.
  { name: 'RunAsNode', enabled: false },
  { name: 'EnableCookieEncryption', enabled: true },
  // NODE_OPTIONS and --inspect would let anyone who can start the app inject code into main.
  { name: 'EnableNodeOptionsEnvironmentVariable', enabled: false },
  { name: 'EnableNodeCliInspectArguments', enabled: false },
  { name: 'EnableEmbeddedAsarIntegrityValidation', enabled: true },
  { name: 'OnlyLoadAppFromAsar', enabled: true },
  { name: 'LoadBrowserProcessSpecificV8Snapshot', enabled: false },
  // Pages come from app://, never file://, so file: needs no extra privileges.
  { name: 'GrantFileProtocolExtraPrivileges', enabled: false },
  // Electron's default: trap-based WebAssembly bounds checks (Electron 43+ has this ninth fuse).
  { name: 'WasmTrapHandlers', enabled: true },
]

const SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii')
const FUSE_DISABLE = 0x30 // '0'
const FUSE_ENABLE = 0x31 // '1'
const FUSE_REMOVED = 0x72 // 'r'

/** Path of the file holding the fuse wire, the way @electron/fuses finds it. */
function fuseFilePath(executablePath) {
  if (executablePath.endsWith('.app')) {
    return path.join(
      executablePath,
      'Contents',
      'Frameworks',
      'Electron Framework.framework',
      'Electron Framework'
    )
  }
  return executablePath
}

/** The packed Electron executable for this platform. */
function executablePathFor(context) {
  const { electronPlatformName, appOutDir, packager } = context
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`)
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`)
  return path.join(appOutDir, packager.executableName)
}

/**
 * Writes fuses that the installed @electron/fuses does not know yet, at every sentinel (universal macOS
 * binaries have two). Runs before flipFuses, so its macOS ad-hoc re-signing covers these bytes too.
 */
async function setUnknownFuses(executablePath, decisions) {
  if (decisions.length === 0) return
  const file = fuseFilePath(executablePath)
  const bytes = await fs.readFile(file)
  const positions = [bytes.indexOf(SENTINEL), bytes.lastIndexOf(SENTINEL)].filter(
    (p, i, all) => all.indexOf(p) === i
  )
  if (positions.includes(-1)) throw new Error(`No fuse wire found in ${file}`)
  for (const position of positions) {
    const wireStart = position + SENTINEL.length + 2
    for (const { index, enabled } of decisions) {
      if (bytes[wireStart + index] !== FUSE_REMOVED)
        bytes[wireStart + index] = enabled ? FUSE_ENABLE : FUSE_DISABLE
    }
  }
  await fs.writeFile(file, bytes)
}

/** Flips every fuse of the executable to its decision, then reads the wire back to prove it. */
async function applyFuses(executablePath, { arch } = {}) {
  const before = await getCurrentFuseWire(executablePath)
  if (before.version !== FuseVersion.V1) throw new Error(`Unsupported fuse wire version ${before.version}`)
  const wireLength = Object.keys(before).filter((key) => /^\d+$/.test(key)).length
  if (wireLength > FUSE_DECISIONS.length) {
    throw new Error(
      `This Electron has ${wireLength} fuses but build/after-pack.cjs decides only ${FUSE_DECISIONS.length}: ` +
        `decide fuse #${FUSE_DECISIONS.length} (see Electron's fuses documentation) before packaging.`
    )
  }
  const decisions = FUSE_DECISIONS.slice(0, wireLength).map((decision, index) => ({ ...decision, index }))
  const known = decisions.filter(
    (d) => typeof FuseV1Options[d.name] === 'number' && FuseV1Options[d.name] === d.index
  )
  const unknown = decisions.filter((d) => !known.includes(d))

  await setUnknownFuses(executablePath, unknown)
  const config = {
    version: FuseVersion.V1,
    // The library's own strict mode, whenever it knows every fuse of this binary; otherwise the wire-length
    // check above and the read-back below keep the build just as strict.
    strictlyRequireAllFuses: unknown.length === 0,
    resetAdHocDarwinSignature: executablePath.endsWith('.app') && arch === 'arm64',
  }
  for (const decision of known) config[FuseV1Options[decision.name]] = decision.enabled
  await flipFuses(executablePath, config)

  const after = await getCurrentFuseWire(executablePath)
  for (const { name, index, enabled } of decisions) {
    const state = after[index]
    if (state === FUSE_REMOVED) continue
    if (state !== (enabled ? FUSE_ENABLE : FUSE_DISABLE)) {
      throw new Error(
        `Fuse ${name} is ${String.fromCharCode(state)} after flipping, expected ${enabled ? 1 : 0}`
      )
    }
  }
  return decisions.map(({ name, enabled }) => `${name}=${enabled ? 'on' : 'off'}`)
}

const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }

async function afterPack(context) {
  if (process.env.STACKPLAN_PLACEHOLDER_ELECTRON === '1') {
    console.log(
      '  • afterPack: fuses NOT flipped — STACKPLAN_PLACEHOLDER_ELECTRON=1 (a placeholder executable has no fuse wire)'
    )
    return
  }
  const executablePath = executablePathFor(context)
  const summary = await applyFuses(executablePath, { arch: ARCH_NAMES[context.arch] ?? String(context.arch) })
  console.log(`  • afterPack: fuses set on ${path.basename(executablePath)}: ${summary.join(', ')}`)
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.applyFuses = applyFuses
module.exports.executablePathFor = executablePathFor
module.exports.FUSE_DECISIONS = FUSE_DECISIONS
module.exports.SENTINEL = SENTINEL.toString('ascii')
