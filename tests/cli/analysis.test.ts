import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  breakEven,
  createDefaultPlan,
  monteCarlo,
  samplesCsv,
  sensitivity,
  serializePlanFile,
  type Plan,
} from '../../models/index'
import { parseCsv } from '../support/csv'

const exec = promisify(execFile)
const root = join(import.meta.dirname, '../..')

let dir: string
/** The real launcher; cli/dist is built once for the whole run by tests/support/build-cli.global.ts. */
const bin = join(root, 'cli/bin/stackplan.mjs')

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stackplan-analysis-'))
})

/** Runs the built `stackplan` launcher as a child process. */
async function stackplan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { cwd: root })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** A failed command: the expected exit code and exactly one line on stderr, with no stack trace. */
async function expectRefusal(args: string[], code: number, pattern: RegExp): Promise<void> {
  const r = await stackplan(...args)
  expect(r.code, args.join(' ')).toBe(code)
  expect(r.stdout).toBe('')
  const lines = r.stderr.trim().split('\n')
  expect(lines, r.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(r.stderr).not.toContain('    at ')
}

async function writePlan(name: string, plan: Plan): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, serializePlanFile(plan, { appVersion: 'test', savedAt: new Date(0) }))
  return path
}

describe('stackplan sensitivity', () => {
  it('prints exactly the documented JSON with the model’s numbers', async () => {
    const { code, stdout } = await stackplan('sensitivity', '--json')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(Object.keys(out)).toEqual(['target', 'vms', 'gap', 'rows'])
    expect(out.target).toBe('annualGap')
    const model = sensitivity(createDefaultPlan())
    expect(out.vms).toBe(1000)
    expect(out.gap).toBe(model.gap)
    expect(out.rows).toHaveLength(model.rows.length)
    for (const r of out.rows)
      expect(Object.keys(r)).toEqual([
        'key',
        'low',
        'high',
        'gapLow',
        'gapHigh',
        'crossoverLow',
        'crossoverHigh',
      ])
    expect(out.rows[0]).toEqual({
      key: model.rows[0]?.key,
      low: model.rows[0]?.low,
      high: model.rows[0]?.high,
      gapLow: model.rows[0]?.gapLow,
      gapHigh: model.rows[0]?.gapHigh,
      crossoverLow: model.rows[0]?.crossoverLow,
      crossoverHigh: model.rows[0]?.crossoverHigh,
    })
  })

  it('honours --vms, --scenario and --set, from a planning file', async () => {
    const plan = createDefaultPlan()
    plan.scenarios.push({ id: 'vvf', name: 'VVF', overrides: { 'vmware.edition': 'vvf' } })
    const path = await writePlan('sens.stackplan', plan)
    const { code, stdout } = await stackplan(
      'sensitivity',
      path,
      '--vms',
      '5000',
      '--scenario',
      'VVF',
      '--set',
      'staff.salaryUsd=110000',
      '--json'
    )
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    const model = sensitivity(plan, {
      vms: 5000,
      scenarioId: 'VVF',
      overrides: { 'staff.salaryUsd': 110_000 },
    })
    expect(out.vms).toBe(5000)
    expect(out.gap).toBe(model.gap)
    expect(out.rows.map((r: { key: string }) => r.key)).toEqual(model.rows.map((r) => r.key))
  })

  it('prints a readable table of the top 15 without --json', async () => {
    const { code, stdout } = await stackplan('sensitivity')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Sensitivity at 1,000 VMs/)
    const tableRows = stdout.split('\n').filter((l) => /^[a-z]+\.[A-Za-z.]+\s/.test(l))
    expect(tableRows).toHaveLength(15)
    expect(stdout).toContain('--json lists them all')
  })

  it('names the range it searched when the curves do not cross, widened to a plan of a million VMs', async () => {
    // A free VCF licence and a 200 % OpenStack staff premium: VMware is cheaper at every size.
    const noCross = ['--set', 'vmware.usdPerCoreYear.vcf=0', '--set', 'staff.openstack.salaryPremium=2']
    const inRange = await stackplan('sensitivity', ...noCross)
    expect(inRange.code).toBe(0)
    expect(inRange.stdout).toContain('first crossover none in 10–100,000 VMs.')
    const million = createDefaultPlan()
    million.assumptions['fleet.vms'] = 1_000_000
    const widened = await stackplan('sensitivity', await writePlan('million.stackplan', million), ...noCross)
    expect(widened.code).toBe(0)
    expect(widened.stdout).toContain('first crossover none in 10–1,000,000 VMs.')
  })

  it.each([
    [['sensitivity', '--vms', '0'], 2, /--vms 0 is out of range/],
    [['sensitivity', '--set', 'no.such.key=1'], 2, /unknown assumption key "no\.such\.key"/],
    [['sensitivity', '--scenario', 'nope'], 2, /no scenario "nope"/],
    [['sensitivity', '--csv'], 2, /--csv/],
    [['sensitivity', '/nonexistent/plan.stackplan'], 3, /no such file/],
  ])('%j exits %i with one clear line', async (args, code, pattern) => {
    await expectRefusal(args, code, pattern)
  })
})

