import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { CATEGORIES, createDefaultPlan, evaluatePlan, parsePlanFile } from '../../models/index'

const run = promisify(execFile)

/** The part of `evaluate --json` these tests read. */
interface EvaluateJson {
  currency: string
  platforms: Record<
    'vmware' | 'openstack',
    {
      licensedCores: number
      annual: Record<string, number>
      energy: { kwhPerYear: number; kwhPerYearWithoutPowerManagement: number }
    }
  >
}
const root = join(import.meta.dirname, '../..')
const bin = join(root, 'cli/bin/stackplan.mjs')

/** Runs the real `stackplan` bin as a child process. */
async function stackplan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

// cli/dist is built once for the whole run by tests/support/build-cli.global.ts.
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stackplan-cli-'))
})

describe('stackplan evaluate', () => {
  it('prints the documented JSON shape with the model’s numbers', async () => {
    const { code, stdout } = await stackplan('evaluate', '--json')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(Object.keys(out)).toEqual(['currency', 'vms', 'scenario', 'platforms', 'cheaper', 'warnings'])
    expect(out).toMatchObject({ currency: 'USD', vms: 1000, scenario: 'Baseline' })
    const model = evaluatePlan(createDefaultPlan())
    for (const p of ['vmware', 'openstack'] as const) {
      const P = out.platforms[p]
      expect(Object.keys(P)).toEqual([
        'nodes',
        'licensedCores',
        'fte',
        'annual',
        'horizon',
        'perVmMonth',
        'energy',
        'storage',
        'evacuationMinutesPerHost',
      ])
      expect(Object.keys(P.annual)).toEqual([...CATEGORIES, 'total'])
      expect(Object.keys(P.horizon)).toEqual(['years', 'npv', 'total'])
      expect(Object.keys(P.energy)).toEqual([
        'kwhPerYear',
        'kwhPerYearWithoutPowerManagement',
        'co2KgPerYear',
        'powerManagement',
        'powerManagementReason',
      ])
      expect(P.annual.total).toBeCloseTo(model.platforms[p].annual.total, 6)
      expect(P.nodes).toEqual(model.platforms[p].nodes)
    }
    expect(out.platforms.vmware.licensedCores).toBe(1600)
    expect(out.platforms.openstack.licensedCores).toBe(0)
    expect(out.cheaper).toBe(model.cheaper)
  })

  it.each([
    [
      'a number',
      'vmware.usdPerCoreYear.vcf=0',
      (o: EvaluateJson) => expect(o.platforms.vmware.annual.licensing).toBe(0),
    ],
    [
      'a number with separators',
      'host.capexUsd=50,000',
      (o: EvaluateJson) => expect(o.platforms.vmware.annual.hardware).toBeCloseTo(25 * 50_000 * 0.28, 6),
    ],
    [
      'a boolean',
      'vmware.minCoresPerOrderEnabled=false',
      (o: EvaluateJson) => expect(o.platforms.vmware.licensedCores).toBe(1600),
    ],
    [
      'a choice',
      'vmware.edition=vvf',
      (o: EvaluateJson) => expect(o.platforms.vmware.annual.licensing).toBeCloseTo(1344 * 135, 6),
    ],
    ['a currency', 'finance.currency=EUR', (o: EvaluateJson) => expect(o.currency).toBe('EUR')],
    [
      'a profile',
      `workload.profile=${Array(168).fill(1).join(',')}`,
      (o: EvaluateJson) =>
        expect(o.platforms.vmware.energy.kwhPerYear).toBe(
          o.platforms.vmware.energy.kwhPerYearWithoutPowerManagement
        ),
    ],
  ])('accepts --set of %s', async (_kind, set, check) => {
    const { code, stdout, stderr } = await stackplan('evaluate', '--json', '--set', set)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    check(JSON.parse(stdout))
  })

  it('evaluates at another fleet size and scenario from a file', async () => {
    const plan = createDefaultPlan()
    plan.scenarios.push({ id: 'vvf', name: 'VVF', overrides: { 'vmware.edition': 'vvf' } })
    const { serializePlanFile } = await import('../../models/index')
    const path = join(dir, 'two.stackplan')
    await writeFile(path, serializePlanFile(plan, { appVersion: 'test', savedAt: new Date(0) }))
    const { code, stdout } = await stackplan('evaluate', path, '--vms', '5000', '--scenario', 'VVF', '--json')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out.vms).toBe(5000)
    expect(out.scenario).toBe('VVF')
    expect(out.platforms.vmware.annual.total).toBeCloseTo(
      evaluatePlan(plan, { vms: 5000, scenarioId: 'vvf' }).platforms.vmware.annual.total,
      6
    )
  })

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await stackplan('evaluate')
    expect(code).toBe(0)
    expect(stdout).toContain('Licensed cores                           1,600              0')
    expect(stdout).toMatch(/(VMware|OpenStack) is cheaper by USD [\d,]+ a year/)
    expect(stdout).toContain('Scenario "Baseline" at 1,000 VMs (USD')
  })

  it('says "1 VM", not "1 VMs", at the smallest fleet', async () => {
    const { code, stdout } = await stackplan('evaluate', '--vms', '1')
    expect(code).toBe(0)
    expect(stdout).toContain('Scenario "Baseline" at 1 VM (USD')
    expect(stdout).not.toMatch(/\b1 VMs\b/)
  })

  it.each([
    [['evaluate', '--set', 'no.such.key=1'], 2, 'unknown assumption key "no.such.key"'],
    [['evaluate', '--set', 'power.pue=-1'], 2, 'power.pue = -1 is out of range (allowed: 1 to 4)'],
    [['evaluate', '--set', 'power.pue'], 2, '--set needs KEY=VALUE, got "power.pue"'],
    [['evaluate', '--set', 'vmware.edition=vsom'], 2, 'vmware.edition must be one of vvs, vvep, vvf, vcf'],
    [['evaluate', '--vms', '0'], 2, '--vms 0 is out of range (allowed: 1 to 1,000,000, whole numbers)'],
    [['evaluate', '--bogus'], 2, "Unknown option '--bogus'"],
    [['evaluate', '--scenario', 'nope'], 2, 'no scenario "nope" in this plan'],
    [['frobnicate'], 2, 'unknown command "frobnicate"'],
    [['evaluate', '/nonexistent/plan.stackplan'], 3, 'cannot read /nonexistent/plan.stackplan: no such file'],
    [
      ['curves', '--metric', 'weekly'],
      2,
      '--metric weekly is not allowed (allowed: annual, npv, perVmMonth)',
    ],
    [['curves', '--from', '500', '--to', '100'], 2, '--from 500 must be below --to 100'],
  ])('%j exits %i with one clear line', async (args, exitCode, message) => {
    const { code, stderr } = await stackplan(...args)
    expect(code).toBe(exitCode)
    expect(stderr).toContain(message)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).not.toContain('    at ')
  })

  it('exits 3 with the typed reason for a corrupted planning file', async () => {
    const path = join(dir, 'broken.stackplan')
    await writeFile(path, '{ "format": "stackplan", ')
    const { code, stderr } = await stackplan('evaluate', path)
    expect(code).toBe(3)
    expect(stderr).toMatch(/broken\.stackplan: .*[Cc]orrupted/)
  })
})

