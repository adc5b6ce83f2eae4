import { describe, expect, it } from 'vitest'
import {
  computeAllCurves,
  computeCapacity,
  createDefaultPlan,
  evaluatePlan,
  meanVmSizeGib,
  parsePlanFile,
  petShareOf,
  planInputs,
  planOversizedVms,
  serializePlanFile,
  type Plan,
  type WorkloadClass,
} from '../../models/index'

const cls = (
  vcpu: number,
  ramGib: number,
  diskGib: number,
  count: number,
  ft: number | null = null,
  pet: number | null = null
): WorkloadClass => ({
  vcpu,
  ramGib,
  diskGib,
  count,
  petShare: pet,
  ftShare: ft,
})

/**
 * 100 VMs: 50 small (2 vCPU, 4 GiB, 40 GiB, no FT) and 50 large (8 vCPU, 64 GiB, 400 GiB, half of them FT,
 * all pets). Means: vCPU (50·2 + 50·8)/100 = 5, RAM (200 + 3,200)/100 = 34, disk (2,000 + 20,000)/100 = 220.
 */
function mixPlan(): Plan {
  const plan = createDefaultPlan()
  plan.assumptions = {
    'fleet.vms': 100,
    'workload.vcpuPerVm': 5,
    'workload.ramGibPerVm': 34,
    'workload.diskGibPerVm': 220,
  }
  plan.workloadMix = { classes: [cls(2, 4, 40, 50, 0), cls(8, 64, 400, 50, 0.5, 1)], estate: null }
  return plan
}

