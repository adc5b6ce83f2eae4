import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ValueIssue } from '../../models/catalog/values'
import { MAX_PLAN_FILE_BYTES } from '../../models/plan/limits'
import { createDefaultPlan, type Plan } from '../../models/plan/plan'
import {
  checkPlanFileSize,
  createMigrationRegistry,
  CURRENT_FORMAT_VERSION,
  parsePlanFile,
  PlanFileWriteError,
  serializePlanFile,
  utf8ByteLength,
  type PlanFileError,
  type PlanFileResult,
} from '../../models/plan-file/plan-file'
import { TEST_MIGRATIONS } from '../support/legacy-v0-migration'

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
const META = { appVersion: '0.1.0', savedAt: new Date('2026-03-01T09:30:00.000Z') }

function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8')
}

/** A planning-file document with `plan` merged over the default plan's fields. */
function fileWith(plan: Record<string, unknown>, envelope: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'stackplan',
    formatVersion: 1,
    minReaderVersion: 1,
    app: 'test',
    savedAt: '',
    ...envelope,
    plan,
  })
}

function errorOf(result: PlanFileResult): PlanFileError {
  if (result.ok) throw new Error(`expected a refusal, got a plan named ${result.value.plan.name}`)
  return result.error
}

function planOf(result: PlanFileResult): Plan {
  if (!result.ok) throw new Error(`expected a plan, got ${result.error.kind}: ${result.error.message}`)
  return result.value.plan
}

