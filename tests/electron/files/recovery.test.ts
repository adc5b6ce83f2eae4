import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RecoverySnapshot } from '../../../electron/contract'
import {
  MAX_RECOVERY_BYTES,
  MAX_RECOVERY_SNAPSHOTS,
  RecoveryStore,
} from '../../../electron/main/files/recovery'
import { MAX_PLAN_FILE_BYTES } from '../../../models/index'

let root: string
let dir: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stackplan-recovery-'))
  dir = join(root, 'recovery')
})

afterEach(() => rmSync(root, { recursive: true, force: true }))

function snapshot(
  docId: string,
  snapshotAtMs: number,
  extra: Partial<RecoverySnapshot> = {}
): RecoverySnapshot {
  return {
    docId,
    path: `/plans/${docId}.stackplan`,
    name: `${docId}.stackplan`,
    text: `{"plan": "${docId}"}`,
    snapshotAtMs,
    stamp: null,
    ...extra,
  }
}

describe('RecoveryStore', () => {
  it('lists nothing when the folder does not exist yet', async () => {
    expect(await new RecoveryStore(dir).list()).toEqual([])
  })

  it('writes one file per document, private to the user, and lists them newest first', async () => {
    const store = new RecoveryStore(dir)
    await store.write(snapshot('doc-a', 1000))
    await store.write(snapshot('doc_b', 3000, { path: null, name: 'Untitled plan' }))
    await store.write(snapshot('C3', 2000))
    expect(readdirSync(dir).sort()).toEqual(['C3.json', 'doc-a.json', 'doc_b.json'])
    expect(statSync(join(dir, 'doc-a.json')).mode & 0o777).toBe(0o600)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(await store.list()).toEqual([
      snapshot('doc_b', 3000, { path: null, name: 'Untitled plan' }),
      snapshot('C3', 2000),
      snapshot('doc-a', 1000),
    ])
  })

  it('replaces the snapshot of the same document, and a new store instance sees it (after a restart)', async () => {
    await new RecoveryStore(dir).write(snapshot('doc', 1, { text: 'first' }))
    await new RecoveryStore(dir).write(snapshot('doc', 2, { text: 'second' }))
    expect(await new RecoveryStore(dir).list()).toEqual([snapshot('doc', 2, { text: 'second' })])
  })

  it('discards one snapshot; discarding a missing one is fine', async () => {
    const store = new RecoveryStore(dir)
    await store.write(snapshot('keep', 1))
    await store.write(snapshot('drop', 2))
    await store.discard('drop')
    await store.discard('drop')
    await store.discard('never-written')
    expect((await store.list()).map((s) => s.docId)).toEqual(['keep'])
  })

  it.each(['../evil', '..', 'a/b', 'a\\b', '', 'x'.repeat(65), 'name.json', 'white space', '%2e%2e'])(
    'refuses the document id %j for write and discard, writing nothing anywhere',
    async (docId) => {
      const store = new RecoveryStore(dir)
      await expect(store.write(snapshot(docId, 1))).rejects.toThrow(
        'Invalid recovery snapshot: docId must be 1 to 64 letters, digits, "-" or "_"'
      )
      await expect(store.discard(docId)).rejects.toThrow('Invalid recovery document id')
      expect(readdirSync(root)).toEqual([])
    }
  )

  it('refuses malformed snapshots', async () => {
    const store = new RecoveryStore(dir)
    const bad: [unknown, string][] = [
      [{ ...snapshot('a', 1), text: 5 }, 'text must be text'],
      [{ ...snapshot('a', 1), snapshotAtMs: NaN }, 'snapshotAtMs must be a time in milliseconds'],
      [{ ...snapshot('a', 1), path: 7 }, 'path must be text or null'],
      [
        { ...snapshot('a', 1), text: 'x'.repeat(MAX_PLAN_FILE_BYTES + 1) },
        'text is larger than a planning file may be',
      ],
    ]
    for (const [value, problem] of bad) {
      await expect(store.write(value as RecoverySnapshot)).rejects.toThrow(
        `Invalid recovery snapshot: ${problem}`
      )
    }
    expect(existsSync(dir)).toBe(false)
  })

  it('keeps at most MAX_RECOVERY_SNAPSHOTS snapshots, removing the oldest first', async () => {
    const store = new RecoveryStore(dir)
    for (let i = 0; i < MAX_RECOVERY_SNAPSHOTS + 5; i++) await store.write(snapshot(`doc-${i}`, i))
    const kept = readdirSync(dir).sort()
    expect(kept.length).toBe(MAX_RECOVERY_SNAPSHOTS)
    // 25 written, 20 kept: doc-5 … doc-24.
    expect(kept).toContain(`doc-${MAX_RECOVERY_SNAPSHOTS + 4}.json`)
    expect(kept).not.toContain('doc-0.json')
    expect(kept).not.toContain('doc-4.json')
  })

  it('keeps the snapshots under MAX_RECOVERY_BYTES together', async () => {
    const store = new RecoveryStore(dir)
    // Each snapshot holds 9 MiB of text: 64 MiB fit 7 of them.
    const big = 'x'.repeat(9 * 1024 * 1024)
    for (let i = 0; i < 9; i++) await store.write(snapshot(`big-${i}`, i, { text: big }))
    const kept = readdirSync(dir)
    const totalBytes = kept.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0)
    expect(totalBytes).toBeLessThanOrEqual(MAX_RECOVERY_BYTES)
    expect(kept.length).toBe(7)
    expect(kept).toContain('big-8.json')
  })

  it('stores only the snapshot fields', async () => {
    const store = new RecoveryStore(dir)
    await store.write({ ...snapshot('a', 1), extra: 'nope' } as RecoverySnapshot)
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as object)).toEqual([
      'docId',
      'path',
      'name',
      'text',
      'snapshotAtMs',
      'stamp',
    ])
  })

  it('skips and deletes corrupt snapshot files, leaving other files alone', async () => {
    const store = new RecoveryStore(dir)
    await store.write(snapshot('good', 5))
    writeFileSync(join(dir, 'notjson.json'), '{"docId": "notjson", "pa')
    writeFileSync(join(dir, 'empty.json'), '')
    writeFileSync(join(dir, 'shape.json'), JSON.stringify({ docId: 'shape', text: 3 }))
    writeFileSync(join(dir, 'array.json'), '[]')
    writeFileSync(join(dir, 'renamed.json'), JSON.stringify(snapshot('other', 1)))
    writeFileSync(join(dir, 'proto.json'), '{"__proto__": {"polluted": 1}, "docId": "proto"}')
    mkdirSync(join(dir, 'folder.json'))
    writeFileSync(join(dir, 'README.txt'), 'not a snapshot')
    expect(await store.list()).toEqual([snapshot('good', 5)])
    expect(readdirSync(dir).sort()).toEqual(['README.txt', 'folder.json', 'good.json'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('removes temporary files of a write that died long ago, but not fresh ones', async () => {
    const store = new RecoveryStore(dir)
    await store.write(snapshot('a', 1))
    const stale = join(dir, '.a.json.0123456789ab.tmp')
    const fresh = join(dir, '.a.json.ba9876543210.tmp')
    writeFileSync(stale, 'half')
    writeFileSync(fresh, 'half')
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000)
    utimesSync(stale, anHourAgo, anHourAgo)
    expect((await store.list()).map((s) => s.docId)).toEqual(['a'])
    expect(readdirSync(dir).sort()).toEqual(['.a.json.ba9876543210.tmp', 'a.json'])
  })
})