describe('the workload mix in the model', () => {
  it('one class is the simple mode: the same numbers exactly', () => {
    const simple = createDefaultPlan()
    const oneClass = createDefaultPlan()
    // The default VM: 4 vCPU, 16 GiB, 200 GiB; fleet 1,000.
    oneClass.workloadMix = { classes: [cls(4, 16, 200, 1000)], estate: null }
    const a = evaluatePlan(simple)
    const b = evaluatePlan(oneClass)
    for (const p of ['vmware', 'openstack'] as const) {
      expect(b.platforms[p].annual).toEqual(a.platforms[p].annual)
      expect(b.platforms[p].nodes).toEqual(a.platforms[p].nodes)
      expect(b.platforms[p].migration.evacuationMinutesPerHost).toBe(
        a.platforms[p].migration.evacuationMinutesPerHost
      )
    }
  })

  it('sums capacity over the classes, FT copies counted per class', () => {
    const { inputs } = planInputs(mixPlan())
    const c = computeCapacity(inputs, 'vmware', 100)
    // Placed: 50·(1 + 0) + 50·(1 + 0.5) = 125 instances; vCPU 50·2 + 75·8 = 700; RAM 50·4 + 75·64 = 5,000 GiB.
    expect(c.placedVms).toBeCloseTo(125, 9)
    expect(c.placedVcpus).toBeCloseTo(700, 9)
    expect(c.placedRamGib).toBeCloseTo(5000, 9)
    // One average VM with the overall FT share (25 %) would place 125 × 5 = 625 vCPU: the mix is not the mean.
    const simple = planInputs({
      ...mixPlan(),
      workloadMix: undefined,
      assumptions: { ...mixPlan().assumptions, 'workload.ftShare': 0.25 },
    }).inputs
    expect(computeCapacity(simple, 'vmware', 100).placedVcpus).toBeCloseTo(625, 9)
    // VMware FT limits: 2 × 100 × 0.5 × 0.5 = 50 FT instances (4 per host → 12.5 hosts), 50 × 8 = 400 FT vCPU (8 per host → 50 hosts).
    expect(c.hostsByFt).toBeCloseTo(50, 9)
  })

  it('decides FT or application-level pairs per class by the edition’s FT limit', () => {
    const plan = mixPlan()
    plan.assumptions['vmware.edition'] = 'vvs' // vSphere Standard protects VMs of at most 2 vCPU with FT
    plan.workloadMix = { classes: [cls(2, 4, 40, 50, 0.2), cls(8, 64, 400, 50, 0.5, 1)], estate: null }
    const c = computeCapacity(planInputs(plan).inputs, 'vmware', 100)
    // Both FT classes still run two VMs each: 50·(1 + 0.2) + 50·(1 + 0.5) = 60 + 75 = 135 instances.
    expect(c.placedVms).toBeCloseTo(135, 9)
    // Only the 2-vCPU class counts against the FT limits: 2 × 100 × 0.5 × 0.2 = 20 FT instances (4 per
    // host → 5 hosts), 20 × 2 = 40 FT vCPU (8 per host → 5 hosts). The 8-vCPU class is app-level pairs.
    expect(c.hostsByFt).toBeCloseTo(5, 9)
    expect(c.ftProtection).toBe('appPairs')
    // The warning names the largest FT VM sized as pairs, not the mix's 5-vCPU mean.
    expect(evaluatePlan(plan).warnings.find((w) => w.code === 'ftAppPairs')).toEqual({
      code: 'ftAppPairs',
      edition: 'vvs',
      limitVcpus: 2,
      vcpuPerVm: 8,
    })
  })

  it('scales the mix with the fleet size and with the per-VM assumptions', () => {
    const { inputs } = planInputs(mixPlan())
    expect(computeCapacity(inputs, 'openstack', 200).placedVcpus).toBeCloseTo(
      2 * computeCapacity(inputs, 'openstack', 100).placedVcpus,
      9
    )
    const bigger = mixPlan()
    bigger.assumptions['workload.vcpuPerVm'] = 10 // twice the mean: every class doubles
    expect(computeCapacity(planInputs(bigger).inputs, 'vmware', 100).placedVcpus).toBeCloseTo(1400, 9)
    // The curves sweep the fleet size with the mix's shape kept: each point sizes a proportional mix.
    const curves = computeAllCurves(mixPlan())[0]
    expect(curves?.vms.length).toBeGreaterThan(10)
  })

  it('uses the classes’ RAM, disk and pet shares for migration, storage and the HA reserve', () => {
    const { inputs } = planInputs(mixPlan())
    // Mean RAM 0.5·4 + 0.5·64 = 34 GiB; disk 0.5·40 + 0.5·400 = 220 GiB.
    const mean = meanVmSizeGib(inputs)
    expect(mean.ramGib).toBeCloseTo(34, 9)
    expect(mean.diskGib).toBeCloseTo(220, 9)
    // Pets: small class uses the plan's 0.6, large class 1 → 0.5·0.6 + 0.5·1 = 0.8.
    expect(petShareOf(inputs)).toBeCloseTo(0.8, 9)
  })

  it('reports VMs larger than a host', () => {
    const plan = mixPlan()
    plan.workloadMix = { classes: [cls(2, 4, 40, 90), cls(96, 64, 400, 10)], estate: null }
    // Means: vCPU (180 + 960)/100 = 11.4. The 96-vCPU class exceeds the default host's 2 × 32 = 64 cores.
    plan.assumptions['workload.vcpuPerVm'] = 11.4
    const oversized = planOversizedVms(plan)
    expect(oversized).toMatchObject({ vms: 10, hostCores: 64 })
    expect(oversized?.largestVcpu).toBeCloseTo(96, 9)
    expect(planOversizedVms(mixPlan())).toBeNull()
  })

  it('saves the mix and the import record in format 2 and reads them back', () => {
    const plan = mixPlan()
    plan.workloadMix!.estate = {
      sources: [{ name: 'RVTools.xlsx', kind: 'rvtools-xlsx' }],
      importedAt: '2026-11-02T08:15:00.000Z',
      includePoweredOff: false,
      includeTemplates: false,
      vms: { rows: 120, templates: 5, poweredOn: 100, poweredOff: 15, included: 100 },
      hosts: { count: 6, sockets: 12, cores: 192, ramGib: 6144, licensedCores: 192 },
      warnings: 2,
    }
    const text = serializePlanFile(plan, { appVersion: 't', savedAt: new Date(0) })
    const doc = JSON.parse(text)
    expect(doc.formatVersion).toBe(2)
    // Older readers refuse workloadMix, so a plan with a mix needs a format 2 reader.
    expect(doc.minReaderVersion).toBe(2)
    const back = parsePlanFile(text)
    expect(back.ok && back.value.plan).toEqual(plan)
    // Format 1 readers also refuse the renamed model-fidelity keys and would read a plan without them
    // under the old defaults, so a plan without a mix needs a format 2 reader too.
    expect(
      JSON.parse(serializePlanFile(createDefaultPlan(), { appVersion: 't', savedAt: new Date(0) }))
        .minReaderVersion
    ).toBe(2)
  })

  it.each([
    [{ classes: [] }, 'Invalid value at workloadMix.classes: must be a list of 1 to 200 VM classes'],
    [
      { classes: [{ ...cls(2, 4, 40, 0) }] },
      'Invalid value at workloadMix.classes[0].count: 0 is out of range (allowed: 1 to 1,000,000, whole numbers)',
    ],
    [
      { classes: [{ ...cls(0, 4, 40, 1) }] },
      'Invalid value at workloadMix.classes[0].vcpu: 0 is out of range (allowed: greater than 0 and at most 1,024)',
    ],
    [
      { classes: [{ ...cls(2, 4, 40, 1), name: 'web-01' }] },
      'Unknown key at workloadMix.classes[0]: "name" is not something this version of Stackplan reads (expected vcpu, ramGib, diskGib, count, petShare, ftShare)',
    ],
    [
      { classes: [cls(2, 4, 40, 1)], estate: { hostNames: ['esx-01'] } },
      'Unknown key at workloadMix.estate: "hostNames" is not something this version of Stackplan reads (expected sources, importedAt, includePoweredOff, includeTemplates, vms, hosts, warnings)',
    ],
  ])('refuses a bad mix: %j', (mix, message) => {
    const text = JSON.stringify({
      format: 'stackplan',
      formatVersion: 2,
      minReaderVersion: 2,
      plan: { workloadMix: mix },
    })
    const result = parsePlanFile(text)
    expect(result.ok ? 'ok' : result.error.message).toBe(message)
  })

  it('migrates format 1 step by step and refuses a format 1 file that claims a mix', () => {
    const v1 = JSON.stringify({
      format: 'stackplan',
      formatVersion: 1,
      minReaderVersion: 1,
      plan: { workloadMix: { classes: [cls(2, 4, 40, 1)] } },
    })
    const result = parsePlanFile(v1)
    expect(result.ok ? 'ok' : result.error).toEqual({
      kind: 'migrationFailed',
      message:
        'Could not convert this plan from format 1 to format 2: format 1 has no workload mix: a format 1 plan cannot hold "workloadMix"',
    })
  })
})
