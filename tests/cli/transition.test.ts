import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDefaultPlan, planTransition, serializePlanFile } from '../../models/index'

const exec = promisify(execFile)
const root = join(import.meta.dirname, '../..')
/** The real launcher; cli/dist is built once for the whole run by tests/support/build-cli.global.ts. */
const bin = join(root, 'cli/bin/stackplan.mjs')

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stackplan-transition-'))
})

async function stackplan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { cwd: root })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** A fleet that pays back: VCF at 5,000 VMs, fast migration. */
const PAYS_BACK = [
  '--set',
  'fleet.vms=5000',
  '--set',
  'transition.vmsPerMonth=500',
  '--set',
  'finance.horizonYears=5',
]

describe('stackplan transition', () => {
  it('prints exactly the documented JSON with the model’s numbers', async () => {
    const { code, stdout } = await stackplan('transition', '--json', ...PAYS_BACK)
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(Object.keys(out)).toEqual([
      'currency',
      'months',
      'stay',
      'move',
      'migration',
      'paybackMonth',
      'npv',
    ])
    expect(Object.keys(out.stay)).toEqual(['cash', 'cumulative'])
    expect(Object.keys(out.move)).toEqual([
      'cash',
      'cumulative',
      'vmsOnVmware',
      'vmsOnOpenstack',
      'vmwareLicensedCores',
    ])
    expect(Object.keys(out.migration)).toEqual(['startMonth', 'endMonth', 'oneOffCost'])
    expect(Object.keys(out.npv)).toEqual(['stay', 'move'])
    expect(out.months).toBe(60)
    for (const series of [out.stay.cash, out.stay.cumulative, out.move.cash, out.move.vmsOnVmware]) {
      expect(series).toHaveLength(60)
    }
    const model = planTransition(createDefaultPlan(), {
      overrides: { 'fleet.vms': 5000, 'transition.vmsPerMonth': 500, 'finance.horizonYears': 5 },
    })
    expect(out.currency).toBe('USD')
    expect(out.paybackMonth).toBe(model.paybackMonth)
    expect(out.paybackMonth).not.toBeNull()
    expect(out.move.cumulative[59]).toBeCloseTo(model.move.cumulative[59] as number, 6)
    expect(out.npv.stay).toBeCloseTo(model.npv.stay, 6)
    // 5,000 VMs at 500 a month from month 3 (index): the last ones leave in month index 3 + 10 − 1 = 12.
    expect(out.migration).toEqual({ startMonth: 3, endMonth: 12, oneOffCost: expect.any(Number) })
    expect(out.move.vmsOnVmware.slice(2, 5)).toEqual([5000, 4500, 4000])
  })

  it('prints a yearly table and the payback sentence, months counted from 1', async () => {
    const model = planTransition(createDefaultPlan(), {
      overrides: { 'fleet.vms': 5000, 'transition.vmsPerMonth': 500 },
    })
    const { code, stdout } = await stackplan('transition', ...PAYS_BACK)
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines.filter((l) => /^[1-5] /.test(l))).toHaveLength(5)
    expect(stdout).toContain(
      `Moving to OpenStack pays back in month ${(model.paybackMonth as number) + 1} and saves USD`
    )
    expect(stdout).toMatch(/over 5 years; staying is cheaper until then\.\n$/)
    expect(stdout).toContain('The migration starts in month 4 and ends in month 13')
  })

  it('says when the move does not pay back, from a planning file and scenario', async () => {
    const plan = createDefaultPlan()
    plan.scenarios.push({ id: 'slow', name: 'Slow move', overrides: { 'transition.vmsPerMonth': 5 } })
    const path = join(dir, 'slow.stackplan')
    await writeFile(path, serializePlanFile(plan, { appVersion: 'test', savedAt: new Date(0) }))
    const { code, stdout } = await stackplan('transition', path, '--scenario', 'Slow move')
    expect(code).toBe(0)
    expect(stdout).toContain('Scenario "Slow move"')
    expect(stdout).toContain('is still running at the horizon')
    expect(stdout).toMatch(/Moving to OpenStack does not pay back within 5 years: it costs USD [\d,]+ more/)
  })

  it('refuses a bad value with exit code 2 and one line', async () => {
    const r = await stackplan('transition', '--set', 'transition.vmsPerMonth=0')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/transition\.vmsPerMonth/)
    const t = await stackplan('transition', '--set', 'vmware.termYears=2')
    expect(t.code).toBe(2)
    expect(t.stderr).toMatch(/vmware\.termYears/)
  })

  it('aims sensitivity, break-even and Monte Carlo at the payback and the NPV gain of moving', async () => {
    const plan = createDefaultPlan()
    const overrides = { 'fleet.vms': 5000, 'transition.vmsPerMonth': 200 }
    const at = ['--set', 'fleet.vms=5000', '--set', 'transition.vmsPerMonth=200']
    const sens = JSON.parse(
      (await stackplan('sensitivity', '--json', '--target', 'paybackMonth', ...at)).stdout
    )
    expect(sens.target).toBe('paybackMonth')
    expect(sens.gap).toBe(planTransition(plan, { overrides }).paybackMonth)
    const be = await stackplan(
      'breakeven',
      '--key',
      'transition.vmsPerMonth',
      '--target',
      'paybackMonth',
      '--json',
      ...at
    )
    const value = JSON.parse(be.stdout).value as number
    // From 200 a month (pays back) the break-even is the first slower velocity at which moving no longer
    // pays back; one VM a month faster it does.
    expect(
      planTransition(plan, { overrides: { ...overrides, 'transition.vmsPerMonth': value } }).paybackMonth
    ).toBeNull()
    expect(
      planTransition(plan, { overrides: { ...overrides, 'transition.vmsPerMonth': value + 1 } }).paybackMonth
    ).not.toBeNull()
    const mc = await stackplan('montecarlo', '--target', 'moveNpvGain', '--samples', '20', '--json', ...at)
    expect(mc.code).toBe(0)
    expect(Object.keys(JSON.parse(mc.stdout))).toEqual([
      'samples',
      'seed',
      'vms',
      'months',
      'npvGain',
      'probabilityMoveCheaperNpv',
      'paybackMonth',
      'probabilityPaysBack',
    ])
    const bad = await stackplan('sensitivity', '--target', 'cheapest')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(
      /--target cheapest is not a target \(one of annualGap, moveNpvGain, paybackMonth\)/
    )
  })
})