describe('serializePlanFile', () => {
  it('writes the default plan as the frozen default fixture, byte for byte', () => {
    expect(serializePlanFile(createDefaultPlan(), META)).toBe(fixture('format-v2-default.stackplan'))
  })

  it('orders envelope keys, plan keys and sorted assumption, override and range keys', () => {
    const plan = createDefaultPlan()
    plan.assumptions = { 'vmware.edition': 'vvf', 'fleet.vms': 2000, 'host.sockets': 1 }
    plan.ranges = {
      'power.usdPerKwh': { kind: 'uniform', low: 0.1, high: 0.2 },
      'host.capexUsd': { high: 30_000, low: 20_000, likely: 25_000, kind: 'pert' },
    }
    plan.scenarios = [
      { id: 'z', name: 'Zed', overrides: { 'vmware.edition': 'vcf', 'fleet.vms': 5 } },
      { id: 'a', name: 'Ay', overrides: {} },
    ]
    plan.view.activeScenarioId = 'a'
    const text = serializePlanFile(plan, META)
    const doc = JSON.parse(text) as { plan: Record<string, Record<string, unknown>> } & Record<
      string,
      unknown
    >
    expect(Object.keys(doc)).toEqual([
      'format',
      'formatVersion',
      'minReaderVersion',
      'app',
      'savedAt',
      'plan',
    ])
    expect(Object.keys(doc.plan)).toEqual([
      'name',
      'notes',
      'assumptions',
      'ranges',
      'scenarios',
      'view',
      'scorecard',
      'extensions',
    ])
    expect(Object.keys(doc.plan.assumptions!)).toEqual(['fleet.vms', 'host.sockets', 'vmware.edition'])
    expect(Object.keys(doc.plan.ranges!)).toEqual(['host.capexUsd', 'power.usdPerKwh'])
    expect(Object.keys(doc.plan.ranges!['host.capexUsd'] as object)).toEqual([
      'kind',
      'low',
      'likely',
      'high',
    ])
    const scenarios = doc.plan.scenarios as unknown as { id: string; overrides: object }[]
    expect(scenarios.map((s) => s.id)).toEqual(['z', 'a'])
    expect(Object.keys(scenarios[0]!.overrides)).toEqual(['fleet.vms', 'vmware.edition'])
    expect(Object.keys(doc.plan.view!)).toEqual([
      'metric',
      'activeScenarioId',
      'fleetUnit',
      'curveFromVms',
      'curveToVms',
      'curvePoints',
    ])
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe('  "format": "stackplan",')
  })

  it('writes only base values that differ from the catalog default, but keeps default-valued overrides', () => {
    const plan = createDefaultPlan()
    plan.assumptions = { 'fleet.vms': 1000, 'host.sockets': 4 } // fleet.vms 1000 is the default
    plan.scenarios[0]!.overrides = { 'fleet.vms': 1000 }
    const doc = JSON.parse(serializePlanFile(plan, META)) as { plan: Plan }
    expect(doc.plan.assumptions).toEqual({ 'host.sockets': 4 })
    expect(doc.plan.scenarios[0]!.overrides).toEqual({ 'fleet.vms': 1000 })
  })

  it('writes extensions back unchanged, in their own key order', () => {
    const plan = createDefaultPlan()
    plan.extensions = { zeta: { b: [1, { c: null }], a: 'x' }, alpha: true }
    const doc = JSON.parse(serializePlanFile(plan, META)) as { plan: Plan }
    expect(doc.plan.extensions).toEqual({ zeta: { b: [1, { c: null }], a: 'x' }, alpha: true })
    expect(Object.keys(doc.plan.extensions)).toEqual(['zeta', 'alpha'])
    expect(Object.keys(doc.plan.extensions.zeta as object)).toEqual(['b', 'a'])
  })

  it.each([
    ['an assumption', (p: Plan) => void (p.assumptions['host.capexUsd'] = NaN), 'host.capexUsd'],
    ['an override', (p: Plan) => void (p.scenarios[0]!.overrides['power.pue'] = Infinity), 'power.pue'],
    [
      'a range end',
      (p: Plan) => void (p.ranges['host.capexUsd'] = { kind: 'uniform', low: 1, high: -Infinity }),
      'ranges.host.capexUsd.high',
    ],
    ['a score', (p: Plan) => void (p.scorecard.design.vmware = NaN), 'scorecard.design.vmware'],
    ['a view field', (p: Plan) => void (p.view.curvePoints = Infinity), 'view.curvePoints'],
    ['an extension', (p: Plan) => void (p.extensions.deep = { list: [1, NaN] }), 'extensions.deep.list[1]'],
  ])('throws a typed error instead of writing a non-finite number in %s', (_where, poison, key) => {
    const plan = createDefaultPlan()
    poison(plan)
    let thrown: unknown
    try {
      serializePlanFile(plan, META)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(PlanFileWriteError)
    expect((thrown as PlanFileWriteError).kind).toBe('invalidValue')
    expect((thrown as PlanFileWriteError).key).toBe(key)
    expect((thrown as PlanFileWriteError).message).toMatch(/^Cannot save this plan: Invalid value at /)
  })

  it('refuses to write what it could not read back: non-JSON data, prototype keys, bad dates, out-of-range values', () => {
    const cases: [(p: Plan) => void, string][] = [
      [
        (p) => void (p.extensions.when = new Date(0)),
        'Invalid value at extensions.when: only JSON data (text, numbers, true/false, null, lists and objects) can be stored, not an object of type Date',
      ],
      [
        (p) => void (p.extensions.f = () => 1),
        'Invalid value at extensions.f: only JSON data (text, numbers, true/false, null, lists and objects) can be stored, not a function',
      ],
      [
        (p) => void (p.extensions.u = undefined),
        'Invalid value at extensions.u: only JSON data (text, numbers, true/false, null, lists and objects) can be stored, not undefined',
      ],
      [
        (p) => void (p.extensions.x = JSON.parse('{"__proto__": {"polluted": 1}}')),
        'Refused key "__proto__" at extensions.x: keys named __proto__, constructor or prototype are not allowed in a planning file',
      ],
      [
        (p) => void (p.assumptions['vmware.usdPerCoreYear.vcf'] = -5),
        'Invalid value at vmware.usdPerCoreYear.vcf: -5 is out of range (allowed: 0 to 10,000)',
      ],
    ]
    for (const [poison, message] of cases) {
      const plan = createDefaultPlan()
      poison(plan)
      expect(() => serializePlanFile(plan, META)).toThrow(`Cannot save this plan: ${message}`)
    }
    expect(() => serializePlanFile(createDefaultPlan(), { appVersion: '1', savedAt: new Date(NaN) })).toThrow(
      'Cannot save this plan: Invalid value at savedAt: not a valid date'
    )
  })

  it('refuses a cyclic extension with the depth limit instead of overflowing the stack', () => {
    const plan = createDefaultPlan()
    const loop: Record<string, unknown> = {}
    loop.self = loop
    plan.extensions.loop = loop
    expect(() => serializePlanFile(plan, META)).toThrow(
      /Cannot save this plan: This planning file is nested too deeply at extensions\.loop(\.self)+ \(more than 64 levels\)/
    )
  })

  it('refuses to write a plan over the size cap', () => {
    const plan = createDefaultPlan()
    plan.extensions.blob = Array.from({ length: 11 }, () => 'x'.repeat(1024 * 1024))
    expect(() => serializePlanFile(plan, META)).toThrow(
      /^Cannot save this plan: The plan would be 11.1 MB on disk; the limit is 10 MB \(10,485,760 bytes\)$/
    )
  })

  it('writes lone surrogates as escapes that read back', () => {
    const plan = createDefaultPlan()
    plan.name = 'half \ud800 pair'
    const text = serializePlanFile(plan, META)
    expect(text).toContain('"name": "half \\ud800 pair"')
    expect(planOf(parsePlanFile(text)).name).toBe('half \ud800 pair')
  })
})

describe('parsePlanFile: the fixtures', () => {
  it('reads the default fixture as the default plan', () => {
    const result = parsePlanFile(fixture('format-v2-default.stackplan'))
    expect(result).toEqual({
      ok: true,
      value: {
        plan: createDefaultPlan(),
        formatVersion: 2,
        appVersion: '0.1.0',
        savedAt: '2026-03-01T09:30:00.000Z',
        migratedFrom: null,
      },
    })
  })

  it('reads the format 1 default fixture as the default plan, migrated to format 2', () => {
    const result = parsePlanFile(fixture('format-v1-default.stackplan'))
    expect(result).toEqual({
      ok: true,
      value: {
        plan: createDefaultPlan(),
        formatVersion: 1,
        appVersion: '0.1.0',
        savedAt: '2026-03-01T09:30:00.000Z',
        migratedFrom: 1,
      },
    })
  })

  it('reads a format 1 file with the renamed and split keys with their meaning kept', () => {
    const plan = planOf(parsePlanFile(fixture('format-v1-fidelity-keys.stackplan')))
    // one concurrency for both platforms becomes the same value on each; perNode was Ubuntu Pro infra;
    // an overhead of 1.5 is the RAID-6 policy; its range has no numeric key left to attach to
    expect(plan.assumptions).toEqual({
      'migration.vmware.concurrentBlock': 3,
      'migration.openstack.concurrentBlock': 3,
      'migration.vmware.concurrentLive': 4,
      'migration.openstack.concurrentLive': 4,
      'openstack.support': 'infra',
      'openstack.supportUsdPerNodeYear.infra': 300,
      'vmware.vsanPolicy': 'raid6',
    })
    expect(plan.ranges).toEqual({
      'migration.vmware.concurrentLive': { kind: 'uniform', low: 2, high: 8 },
      'migration.openstack.concurrentLive': { kind: 'uniform', low: 2, high: 8 },
    })
    expect(plan.scenarios[1]?.overrides).toEqual({
      'openstack.support': 'none',
      'vmware.vsanPolicy': 'raid1',
    })
  })

  it('reads the full fixture with every part intact', () => {
    const plan = planOf(parsePlanFile(fixture('format-v1-full.stackplan')))
    expect(plan.name).toBe('VCF renewal vs OpenStack — Rechenzentrum Süd')
    expect(plan.notes.split('\n')).toHaveLength(6)
    expect(plan.assumptions['vmware.usdPerCoreYear.vcf']).toBe(300)
    expect(plan.assumptions['finance.currency']).toBe('EUR')
    expect(plan.assumptions['vmware.minCoresPerOrderEnabled']).toBe(false)
    expect((plan.assumptions['workload.profile'] as number[]).slice(6, 10)).toEqual([0.2, 0.2, 1, 1])
    expect(plan.ranges).toEqual({
      'host.capexUsd': { kind: 'uniform', low: 20000, high: 32000 },
      'power.usdPerKwh': { kind: 'lognormal', low: 0.08, high: 0.25 },
      'staff.openstack.hostsPerFte': { kind: 'pert', low: 40, likely: 60, high: 90 },
      'vmware.usdPerCoreYear.vcf': { kind: 'triangular', low: 185, likely: 300, high: 395 },
    })
    expect(plan.scenarios.map((s) => s.id)).toEqual([
      'baseline',
      'late-renewal',
      'openstack-consolidation',
      'cheap-vcf',
    ])
    expect(plan.scenarios[3]!.overrides).toEqual({
      'fleet.vms': 1000,
      'vmware.edition': 'vcf',
      'vmware.usdPerCoreYear.vcf': 185,
    })
    expect(plan.view).toEqual({
      metric: 'npv',
      activeScenarioId: 'late-renewal',
      fleetUnit: 'hosts',
      curveFromVms: 50,
      curveToVms: 50000,
      curvePoints: 81,
    })
    expect(plan.scorecard.design).toEqual({ vmware: 8, openstack: 7.5, weight: 2 })
    expect(plan.scorecard.valueWeight).toBe(3)
    expect(plan.extensions['org.stackplan.future']).toEqual({
      reportTemplate: 'v2',
      weights: [0.1, 0.9],
      enabled: false,
    })
    const cmdb = plan.extensions['com.example.cmdb'] as { clusters: { nested: unknown }[] }
    expect(cmdb.clusters[0]!.nested).toEqual({ deeper: { evenDeeper: [1, 2.5, -3e-7, { x: [] }] } })
  })

  it('fills missing optional parts from the default plan', () => {
    const plan = planOf(parsePlanFile(fileWith({ name: 'Only a name' })))
    expect(plan).toEqual({ ...createDefaultPlan(), name: 'Only a name' })
    const partial = planOf(
      parsePlanFile(fileWith({ view: { metric: 'npv' }, scorecard: { design: { vmware: 3 } } }))
    )
    expect(partial.view).toEqual({ ...createDefaultPlan().view, metric: 'npv' })
    expect(partial.scorecard.design).toEqual({ vmware: 3, openstack: 7, weight: 1 })
  })

  it('opens the first scenario when the view points at one that is gone', () => {
    const plan = planOf(
      parsePlanFile(
        fileWith({
          scenarios: [
            { id: 'a', name: 'A' },
            { id: 'b', name: 'B' },
          ],
          view: { activeScenarioId: 'gone' },
        })
      )
    )
    expect(plan.view.activeScenarioId).toBe('a')
    expect(plan.scenarios[0]!.overrides).toEqual({})
  })

  it('drops base values equal to the catalog default when reading', () => {
    const plan = planOf(parsePlanFile(fileWith({ assumptions: { 'fleet.vms': 1000, 'host.sockets': 4 } })))
    expect(plan.assumptions).toEqual({ 'host.sockets': 4 })
  })

  it('accepts a byte order mark and CRLF line ends', () => {
    const text = '\ufeff' + fixture('format-v1-full.stackplan').replace(/\n/g, '\r\n')
    expect(planOf(parsePlanFile(text))).toEqual(planOf(parsePlanFile(fixture('format-v1-full.stackplan'))))
  })

  it('reads -0 as 0', () => {
    const plan = planOf(
      parsePlanFile(
        fileWith({
          scenarios: [{ id: 'b', name: 'B', overrides: { 'workload.growthPerYear': -0 } }],
          extensions: { z: -0 },
        })
      )
    )
    expect(Object.is(plan.scenarios[0]!.overrides['workload.growthPerYear'], 0)).toBe(true)
    expect(Object.is(plan.extensions.z, 0)).toBe(true)
  })
})

describe('parsePlanFile: every typed error with its message', () => {
  it.each([
    ['[1, 2]', 'This is not a Stackplan planning file: it does not hold a plan'],
    ['\u0089PNG\r\n\u001a\n', 'This is not a Stackplan planning file: it does not hold a plan'],
    [
      '{"format": "excel", "formatVersion": 1}',
      'This is not a Stackplan planning file: its format is "excel"',
    ],
    ['{"format": 7}', 'This is not a Stackplan planning file: its format is not "stackplan"'],
    ['{"hello": "world"}', 'This is not a Stackplan planning file: it has no "format": "stackplan" marker'],
    ['{"stackplan": 5}', 'This is not a Stackplan planning file: it has no "format": "stackplan" marker'],
  ])('notPlanningFile: %s', (text, message) => {
    expect(errorOf(parsePlanFile(text))).toEqual({ kind: 'notPlanningFile', message })
  })

  it('notPlanningFile: not text at all', () => {
    expect(errorOf(parsePlanFile(42 as unknown as string))).toEqual({
      kind: 'notPlanningFile',
      message: 'This is not a Stackplan planning file: it is not text',
    })
  })

  it('corrupted: an empty file', () => {
    expect(errorOf(parsePlanFile(' \n\t'))).toEqual({
      kind: 'corrupted',
      message: 'Corrupted planning file: the file is empty',
    })
  })

  it('corrupted: an unexpected character, with its line and column', () => {
    const lines = fixture('format-v1-default.stackplan').split('\n')
    expect(lines[11]).toBe('    "scenarios": [')
    lines[11] = '    ? "scenarios": [' // "?" is at line 12, column 5
    expect(errorOf(parsePlanFile(lines.join('\n')))).toEqual({
      kind: 'corrupted',
      message: 'Corrupted planning file: unexpected character at line 12, column 5',
      line: 12,
      column: 5,
    })
  })

  it('corrupted: a file cut off in the middle', () => {
    const text = fixture('format-v1-default.stackplan')
    const cut = text.slice(0, text.indexOf('"view"'))
    const lines = cut.split('\n')
    expect(errorOf(parsePlanFile(cut))).toEqual({
      kind: 'corrupted',
      message: `Corrupted planning file: the file ends too early (it may have been cut off) at line ${lines.length}, column ${lines.at(-1)!.length + 1}`,
      line: lines.length,
      column: lines.at(-1)!.length + 1,
    })
  })

  it.each([
    ['{"a": "x\ny"}', 'a line break or control character inside quoted text at line 1, column 9'],
    ['{"a": "\\q"}', 'an invalid escape in quoted text at line 1, column 9'],
    ['{"a": 01}', 'unexpected character at line 1, column 8'],
    ['{"a": 1.}', 'an invalid number at line 1, column 9'],
    ['{"a": 1}\n}', 'unexpected text after the end of the data at line 2, column 1'],
    ['{"a": "open', 'text in quotes is never closed at line 1, column 12'],
  ])('corrupted: %j', (text, detail) => {
    expect(errorOf(parsePlanFile(text)).message).toBe(`Corrupted planning file: ${detail}`)
  })

  it('tooLarge: the size check callers make before reading', () => {
    expect(checkPlanFileSize(0)).toBeNull()
    expect(checkPlanFileSize(MAX_PLAN_FILE_BYTES)).toBeNull()
    expect(checkPlanFileSize(MAX_PLAN_FILE_BYTES + 1)).toEqual({
      kind: 'tooLarge',
      message: 'This file is too large to be a planning file (10.1 MB); the limit is 10 MB',
    })
    expect(checkPlanFileSize(11 * 1024 * 1024)?.message).toBe(
      'This file is too large to be a planning file (11 MB); the limit is 10 MB'
    )
    expect(checkPlanFileSize(NaN)?.kind).toBe('tooLarge')
  })

  it('tooLarge: text over the cap, counted in UTF-8 bytes', () => {
    const padding = ' '.repeat(MAX_PLAN_FILE_BYTES)
    expect(errorOf(parsePlanFile(fixture('format-v1-default.stackplan') + padding))).toEqual({
      kind: 'tooLarge',
      message: 'This file is too large to be a planning file (10.1 MB); the limit is 10 MB',
    })
    // 6 Mi characters of "é" are 12 MiB in UTF-8 (plus the envelope), though the string is shorter than the cap.
    const accents = fileWith({ notes: 'é'.repeat(6 * 1024 * 1024) })
    expect(accents.length).toBeLessThan(MAX_PLAN_FILE_BYTES)
    expect(errorOf(parsePlanFile(accents))).toEqual({
      kind: 'tooLarge',
      message: 'This file is too large to be a planning file (12.1 MB); the limit is 10 MB',
    })
  })

  it('tooLarge: too many scenarios, keys or list items', () => {
    const scenarios = Array.from({ length: 1001 }, (_, i) => ({ id: `s${i}`, name: `S${i}` }))
    expect(errorOf(parsePlanFile(fileWith({ scenarios })))).toEqual({
      kind: 'tooLarge',
      message: 'This plan has 1,001 scenarios; the limit is 1,000',
      key: 'scenarios',
    })
    const keys = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i]))
    expect(errorOf(parsePlanFile(fileWith({ extensions: { keys } })))).toEqual({
      kind: 'tooLarge',
      message:
        'This planning file is too large: the object at plan.extensions.keys has 10,001 keys; the limit is 10,000',
      key: 'plan.extensions.keys',
    })
    expect(errorOf(parsePlanFile(fileWith({ extensions: { list: new Array(100_001).fill(0) } })))).toEqual({
      kind: 'tooLarge',
      message:
        'This planning file is too large: the list at plan.extensions.list has 100,001 items; the limit is 100,000',
      key: 'plan.extensions.list',
    })
  })

  // Saving runs the same structural checks on extensions (copyJsonData) as reading does on the whole
  // document (checkDocumentSafety): each limit must refuse on both paths.
  it.each([
    [
      'a list over 100,000 items',
      () => ({ list: new Array(100_001).fill(0) }),
      'This planning file is too large: the list at extensions.list has 100,001 items; the limit is 100,000',
    ],
    [
      'an object over 10,000 keys',
      () => ({ keys: Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i])) }),
      'This planning file is too large: the object at extensions.keys has 10,001 keys; the limit is 10,000',
    ],
    [
      'nesting over 64 levels',
      // extensions is level 3; 62 nested lists put the innermost one at level 65.
      () => ({ deep: Array.from({ length: 61 }).reduce<unknown[]>((inner) => [inner], []) }),
      `This planning file is nested too deeply at extensions.deep${'[0]'.repeat(61)} (more than 64 levels)`,
      // Reading finds the nesting in the text before parsing, and says where.
      'This planning file is nested too deeply (more than 64 levels) at line 1, column 636',
    ],
    [
      'a prototype key',
      () => JSON.parse('{"x": {"constructor": 1}}') as Record<string, unknown>,
      'Refused key "constructor" at extensions.x: keys named __proto__, constructor or prototype are not allowed in a planning file',
    ],
  ])('saving refuses extensions with %s', (_what, extensions, message, readMessage?: string) => {
    const plan = createDefaultPlan()
    plan.extensions = extensions()
    expect(() => serializePlanFile(plan, META)).toThrow(`Cannot save this plan: ${message}`)
    // Reading the same document refuses it too, naming the place from the envelope down.
    const doc = JSON.parse(serializePlanFile(createDefaultPlan(), META)) as { plan: Record<string, unknown> }
    doc.plan.extensions = extensions()
    const error = errorOf(parsePlanFile(JSON.stringify(doc)))
    expect(error.message).toBe(readMessage ?? message.replace(' at extensions', ' at plan.extensions'))
  })

  it('tooNew: a file whose minReaderVersion is above this version', () => {
    expect(errorOf(parsePlanFile(fileWith({}, { formatVersion: 3, minReaderVersion: 3 })))).toEqual({
      kind: 'tooNew',
      message:
        'This plan was made by a newer Stackplan (format 3); this version reads format 2. Update Stackplan to open it.',
    })
    // Without minReaderVersion the file's own version is the minimum.
    expect(errorOf(parsePlanFile(fileWith({}, { formatVersion: 3, minReaderVersion: undefined }))).kind).toBe(
      'tooNew'
    )
  })

  it('reads a newer file that older readers may read, ignoring unknown envelope fields', () => {
    const text = fileWith(
      { name: 'From the future' },
      { formatVersion: 4, minReaderVersion: 1, checksum: 'abc', generator: { by: 'x' } }
    )
    const result = parsePlanFile(text)
    expect(result).toEqual({
      ok: true,
      value: {
        plan: { ...createDefaultPlan(), name: 'From the future' },
        formatVersion: 4,
        appVersion: 'test',
        savedAt: '',
        migratedFrom: null,
      },
    })
  })

  it.each<[Record<string, unknown>, string, string, ValueIssue?]>([
    [
      { assumptions: { 'vmware.usdPerCoreYear.vcf': -5 } },
      'Invalid value at vmware.usdPerCoreYear.vcf: -5 is out of range (allowed: 0 to 10,000)',
      'vmware.usdPerCoreYear.vcf',
      {
        code: 'outOfRange',
        key: 'vmware.usdPerCoreYear.vcf',
        value: -5,
        range: { min: 0, max: 10_000, isMinExclusive: false, isInteger: false },
      },
    ],
    [
      { assumptions: { 'fleet.vms': 2.5 } },
      'Invalid value at fleet.vms: must be a whole number (allowed: 1 to 1,000,000, whole numbers)',
      'fleet.vms',
      {
        code: 'notWhole',
        key: 'fleet.vms',
        value: 2.5,
        range: { min: 1, max: 1_000_000, isMinExclusive: false, isInteger: true },
      },
    ],
    [
      { assumptions: { 'fleet.vms': '100' } },
      'Invalid value at fleet.vms: must be a finite number (allowed: 1 to 1,000,000, whole numbers)',
      'fleet.vms',
      {
        code: 'notFinite',
        key: 'fleet.vms',
        range: { min: 1, max: 1_000_000, isMinExclusive: false, isInteger: true },
      },
    ],
    [
      { assumptions: { 'vmware.edition': 'gold' } },
      'Invalid value at vmware.edition: must be one of vvs, vvep, vvf, vcf',
      'vmware.edition',
      { code: 'notOption', key: 'vmware.edition' },
    ],
    [
      { assumptions: { 'vmware.dpmEnabled': 'yes' } },
      'Invalid value at vmware.dpmEnabled: must be true or false',
      'vmware.dpmEnabled',
      { code: 'notBoolean', key: 'vmware.dpmEnabled' },
    ],
    [
      { assumptions: { 'workload.profile': [1, 0.5] } },
      'Invalid value at workload.profile: needs exactly 168 hourly values',
      'workload.profile',
      { code: 'badProfile', key: 'workload.profile', detail: 'needs exactly 168 hourly values' },
    ],
    [
      { assumptions: { 'finance.usdToCurrency': 0 } },
      'Invalid value at finance.usdToCurrency: 0 is out of range (allowed: greater than 0 and at most 1,000,000)',
      'finance.usdToCurrency',
      {
        code: 'outOfRange',
        key: 'finance.usdToCurrency',
        value: 0,
        range: { min: 0, max: 1_000_000, isMinExclusive: true, isInteger: false },
      },
    ],
    [
      { scenarios: [{ id: 'a', name: 'Cheap', overrides: { 'power.pue': 9 } }] },
      'Invalid value at power.pue in scenario "Cheap": 9 is out of range (allowed: 1 to 4)',
      'power.pue',
      {
        code: 'outOfRange',
        key: 'power.pue',
        value: 9,
        range: { min: 1, max: 4, isMinExclusive: false, isInteger: false },
      },
    ],
    [
      { ranges: { 'host.capexUsd': { kind: 'uniform', low: 30, high: 20 } } },
      'Invalid value at ranges.host.capexUsd: low (30) is above high (20)',
      'ranges.host.capexUsd',
    ],
    [
      { ranges: { 'host.capexUsd': { kind: 'uniform', low: -1, high: 20 } } },
      'Invalid value at ranges.host.capexUsd.low: -1 is out of range (allowed: 0 to 10,000,000)',
      'ranges.host.capexUsd.low',
    ],
    [
      { ranges: { 'host.capexUsd': { kind: 'beta', low: 1, high: 2 } } },
      'Invalid value at ranges.host.capexUsd.kind: must be one of uniform, triangular, pert, lognormal',
      'ranges.host.capexUsd.kind',
    ],
    [
      { ranges: { 'host.capexUsd': { kind: 'lognormal', low: 0, high: 2 } } },
      'Invalid value at ranges.host.capexUsd.low: a lognormal range needs a low above 0 (found 0)',
      'ranges.host.capexUsd.low',
    ],
    [
      { ranges: { 'host.capexUsd': { kind: 'pert', low: 1, high: 2 } } },
      'Invalid value at ranges.host.capexUsd.likely: a PERT range needs a most likely value between low and high',
      'ranges.host.capexUsd.likely',
    ],
    [
      { ranges: { 'host.capexUsd': { kind: 'triangular', low: 1, likely: 3, high: 2 } } },
      'Invalid value at ranges.host.capexUsd.likely: 3 must lie between low (1) and high (2)',
      'ranges.host.capexUsd.likely',
    ],
    [
      { ranges: { 'host.capexUsd': { kind: 'uniform', low: 1, high: null } } },
      'Invalid value at ranges.host.capexUsd.high: must be a finite number (allowed: 0 to 10,000,000)',
      'ranges.host.capexUsd.high',
    ],
    [
      { ranges: { 'vmware.edition': { kind: 'uniform', low: 1, high: 2 } } },
      'Invalid value at ranges.vmware.edition: only numeric assumptions can have a range (vmware.edition is a choice)',
      'ranges.vmware.edition',
    ],
    [
      { view: { metric: 'weekly' } },
      'Invalid value at view.metric: must be one of annual, npv, perVmMonth',
      'view.metric',
    ],
    [
      { view: { fleetUnit: 'racks' } },
      'Invalid value at view.fleetUnit: must be one of vms, hosts',
      'view.fleetUnit',
    ],
    [
      { view: { curveFromVms: 500, curveToVms: 100 } },
      'Invalid value at view.curveToVms: 100 must be above view.curveFromVms (500)',
      'view.curveToVms',
    ],
    [
      { view: { curvePoints: 1 } },
      'Invalid value at view.curvePoints: 1 is out of range (allowed: 2 to 1,000, whole numbers)',
      'view.curvePoints',
    ],
    [
      { view: { curveFromVms: 0 } },
      'Invalid value at view.curveFromVms: 0 is out of range (allowed: 1 to 1,000,000, whole numbers)',
      'view.curveFromVms',
    ],
    [
      { scorecard: { features: { openstack: 11 } } },
      'Invalid value at scorecard.features.openstack: 11 is out of range (allowed: 0 to 10)',
      'scorecard.features.openstack',
    ],
    [
      { scorecard: { valueWeight: -1 } },
      'Invalid value at scorecard.valueWeight: -1 is out of range (allowed: 0 to 10)',
      'scorecard.valueWeight',
    ],
    [
      { name: 'n'.repeat(201) },
      'Invalid value at name: the text is 201 characters long; the limit is 200',
      'name',
    ],
    [{ name: 12 }, 'Invalid value at name: must be text of at most 200 characters', 'name'],
    [
      { notes: 'n'.repeat(100_001) },
      'Invalid value at notes: the text is 100,001 characters long; the limit is 100,000',
      'notes',
    ],
    [
      { scenarios: [{ id: '', name: 'A' }] },
      'Invalid value at scenarios[0].id: must be text of 1 to 100 characters',
      'scenarios[0].id',
    ],
    [
      {
        scenarios: [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'B' },
        ],
      },
      'Invalid value at scenarios[1].id: "a" is used by two scenarios; ids must be unique',
      'scenarios[1].id',
    ],
  ])('invalidValue: %j', (plan, message, key, issue) => {
    // A refused assumption value also carries its refusal as data (issue); other refusals have none.
    expect(errorOf(parsePlanFile(fileWith(plan)))).toEqual({ kind: 'invalidValue', message, key, issue })
  })

  it('invalidValue: 1e309 in a value reads as a number out of range, never as Infinity', () => {
    const text = fileWith({}).replace('"plan":{}', '"plan":{"assumptions":{"host.capexUsd":1e309}}')
    expect(errorOf(parsePlanFile(text))).toEqual({
      kind: 'invalidValue',
      message: 'Invalid value at host.capexUsd: must be a finite number (allowed: 0 to 10,000,000)',
      key: 'host.capexUsd',
      issue: {
        code: 'notFinite',
        key: 'host.capexUsd',
        range: { min: 0, max: 10_000_000, isMinExclusive: false, isInteger: false },
      },
    })
    const inExtensions = fileWith({}).replace('"plan":{}', '"plan":{"extensions":{"big":[-1e309]}}')
    expect(errorOf(parsePlanFile(inExtensions))).toEqual({
      kind: 'invalidValue',
      message:
        'Invalid value at extensions.big[0]: -Infinity is not a finite number; only finite numbers can be stored',
      key: 'extensions.big[0]',
    })
  })

  it.each([
    [
      { colour: 'red' },
      'Unknown key at plan: "colour" is not something this version of Stackplan reads (expected name, notes, assumptions, ranges, scenarios, view, scorecard, monteCarlo, workloadMix, extensions)',
      'plan.colour',
    ],
    [
      { assumptions: { 'vmware.pricePerCore': 3 } },
      'Unknown key at assumptions: "vmware.pricePerCore" is not an assumption this version of Stackplan knows (run `stackplan assumptions` for the list)',
      'vmware.pricePerCore',
    ],
    [
      { scenarios: [{ id: 'a', name: 'Odd', overrides: { nope: 1 } }] },
      'Unknown key at scenarios[0].overrides: "nope" is not an assumption this version of Stackplan knows in scenario "Odd" (run `stackplan assumptions` for the list)',
      'nope',
    ],
    [
      { ranges: { nope: { kind: 'uniform', low: 1, high: 2 } } },
      'Unknown key at ranges: "nope" is not an assumption this version of Stackplan knows (run `stackplan assumptions` for the list)',
      'nope',
    ],
    [
      { ranges: { 'host.capexUsd': { kind: 'uniform', low: 1, high: 2, mode: 1 } } },
      'Unknown key at ranges.host.capexUsd: "mode" is not something this version of Stackplan reads (expected kind, low, likely, high)',
      'ranges.host.capexUsd.mode',
    ],
    [
      { view: { zoom: 2 } },
      'Unknown key at view: "zoom" is not something this version of Stackplan reads (expected metric, activeScenarioId, fleetUnit, curveFromVms, curveToVms, curvePoints)',
      'view.zoom',
    ],
    [
      { scenarios: [{ id: 'a', name: 'A', colour: 1 }] },
      'Unknown key at scenarios[0]: "colour" is not something this version of Stackplan reads (expected id, name, overrides)',
      'scenarios[0].colour',
    ],
    [
      { scorecard: { design: { linux: 1 } } },
      'Unknown key at scorecard.design: "linux" is not something this version of Stackplan reads (expected vmware, openstack, weight)',
      'scorecard.design.linux',
    ],
  ])('unknownKey: %j', (plan, message, key) => {
    expect(errorOf(parsePlanFile(fileWith(plan)))).toEqual({ kind: 'unknownKey', message, key })
  })

  it.each([
    [
      fileWith({ scenarios: {} }),
      'Invalid planning file: scenarios must be a list of scenarios',
      'scenarios',
    ],
    [fileWith({ scenarios: [] }), 'Invalid planning file: a plan needs at least one scenario', 'scenarios'],
    [
      fileWith({ scenarios: [7] }),
      'Invalid planning file: scenarios[0] must be an object with id, name and overrides',
      'scenarios[0]',
    ],
    [
      fileWith({ assumptions: [] }),
      'Invalid planning file: assumptions must be an object of assumption values by key',
      'assumptions',
    ],
    [fileWith({ view: 'wide' }), 'Invalid planning file: view must be an object of view settings', 'view'],
    [fileWith({ extensions: [1] }), 'Invalid planning file: extensions must be an object', 'extensions'],
    [
      JSON.stringify({ format: 'stackplan', formatVersion: 1, plan: 3 }),
      'Invalid planning file: plan must be an object holding the plan',
      'plan',
    ],
    [
      JSON.stringify({ format: 'stackplan', formatVersion: 1 }),
      'Invalid planning file: it has no "plan"',
      'plan',
    ],
    [
      JSON.stringify({ format: 'stackplan', formatVersion: '1', plan: {} }),
      'Invalid planning file: formatVersion must be a whole number of 0 or more',
      'formatVersion',
    ],
    [
      JSON.stringify({ format: 'stackplan', formatVersion: 1.5, plan: {} }),
      'Invalid planning file: formatVersion must be a whole number of 0 or more',
      'formatVersion',
    ],
    [
      JSON.stringify({ format: 'stackplan', formatVersion: 1, minReaderVersion: 2, plan: {} }),
      'Invalid planning file: minReaderVersion (2) is above formatVersion (1)',
      'minReaderVersion',
    ],
    [
      JSON.stringify({ format: 'stackplan', formatVersion: 1, app: 5, plan: {} }),
      'Invalid planning file: app must be text of at most 100 characters',
      'app',
    ],
  ])('invalidStructure: %s', (text, message, key) => {
    expect(errorOf(parsePlanFile(text))).toEqual({ kind: 'invalidStructure', message, key })
  })

  it('invalidStructure: nesting deeper than 64 levels, located in the text', () => {
    const text = `{"format":"stackplan","formatVersion":1,"plan":{"extensions":{"x":${'['.repeat(62)}${']'.repeat(62)}}}}`
    const position = text.indexOf('[') + 61 // the 62nd "[" is level 65
    expect(errorOf(parsePlanFile(text))).toEqual({
      kind: 'invalidStructure',
      message: `This planning file is nested too deeply (more than 64 levels) at line 1, column ${position + 1}`,
      line: 1,
      column: position + 1,
    })
    const ok = text.replace('['.repeat(62), '['.repeat(61)).replace(']'.repeat(62), ']'.repeat(61))
    expect(planOf(parsePlanFile(ok)).extensions.x).toBeInstanceOf(Array)
  })

  it.each(['__proto__', 'constructor', 'prototype'])(
    'invalidStructure: a "%s" key anywhere is refused',
    (key) => {
      const places = [
        `{"format":"stackplan","formatVersion":1,"${key}":{"polluted":1},"plan":{}}`,
        `{"format":"stackplan","formatVersion":1,"plan":{"${key}":{"polluted":1}}}`,
        `{"format":"stackplan","formatVersion":1,"plan":{"assumptions":{"${key}":1}}}`,
        `{"format":"stackplan","formatVersion":1,"plan":{"extensions":{"a":[{"${key}":{"polluted":1}}]}}}`,
      ]
      const paths = [key, `plan.${key}`, `plan.assumptions.${key}`, `plan.extensions.a[0].${key}`]
      places.forEach((text, i) => {
        const parent = paths[i]!.slice(0, -key.length - 1) || 'the top level'
        expect(errorOf(parsePlanFile(text))).toEqual({
          kind: 'invalidStructure',
          message: `Refused key "${key}" at ${parent}: keys named __proto__, constructor or prototype are not allowed in a planning file`,
          key: paths[i],
        })
      })
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
  )
})

