import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rvtoolsCsvFiles, rvtoolsWorkbook, type FixtureVm } from '../support/rvtools-fixtures'
import { importSummary, inputsOf } from './helpers'

/** Random VMs as RVTools writes them: whole vCPUs, RAM and disk in MiB, every power state, some templates. */
const vmArb = fc.record({
  name: fc.string({ maxLength: 12 }),
  powerstate: fc.constantFrom('poweredOn', 'poweredOff', 'suspended'),
  isTemplate: fc.boolean(),
  cpus: fc.integer({ min: 1, max: 64 }),
  memoryMib: fc.integer({ min: 1, max: 262144 }),
  provisionedMib: fc.integer({ min: 0, max: 10_000_000 }),
})

/** The included VMs' totals computed straight from the rows. */
function expectedTotals(vms: readonly FixtureVm[], includePoweredOff: boolean) {
  const included = vms.filter((vm) => !vm.isTemplate && (vm.powerstate === 'poweredOn' || includePoweredOff))
  const sum = (f: (vm: FixtureVm) => number) => included.reduce((s, vm) => s + f(vm), 0)
  return {
    count: included.length,
    vcpu: sum((vm) => vm.cpus as number),
    ramGib: sum((vm) => vm.memoryMib as number) / 1024,
    diskGib: sum((vm) => vm.provisionedMib as number) / 1024,
  }
}

async function checkTotals(
  vms: FixtureVm[],
  includePoweredOff: boolean,
  read: (vms: FixtureVm[]) => Promise<Parameters<typeof importSummary>[0]>
) {
  const s = await importSummary(await read(vms), { includePoweredOff })
  const want = expectedTotals(vms, includePoweredOff)
  // Totals equal the sums over the rows.
  expect(s.vms.included).toBe(want.count)
  expect(s.included.vcpu).toBe(want.vcpu)
  expect(s.included.ramGib).toBeCloseTo(want.ramGib, 6)
  expect(s.included.diskGib).toBeCloseTo(want.diskGib, 6)
  expect(s.vms.rows).toBe(vms.length)
  expect(s.vms.templates + s.vms.poweredOn + s.vms.poweredOff).toBe(vms.length)
  // Classes sum to the totals (exact sizes or, past 48 distinct ones, power-of-two bins).
  const classSum = (f: (c: (typeof s.classes)[number]) => number) =>
    s.classes.reduce((t, c) => t + f(c) * c.count, 0)
  expect(s.classes.reduce((t, c) => t + c.count, 0)).toBe(want.count)
  expect(classSum((c) => c.vcpu)).toBeCloseTo(want.vcpu, 6)
  expect(classSum((c) => c.ramGib)).toBeCloseTo(want.ramGib, 6)
  expect(classSum((c) => c.diskGib)).toBeCloseTo(want.diskGib, 6)
  expect(s.classes.length).toBeLessThanOrEqual(48)
}

describe('estate totals and size classes', () => {
  it('equal the sums over the rows, read from CSV (comma or semicolon with decimal commas)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(vmArb, { maxLength: 120 }),
        fc.boolean(),
        fc.boolean(),
        async (vms, includeOff, isSemicolon) => {
          const withOne = [
            ...vms,
            { name: 'anchor', powerstate: 'poweredOn', cpus: 1, memoryMib: 1, provisionedMib: 1 },
          ]
          await checkTotals(withOne, includeOff, async (v) =>
            inputsOf(
              rvtoolsCsvFiles(
                v,
                [],
                { hasNoHosts: true },
                isSemicolon ? { delimiter: ';', hasDecimalComma: true } : {}
              )
            )
          )
        }
      ),
      { numRuns: 60 }
    )
  })

  it('equal the sums over the rows, read from .xlsx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(vmArb, { minLength: 1, maxLength: 80 }),
        fc.boolean(),
        async (vms, includeOff) => {
          await checkTotals(vms, includeOff, async (v) => [
            { name: 'p.xlsx', bytes: await rvtoolsWorkbook(v, [], { hasNoHosts: true }) },
          ])
        }
      ),
      { numRuns: 15 }
    )
  })
})