describe('stackplan curves', () => {
  it('prints the documented JSON shape, 61+ log-spaced points with the plan’s fleet size', async () => {
    const { code, stdout } = await stackplan('curves', '--json')
    expect(code).toBe(0)
    const c = JSON.parse(stdout)
    expect(Object.keys(c)).toEqual(['currency', 'metric', 'vms', 'platforms', 'crossovers'])
    expect(c.vms[0]).toBe(10)
    expect(c.vms.at(-1)).toBe(100_000)
    expect(c.vms).toContain(1000)
    expect(c.vms.length).toBeGreaterThanOrEqual(61)
    for (const p of ['vmware', 'openstack'])
      for (const k of [...CATEGORIES, 'total']) expect(c.platforms[p][k]).toHaveLength(c.vms.length)
    for (const x of c.crossovers)
      expect([x.cheaperBelow, x.cheaperAbove].sort()).toEqual(['openstack', 'vmware'])
  })

  it('honours --from, --to, --points and --metric', async () => {
    const { stdout } = await stackplan(
      'curves',
      '--json',
      '--from',
      '100',
      '--to',
      '1000',
      '--points',
      '5',
      '--metric',
      'perVmMonth'
    )
    const c = JSON.parse(stdout)
    // 100 × 10^(i/4): 100, 178, 316, 562, 1000 — the plan's 1000 is already there
    expect(c.vms).toEqual([100, 178, 316, 562, 1000])
    expect(c.metric).toBe('perVmMonth')
    const e = evaluatePlan(createDefaultPlan(), { vms: 316 })
    expect(c.platforms.vmware.total[2]).toBeCloseTo(e.platforms.vmware.perVmMonth, 9)
  })

  it('writes CSV with units in the header', async () => {
    const { code, stdout } = await stackplan('curves', '--csv', '--points', '3')
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^vms,vmware\.total \(USD\/yr\),vmware\.licensing \(USD\/yr\),/)
    // 3 log-spaced points 10, 1,000, 100,000; the plan's own 1,000 coincides with the middle one
    expect(lines).toHaveLength(1 + 3)
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['10', '1000', '100000'])
  })
})

describe('stackplan init and assumptions', () => {
  it('writes the default plan to a file and refuses to overwrite it', async () => {
    const path = join(dir, 'new.stackplan')
    expect((await stackplan('init', path)).code).toBe(0)
    const parsed = parsePlanFile(await readFile(path, 'utf8'))
    expect(parsed.ok).toBe(true)
    const again = await stackplan('init', path)
    expect(again.code).toBe(3)
    expect(again.stderr).toContain('the file already exists')
  })

  it('prints the catalog as JSON', async () => {
    const { stdout } = await stackplan('assumptions', '--json')
    const rows = JSON.parse(stdout)
    const vcf = rows.find((r: { key: string }) => r.key === 'vmware.usdPerCoreYear.vcf')
    expect(vcf).toMatchObject({ unit: 'USD per core per year', default: 350, min: 0, max: 10_000, flag: 'S' })
    expect(vcf.source).toContain('2026')
  })
})