describe('parsePlanFile: migrations', () => {
  it('refuses a format 0 file when no migration for it ships', () => {
    expect(errorOf(parsePlanFile(fixture('format-v0-legacy.stackplan')))).toEqual({
      kind: 'migrationFailed',
      message:
        'Could not convert this plan from format 0 to format 1: this version of Stackplan has no conversion for format 0',
    })
  })

  it('migrates the format 0 fixture with the test-only migration', () => {
    const result = parsePlanFile(fixture('format-v0-legacy.stackplan'), { migrations: TEST_MIGRATIONS })
    expect(result).toEqual({
      ok: true,
      value: {
        formatVersion: 0,
        migratedFrom: 0,
        appVersion: '0.0.3',
        savedAt: '2024-06-10T06:13:20.000Z',
        plan: {
          ...createDefaultPlan(),
          name: 'Renewal 2024 (first draft)',
          notes: 'Written before the file format had an envelope.',
          // vmware.edition "vcf" is the catalog default, so it is not kept.
          assumptions: {
            'fleet.vms': 1500,
            'vmware.usdPerCoreYear.vcf': 290,
            'host.coresPerSocket': 24,
            'power.usdPerKwh': 0.21,
          },
          ranges: {
            'vmware.usdPerCoreYear.vcf': { kind: 'uniform', low: 185, high: 395 },
            'power.usdPerKwh': { kind: 'uniform', low: 0.15, high: 0.3 },
          },
          scenarios: [
            { id: 'baseline', name: 'Baseline', overrides: {} },
            { id: 'variant-1', name: 'Late renewal', overrides: { 'vmware.lateRenewalPenalty': 0.2 } },
            {
              id: 'variant-2',
              name: 'OpenStack, consolidated',
              overrides: { 'openstack.consolidationEnabled': true, 'staff.openstack.fixedFte': 5 },
            },
          ],
        },
      },
    })
  })

  it('a migrated plan saves as the current format', () => {
    const plan = planOf(parsePlanFile(fixture('format-v0-legacy.stackplan'), { migrations: TEST_MIGRATIONS }))
    const result = parsePlanFile(serializePlanFile(plan, META))
    expect(result.ok && result.value.formatVersion).toBe(CURRENT_FORMAT_VERSION)
    expect(result.ok && result.value.migratedFrom).toBeNull()
    expect(planOf(result)).toEqual(plan)
  })

  it('names the step when a migration throws', () => {
    const text = JSON.stringify({ stackplan: 0, planName: 'x', values: { warpFactor: 9 } })
    expect(errorOf(parsePlanFile(text, { migrations: TEST_MIGRATIONS }))).toEqual({
      kind: 'migrationFailed',
      message:
        'Could not convert this plan from format 0 to format 1: format 0 has no value named "warpFactor"',
    })
  })

  it('refuses a migration whose result is not a current planning file, or smuggles a prototype key', () => {
    const bad = createMigrationRegistry({
      0: () => ({ format: 'stackplan', formatVersion: 1, plan: {} }),
      1: () => ({ format: 'stackplan', formatVersion: 7, plan: {} }),
    })
    expect(errorOf(parsePlanFile('{"stackplan": 0}', { migrations: bad }))).toEqual({
      kind: 'migrationFailed',
      message:
        'Could not convert this plan from format 0: the conversion did not produce a format 2 planning file',
    })
    // The shipped 1 → 2 step checks the document it is given is format 1.
    const skips = createMigrationRegistry({ 0: () => ({ format: 'stackplan', formatVersion: 7, plan: {} }) })
    expect(errorOf(parsePlanFile('{"stackplan": 0}', { migrations: skips }))).toEqual({
      kind: 'migrationFailed',
      message:
        'Could not convert this plan from format 1 to format 2: the document is format 7, while format 1 was expected',
    })
    const sneaky = createMigrationRegistry({
      0: () => JSON.parse('{"format":"stackplan","formatVersion":1,"plan":{"__proto__":{"polluted":1}}}'),
    })
    expect(errorOf(parsePlanFile('{"stackplan": 0}', { migrations: sneaky }))).toEqual({
      kind: 'migrationFailed',
      message:
        'Could not convert this plan from format 0 to format 1: Refused key "__proto__" at plan: keys named __proto__, constructor or prototype are not allowed in a planning file',
    })
  })

  it('applies migrations one step at a time, in order', () => {
    const steps: string[] = []
    const registry = createMigrationRegistry({
      0: (raw) => {
        steps.push('0→1')
        const doc = raw as Record<string, unknown>
        return {
          format: 'stackplan',
          formatVersion: 1,
          app: 'chain',
          plan: { name: `${String(doc.planName)} (from 0)` },
        }
      },
    })
    const result = parsePlanFile('{"stackplan": 0, "planName": "Old"}', { migrations: registry })
    expect(steps).toEqual(['0→1'])
    expect(planOf(result).name).toBe('Old (from 0)')
    expect(result.ok && result.value.appVersion).toBe('chain')
  })

  it('a v1 envelope declaring format 0 goes through the same migration path', () => {
    const text = JSON.stringify({ format: 'stackplan', formatVersion: 0, plan: {} })
    expect(errorOf(parsePlanFile(text)).kind).toBe('migrationFailed')
  })
})

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud800', 3],
    ['a\udc00b', 5],
  ])('%j is %i bytes, as TextEncoder writes it', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes)
    expect(new TextEncoder().encode(text).length).toBe(bytes)
  })
})

