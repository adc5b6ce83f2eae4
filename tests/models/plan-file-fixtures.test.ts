import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CURRENT_FORMAT_VERSION, parsePlanFile, serializePlanFile } from '../../models/plan-file/plan-file'
import { TEST_MIGRATIONS } from '../support/legacy-v0-migration'

// Every planning file in tests/fixtures is frozen: it was written once and must load forever. A new
// fixture (one per format version, and any file a bug report brings in) is picked up here automatically.
const FIXTURES = resolve(import.meta.dirname, '../fixtures')
const files = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.stackplan'))
  .sort()

describe('frozen fixtures', () => {
  it('include one file per format version up to the current one, and the required examples', () => {
    for (let version = 0; version <= CURRENT_FORMAT_VERSION; version++) {
      expect(files.some((name) => name.startsWith(`format-v${version}-`))).toBe(true)
    }
    expect(files).toEqual(
      expect.arrayContaining([
        'format-v0-legacy.stackplan',
        'format-v1-default.stackplan',
        'format-v1-full.stackplan',
        'format-v1-fidelity-keys.stackplan',
        'format-v2-default.stackplan',
        'format-v2-full.stackplan',
        'format-v2-imported.stackplan',
      ])
    )
  })

  describe.each(files)('%s', (name) => {
    const text = readFileSync(resolve(FIXTURES, name), 'utf8')

    it('loads as a plan', () => {
      const result = parsePlanFile(text, { migrations: TEST_MIGRATIONS })
      expect(result.ok ? 'ok' : result.error.message).toBe('ok')
    })

    it('saves and loads back to the same plan; a current-format file saves byte for byte', () => {
      const result = parsePlanFile(text, { migrations: TEST_MIGRATIONS })
      if (!result.ok) throw new Error(result.error.message)
      const { plan, appVersion, savedAt, formatVersion, migratedFrom } = result.value
      const saved = serializePlanFile(plan, {
        appVersion: appVersion || 'test',
        savedAt: new Date(savedAt || 0),
      })
      const again = parsePlanFile(saved)
      expect(again.ok && again.value.plan).toEqual(plan)
      if (formatVersion === CURRENT_FORMAT_VERSION && migratedFrom === null) expect(saved).toBe(text)
    })
  })
})