describe('stackplan breakeven', () => {
  it('prints exactly { key, vms, value } with the model’s value', async () => {
    const { code, stdout } = await stackplan('breakeven', '--key', 'vmware.usdPerCoreYear.vcf', '--json')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(Object.keys(out)).toEqual(['target', 'key', 'vms', 'value'])
    expect(out.target).toBe('annualGap')
    const model = breakEven(createDefaultPlan(), 'vmware.usdPerCoreYear.vcf')
    expect(out).toEqual({
      target: 'annualGap',
      key: 'vmware.usdPerCoreYear.vcf',
      vms: 1000,
      value: model.value,
    })
    expect(typeof out.value).toBe('number')
  })

  it('gives null and says why when there is no break-even', async () => {
    const json = await stackplan('breakeven', '--key', 'staff.openstack.adoptionUsd', '--json')
    expect(JSON.parse(json.stdout)).toEqual({
      target: 'annualGap',
      key: 'staff.openstack.adoptionUsd',
      vms: 1000,
      value: null,
    })
    const text = await stackplan('breakeven', '--key', 'staff.openstack.adoptionUsd')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(
      'no break-even inside the allowed range 0–1,000,000,000: VMware stays cheaper'
    )
  })

  it('honours --vms and reads a planning file', async () => {
    const path = await writePlan('be.stackplan', createDefaultPlan())
    const { stdout } = await stackplan(
      'breakeven',
      path,
      '--key',
      'staff.openstack.hostsPerFte',
      '--vms',
      '20000',
      '--json'
    )
    const model = breakEven(createDefaultPlan(), 'staff.openstack.hostsPerFte', { vms: 20_000 })
    expect(JSON.parse(stdout)).toEqual({
      target: 'annualGap',
      key: 'staff.openstack.hostsPerFte',
      vms: 20_000,
      value: model.value,
    })
  })

  it.each([
    [['breakeven', '--key', 'no.such.key'], 2, /unknown assumption key "no\.such\.key"/],
    [['breakeven', '--key', 'vmware.edition', '--json'], 2, /vmware\.edition is not a numeric assumption/],
    [['breakeven', '--json'], 2, /--key KEY is required/],
    [['breakeven', '--key', 'power.pue', '--vms', '2000000'], 2, /--vms 2000000 is out of range/],
  ])('%j exits %i with one line naming the problem', async (args, code, pattern) => {
    await expectRefusal(args, code, pattern)
  })
})

