import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecentFiles } from '../../../electron/main/files/recent'

let dir: string
let storeFile: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stackplan-recent-'))
  storeFile = join(dir, 'data', 'recent.json')
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Creates `count` plan files and returns their paths. */
function plans(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const p = join(dir, `plan-${i}.stackplan`)
    writeFileSync(p, '{}')
    return p
  })
}

describe('RecentFiles', () => {
  it('starts empty', async () => {
    expect(await new RecentFiles(storeFile).list()).toEqual([])
  })

  it('lists newest first, moves a re-opened file to the front, and persists', async () => {
    const [a, b, c] = plans(3) as [string, string, string]
    const recent = new RecentFiles(storeFile)
    await recent.add(a)
    await recent.add(b)
    expect(await recent.add(c)).toEqual([c, b, a])
    expect(await recent.add(a)).toEqual([a, c, b])
    expect(await new RecentFiles(storeFile).list()).toEqual([a, c, b])
    expect(JSON.parse(readFileSync(storeFile, 'utf8'))).toEqual({ version: 1, paths: [a, c, b] })
    expect(readdirSync(join(dir, 'data'))).toEqual(['recent.json'])
  })

  it('keeps at most 10, dropping the oldest', async () => {
    const paths = plans(12)
    const recent = new RecentFiles(storeFile)
    for (const p of paths) await recent.add(p)
    const expected = paths.slice(2).reverse()
    expect(await recent.list()).toEqual(expected)
    expect(expected).toHaveLength(10)
  })

  it('drops files that no longer exist when listing, and saves the pruned list', async () => {
    const [a, b, c] = plans(3) as [string, string, string]
    const recent = new RecentFiles(storeFile)
    for (const p of [a, b, c]) await recent.add(p)
    unlinkSync(b)
    expect(await recent.list()).toEqual([c, a])
    expect(JSON.parse(readFileSync(storeFile, 'utf8'))).toEqual({ version: 1, paths: [c, a] })
  })

  it('removes a file on request', async () => {
    const [a, b] = plans(2) as [string, string]
    const recent = new RecentFiles(storeFile)
    await recent.add(a)
    await recent.add(b)
    expect(await recent.remove(a)).toEqual([b])
    expect(await recent.remove(join(dir, 'never-added'))).toEqual([b])
  })

  it.each([
    ['garbage', 'not json at all'],
    ['an array', '["/a"]'],
    ['a wrong shape', '{"paths": "nope"}'],
    ['null', 'null'],
  ])('reads a corrupt store (%s) as an empty list, and recovers on the next add', async (_what, content) => {
    writeFileSync(join(dir, 'recent.json'), content)
    const recent = new RecentFiles(join(dir, 'recent.json'))
    expect(await recent.list()).toEqual([])
    const [a] = plans(1) as [string]
    expect(await recent.add(a)).toEqual([a])
    expect(JSON.parse(readFileSync(join(dir, 'recent.json'), 'utf8'))).toEqual({ version: 1, paths: [a] })
  })

  it('ignores entries that are not absolute paths, and duplicates, in a hand-edited store', async () => {
    const [a, b] = plans(2) as [string, string]
    writeFileSync(
      join(dir, 'recent.json'),
      JSON.stringify({ version: 1, paths: [a, 7, 'relative/x', null, a, b] })
    )
    expect(await new RecentFiles(join(dir, 'recent.json')).list()).toEqual([a, b])
  })

  it('loses no entry when adds run concurrently', async () => {
    const paths = plans(8)
    const recent = new RecentFiles(storeFile)
    await Promise.all(paths.map((p) => recent.add(p)))
    expect(await recent.list()).toEqual([...paths].reverse())
  })

  it('compares paths case-insensitively on Windows only', async () => {
    const [a] = plans(1) as [string]
    const windows = new RecentFiles(join(dir, 'win.json'), { platform: 'win32' })
    await windows.add(a)
    expect(await windows.add(a.toUpperCase())).toEqual([a.toUpperCase()])
    const linux = new RecentFiles(join(dir, 'linux.json'), { platform: 'linux' })
    await linux.add(a)
    expect(await linux.add(a.toUpperCase())).toEqual([a.toUpperCase(), a])
  })

  it('refuses relative paths and normalizes absolute ones', async () => {
    const recent = new RecentFiles(storeFile)
    await expect(recent.add('plan.stackplan')).rejects.toThrow('A recent file must be an absolute path')
    const [a] = plans(1) as [string]
    expect(await recent.add(join(dir, 'sub', '..', 'plan-0.stackplan'))).toEqual([a])
  })
})