describe('Monte Carlo settings in the plan', () => {
  const meta = { appVersion: 'test', savedAt: new Date(0) }

  it('are written only once chosen, and read back', () => {
    const plain = serializePlanFile(createDefaultPlan(), meta)
    expect(plain).not.toContain('monteCarlo')
    const plan = { ...createDefaultPlan(), monteCarlo: { samples: 5000, seed: 42 } }
    const text = serializePlanFile(plan, meta)
    // after the scorecard, before extensions, in a fixed key order
    expect(text).toMatch(
      /"valueWeight": 1\n {4}\},\n {4}"monteCarlo": \{\n {6}"samples": 5000,\n {6}"seed": 42\n {4}\},\n {4}"extensions"/
    )
    const parsed = parsePlanFile(text)
    expect(parsed.ok && parsed.value.plan.monteCarlo).toEqual({ samples: 5000, seed: 42 })
  })

  it.each([
    [{ samples: 0, seed: 1 }, 'monteCarlo.samples'],
    [{ samples: 100_001, seed: 1 }, 'monteCarlo.samples'],
    [{ samples: 10, seed: -1 }, 'monteCarlo.seed'],
    [{ samples: 10, seed: 1.5 }, 'monteCarlo.seed'],
  ])('refuses %j naming %s', (monteCarlo, key) => {
    const text = JSON.stringify({
      format: 'stackplan',
      formatVersion: 1,
      minReaderVersion: 1,
      app: 't',
      savedAt: '',
      plan: { monteCarlo },
    })
    const parsed = parsePlanFile(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.error.kind).toBe('invalidValue')
      expect(parsed.error.message).toContain(`Invalid value at ${key}`)
    }
  })
})