describe('stackplan montecarlo', () => {
  it('prints exactly the documented JSON with the model’s numbers', async () => {
    const { code, stdout } = await stackplan('montecarlo', '--samples', '300', '--seed', '7', '--json')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(Object.keys(out)).toEqual(['samples', 'seed', 'vms', 'platforms', 'probabilityOpenstackCheaper'])
    expect(Object.keys(out.platforms)).toEqual(['vmware', 'openstack'])
    expect(Object.keys(out.platforms.vmware)).toEqual(['p10', 'p50', 'p90'])
    const model = monteCarlo(createDefaultPlan(), { samples: 300, seed: 7 })
    expect(out).toEqual({
      samples: 300,
      seed: 7,
      vms: model.vms,
      platforms: model.platforms,
      probabilityOpenstackCheaper: model.probabilityOpenstackCheaper,
    })
  })

  it('defaults to 2,000 samples and seed 1; the same seed prints the same numbers', async () => {
    const a = await stackplan('montecarlo', '--json')
    const b = await stackplan('montecarlo', '--json')
    expect(a.code).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    expect(JSON.parse(a.stdout)).toMatchObject({ samples: 2000, seed: 1 })
    const c = await stackplan('montecarlo', '--json', '--seed', '2')
    expect(JSON.parse(c.stdout).platforms).not.toEqual(JSON.parse(a.stdout).platforms)
  })

  it('uses the plan’s ranges from a planning file', async () => {
    const plan = createDefaultPlan()
    plan.ranges['staff.salaryUsd'] = { kind: 'lognormal', low: 80_000, high: 130_000 }
    const path = await writePlan('mc.stackplan', plan)
    const { stdout } = await stackplan('montecarlo', path, '--samples', '200', '--json')
    const model = monteCarlo(plan, { samples: 200, seed: 1 })
    expect(JSON.parse(stdout).platforms).toEqual(model.platforms)
  })

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await stackplan('montecarlo', '--samples', '100')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Monte Carlo: 100 samples, seed 1, \d+ assumptions sampled/)
    expect(stdout).toContain('P(OpenStack cheaper)')
    expect(stdout).toMatch(/At the plan's 1,000 VMs OpenStack is cheaper in \d+(\.\d)? % of samples\./)
  })

  it('writes the samples CSV: index, seed, every sampled value and the gap at the fleet size', async () => {
    const out = join(dir, 'csv')
    await mkdir(out)
    const path = join(out, 'samples.csv')
    await writeFile(path, 'an older file that must be replaced whole\n')
    const { code } = await stackplan('montecarlo', '--samples', '50', '--seed', '3', '--samples-out', path)
    expect(code).toBe(0)
    expect(await readdir(out)).toEqual(['samples.csv']) // no temporary file left behind
    const text = await readFile(path, 'utf8')
    const [header, ...rows] = parseCsv(text)
    const model = monteCarlo(createDefaultPlan(), { samples: 50, seed: 3 })
    // The same text the window's export writes, headers with units: a unit holding a comma is quoted.
    expect(text).toBe(samplesCsv(model))
    expect(header?.slice(0, 3)).toEqual(['sample', 'seed', 'workload.vcpuPerVm (vCPU)'])
    expect(header).toContain('staff.openstack.adoptionUsd (USD, once)')
    expect(header).toHaveLength(model.sampledKeys.length + 3)
    expect(header?.at(-1)).toBe('gap at 1000 VMs (USD/yr)')
    expect(rows).toHaveLength(50)
    const row7 = (rows[7] as string[]).map(Number)
    expect(row7[0]).toBe(7)
    expect(row7[1]).toBe(3)
    model.sampledKeys.forEach((key, k) => expect(row7[2 + k]).toBe(model.sampleValues[key]?.[7]))
    expect(row7.at(-1)).toBe(model.gapAtFleet[7])
  })

  it('leaves nothing behind when the CSV cannot be written', async () => {
    const path = join(dir, 'no-such-folder', 'samples.csv')
    await expectRefusal(
      ['montecarlo', '--samples', '10', '--samples-out', path],
      3,
      /cannot write .*samples\.csv: /
    )
  })

  it.each([
    [
      ['montecarlo', '--samples', '0'],
      /--samples 0 is out of range \(allowed: 1 to 100,000, whole numbers\)/,
    ],
    [['montecarlo', '--samples', '100001'], /--samples 100001 is out of range/],
    [['montecarlo', '--samples', '2.5'], /--samples 2\.5 is out of range/],
    [['montecarlo', '--seed=-1'], /--seed -1 is out of range \(allowed: 0 to 4,294,967,295, whole numbers\)/],
    [['montecarlo', '--seed', '4294967296'], /--seed 4294967296 is out of range/],
    [['montecarlo', '--scenario', 'nope'], /no scenario "nope"/],
  ])('%j exits 2 naming the option and its range', async (args, pattern) => {
    await expectRefusal(args, 2, pattern)
  })
})

describe('stackplan montecarlo and the plan’s saved settings', () => {
  it('uses the sample count and seed saved with the plan unless options say otherwise', async () => {
    const path = await writePlan('saved-mc.stackplan', {
      ...createDefaultPlan(),
      monteCarlo: { samples: 120, seed: 9 },
    })
    const saved = JSON.parse((await stackplan('montecarlo', path, '--json')).stdout)
    expect([saved.samples, saved.seed]).toEqual([120, 9])
    const model = monteCarlo(createDefaultPlan(), { samples: 120, seed: 9 })
    expect(saved.platforms.vmware.p50).toEqual(Array.from(model.platforms.vmware.p50))
    const overridden = JSON.parse((await stackplan('montecarlo', path, '--json', '--seed', '2')).stdout)
    expect([overridden.samples, overridden.seed]).toEqual([120, 2])
  })
})
