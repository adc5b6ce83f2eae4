import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { OpenResult } from '../../electron/contract'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { ExternalOpenQueue, findPlanPathsInArgv } = await import('../../electron/main/os-open')
const { KnownPaths } = await import('../../electron/main/known-paths')

describe('findPlanPathsInArgv', () => {
  const cwd = '/home/ana'
  it.each([
    ['packaged launch with a file', ['/opt/Stackplan/stackplan', '/data/a.stackplan'], ['/data/a.stackplan']],
    [
      'relative path',
      ['/opt/Stackplan/stackplan', 'plans/b.stackplan'],
      [path.resolve(cwd, 'plans/b.stackplan')],
    ],
    ['upper-case extension', ['/opt/Stackplan/stackplan', '/data/C.STACKPLAN'], ['/data/C.STACKPLAN']],
    ['dev launch (electron .)', ['/usr/bin/electron', '.', '/data/a.stackplan'], ['/data/a.stackplan']],
    ['switches are ignored', ['/opt/Stackplan/stackplan', '--inspect=x.stackplan', '--no-sandbox'], []],
    ['other files are ignored', ['/opt/Stackplan/stackplan', '/data/notes.txt', '/data/a.stackplan.bak'], []],
    [
      'duplicates once',
      ['/opt/Stackplan/stackplan', '/data/a.stackplan', '/data/a.stackplan'],
      ['/data/a.stackplan'],
    ],
    ['the executable itself is never a plan', ['/tmp/x.stackplan'], []],
  ])('%s', (_name, argv, expected) => {
    expect(findPlanPathsInArgv(argv, cwd)).toEqual(expected)
  })
})

describe('ExternalOpenQueue', () => {
  const opened = (p: string): OpenResult => ({ status: 'error', path: p, message: 'x' })

  it('holds results until the page can receive them, then delivers in order', () => {
    const queue = new ExternalOpenQueue()
    queue.push(opened('/a.stackplan'))
    queue.push(opened('/b.stackplan'))
    expect(queue.size).toBe(2)
    const delivered: OpenResult[] = []
    queue.setReceiver((result) => delivered.push(result) > 0)
    expect(delivered).toEqual([opened('/a.stackplan'), opened('/b.stackplan')])
    queue.push(opened('/c.stackplan'))
    expect(delivered).toHaveLength(3)
    expect(queue.size).toBe(0)
  })

  it('queues again while the page reloads, and when delivery fails', () => {
    const queue = new ExternalOpenQueue()
    queue.setReceiver(() => false)
    queue.push(opened('/a.stackplan'))
    expect(queue.size).toBe(1)
    queue.clearReceiver()
    queue.push(opened('/b.stackplan'))
    const delivered: OpenResult[] = []
    queue.setReceiver((result) => delivered.push(result) > 0)
    expect(delivered.map((r) => (r.status === 'error' ? r.path : ''))).toEqual([
      '/a.stackplan',
      '/b.stackplan',
    ])
  })
})

describe('KnownPaths', () => {
  it('knows normalized absolute paths only', () => {
    const known = new KnownPaths('linux')
    known.add('/home/ana/plans/../plans/a.stackplan')
    known.add('relative/b.stackplan')
    known.add('')
    expect(known.has('/home/ana/plans/a.stackplan')).toBe(true)
    expect(known.has('/home/ana/plans/./a.stackplan')).toBe(true)
    expect(known.has('/home/ana/plans/A.stackplan')).toBe(false)
    expect(known.has('relative/b.stackplan')).toBe(false)
    expect(known.has('/etc/passwd')).toBe(false)
    expect(known.has('/home/ana/plans/a.stackplan\0.txt')).toBe(false)
  })

  it('compares case-insensitively on Windows and macOS', () => {
    const windows = new KnownPaths('win32')
    windows.add('C:\\Users\\Ana\\A.stackplan')
    expect(windows.has('c:\\users\\ana\\a.STACKPLAN')).toBe(true)
    expect(windows.has('C:\\Users\\Ana\\..\\Bob\\A.stackplan')).toBe(false)
    const mac = new KnownPaths('darwin')
    mac.addAll(['/Users/ana/A.stackplan'])
    expect(mac.has('/users/ana/a.stackplan')).toBe(true)
  })
})
