import { describe, expect, it } from 'vitest'
import {
  plainCsv,
  rvtoolsCsvFiles,
  rvtoolsWorkbook,
  sampleEstate,
  withMillionRowDimension,
  zipOf,
  type RvtoolsShape,
} from '../support/rvtools-fixtures'
import { importSummary, inputsOf } from './helpers'
import type { EstateSummary } from '../../inventory/index'

const { vms, hosts } = sampleEstate()

/**
 * The sample estate by hand (tests/support/rvtools-fixtures.ts): 7 VM rows; 1 template; powered on web-01,
 * web-02, db-01, app-01; powered off old-01 and sus-01 (suspended).
 * Included by default (powered-on non-templates): vCPU 2+2+8+4 = 16; RAM 4+4+64+16 = 88 GiB;
 * disk (40,960+61,440+512,000+102,400) MiB = 716,800 MiB = 700 GiB.
 * Classes: (2 vCPU, 4 GiB) ×2 with disk (40+60)/2 = 50 GiB; (4, 16) ×1, 100 GiB; (8, 64) ×1, 500 GiB.
 */
function expectSampleVms(s: EstateSummary): void {
  expect(s.vms).toEqual({
    rows: 7,
    templates: 1,
    poweredOn: 4,
    poweredOff: 2,
    suspended: 1,
    unusable: 0,
    included: 4,
  })
  expect(s.included).toEqual({ vcpu: 16, ramGib: 88, diskGib: 700 })
  expect(s.classes).toEqual([
    { vcpu: 2, ramGib: 4, diskGib: 50, count: 2, petShare: null, ftShare: null },
    { vcpu: 4, ramGib: 16, diskGib: 100, count: 1, petShare: null, ftShare: null },
    { vcpu: 8, ramGib: 64, diskGib: 500, count: 1, petShare: null, ftShare: null },
  ])
}

/**
 * Hosts by hand: sockets 2+2+2+1 = 7; cores 32+32+16+32 = 112; RAM (2 × 524,288 + 262,144 + 786,432) MiB
 * = 2,048 GiB. Licensed: 2×max(16,16) + 2×max(16,16) + 2×max(8,16) + 1×max(32,16) = 32+32+32+32 = 128
 * (above the 72-core order minimum); two 8-core CPUs pay for 16. Renewal per year: VCF 128 × 350 = 44,800;
 * VVF 128 × 135 = 17,280; vSphere Standard 128 × 50 = 6,400; Enterprise Plus 128 × 150 = 19,200.
 */
function expectSampleHosts(s: EstateSummary): void {
  expect(s.hosts).toMatchObject({ count: 4, sockets: 7, cores: 112, ramGib: 2048, licensedCores: 128 })
  expect(s.hosts?.renewal).toEqual({
    licensedCores: 128,
    usdPerYear: { vvs: 6400, vvep: 19200, vvf: 17280, vcf: 44800 },
    cpusBelowMinimum: 2,
  })
  expect(s.hosts?.byCluster).toEqual([
    { name: 'Prod', hosts: 2, cores: 64 },
    { name: 'DMZ', hosts: 1, cores: 16 },
    { name: 'Mgmt', hosts: 1, cores: 32 },
  ])
  expect(s.hosts?.byCpuModel.map((g) => [g.name, g.hosts])).toEqual([
    ['Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz', 2],
    ['AMD EPYC 9354 32-Core Processor', 1],
    ['Intel(R) Xeon(R) Silver 4309Y CPU @ 2.80GHz', 1],
  ])
  // CPU usage (40 + 20 + 30 + 30) / 4 = 30 %; memory (70 + 50 + 60 + 60) / 4 = 60 %.
  expect(s.hosts?.usage).toEqual({ cpuPercent: 30, memoryPercent: 60, hosts: 4 })
}

describe('RVTools .xlsx', () => {
  it.each<[string, RvtoolsShape]>([
    ['MiB columns (RVTools 4.x)', {}],
    ['MB columns (older RVTools)', { diskUnit: 'MB' }],
    ['90 columns', { extraColumns: 78 }],
  ])('reads the estate from a workbook with %s', async (_label, shape) => {
    const s = await importSummary([
      { name: 'RVTools_export_all.xlsx', bytes: await rvtoolsWorkbook(vms, hosts, shape) },
    ])
    expectSampleVms(s)
    expectSampleHosts(s)
    expect(s.vcenters).toBe(2)
    expect(s.warnings).toEqual([])
    expect(s.files).toEqual([
      { name: 'RVTools_export_all.xlsx', kind: 'rvtools-xlsx', vmRows: 7, hostRows: 4 },
    ])
  })

  it('ignores a sheet dimension that claims a million rows and reads the rows that are there', async () => {
    const bytes = withMillionRowDimension(await rvtoolsWorkbook(vms, hosts))
    expect(new TextDecoder().decode(bytes)).not.toContain('CZ1048576') // compressed: the claim is inside the zip
    const s = await importSummary([{ name: 'claims.xlsx', bytes }])
    expectSampleVms(s)
  })

  it('treats no VM as a template when the Template column is missing, and says so once', async () => {
    const s = await importSummary([
      { name: 'old.xlsx', bytes: await rvtoolsWorkbook(vms, hosts, { hasTemplate: false }) },
    ])
    // tpl-win is now an ordinary powered-off VM: 0 templates, 3 powered off; included stays the 4 powered on.
    expect(s.vms).toMatchObject({ rows: 7, templates: 0, poweredOn: 4, poweredOff: 3, included: 4 })
    expect(s.warnings.map((w) => [w.code, w.count])).toEqual([['no-template-column', 1]])
    expect(s.warnings[0]?.message).toContain('old.xlsx, vInfo: the sheet has no Template column')
  })

  it('reads a trimmed vHost with only Host and # Cores: cores, but no sockets, RAM or licence position', async () => {
    const s = await importSummary([
      { name: 't.xlsx', bytes: await rvtoolsWorkbook(vms, hosts, { isHostTrimmed: true }) },
    ])
    expect(s.hosts).toMatchObject({
      count: 4,
      sockets: null,
      cores: 112,
      ramGib: null,
      licensedCores: null,
      renewal: null,
      usage: null,
    })
    expect(s.hosts?.byCluster).toEqual([{ name: null, hosts: 4, cores: 112 }])
  })

  it('has no host summary when the workbook has no vHost sheet', async () => {
    const s = await importSummary([
      { name: 'v.xlsx', bytes: await rvtoolsWorkbook(vms, hosts, { hasNoHosts: true }) },
    ])
    expectSampleVms(s)
    expect(s.hosts).toBeNull()
  })

  it('includes powered-off and suspended VMs, and templates, when asked', async () => {
    const bytes = await rvtoolsWorkbook(vms, hosts)
    const off = await importSummary([{ name: 'a.xlsx', bytes }], { includePoweredOff: true })
    // + old-01 (4 vCPU, 8 GiB, 80 GiB) and sus-01 (1, 2, 20): 6 VMs, 21 vCPU, 98 GiB, 800 GiB.
    expect(off.vms.included).toBe(6)
    expect(off.included).toEqual({ vcpu: 21, ramGib: 98, diskGib: 800 })
    const all = await importSummary([{ name: 'a.xlsx', bytes }], {
      includePoweredOff: true,
      includeTemplates: true,
    })
    // + tpl-win (2, 8, 90): 7 VMs, 23 vCPU, 106 GiB, 890 GiB.
    expect(all.included).toEqual({ vcpu: 23, ramGib: 106, diskGib: 890 })
    expect(all.vms.included).toBe(7)
  })

  it('merges several files (two vCenters exported separately)', async () => {
    const first = await rvtoolsWorkbook(vms.slice(0, 3), hosts.slice(0, 2))
    const second = await rvtoolsWorkbook(vms.slice(3), hosts.slice(2))
    const s = await importSummary([
      { name: 'vc01.xlsx', bytes: first },
      { name: 'vc02.xlsx', bytes: second },
    ])
    expectSampleVms(s)
    expectSampleHosts(s)
    expect(s.files.map((f) => [f.name, f.vmRows, f.hostRows])).toEqual([
      ['vc01.xlsx', 3, 2],
      ['vc02.xlsx', 4, 2],
    ])
  })
})

describe('RVTools CSV exports', () => {
  it('reads an export folder given as its files (comma, UTF-8)', async () => {
    const s = await importSummary(inputsOf(rvtoolsCsvFiles(vms, hosts)))
    expectSampleVms(s)
    expectSampleHosts(s)
    expect(s.files.map((f) => f.kind)).toEqual(['rvtools-csv', 'rvtools-csv'])
  })

  it('reads semicolon-separated files with decimal commas and a BOM (a comma-decimal Windows locale)', async () => {
    const odd = vms.map((vm, i) => (i === 0 ? { ...vm, provisionedMib: 40960.5 } : vm))
    const files = rvtoolsCsvFiles(
      odd,
      hosts,
      {},
      { delimiter: ';', hasDecimalComma: true, hasBom: true, prefix: 'RVTools_export_all_2026-11-01_' }
    )
    expect(new TextDecoder().decode(files['RVTools_export_all_2026-11-01_tabvInfo.csv'])).toContain('40960,5')
    const s = await importSummary(inputsOf(files))
    // 716,800.5 MiB / 1,024 = 700.00048828125 GiB
    expect(s.included.diskGib).toBeCloseTo(716800.5 / 1024, 9)
    expect(s.vms.included).toBe(4)
    expectSampleHosts(s)
  })

  it('reads a zip of the export folder, files inside a subfolder', async () => {
    const zip = zipOf(rvtoolsCsvFiles(vms, hosts, { diskUnit: 'MB' }), 'RVTools_export_all/')
    const s = await importSummary([{ name: 'export.zip', bytes: zip }])
    expectSampleVms(s)
    expectSampleHosts(s)
    expect(s.files.map((f) => f.name)).toEqual([
      'export.zip › RVTools_tabvInfo.csv',
      'export.zip › RVTools_tabvHost.csv',
    ])
  })

  it('reads a plain VM CSV with pet and FT flags into classes with their shares', async () => {
    const bytes = plainCsv([
      { name: 'a', vcpu: 2, ramGib: 8, diskGib: 100, poweredOn: true, pet: true, ft: false },
      { name: 'b', vcpu: 2, ramGib: 8, diskGib: 50, poweredOn: true, pet: false, ft: false },
      { name: 'c', vcpu: 16, ramGib: 128, diskGib: 1000, poweredOn: true, pet: true, ft: true },
      { name: 'd', vcpu: 4, ramGib: 8, diskGib: 10, poweredOn: false },
    ])
    const s = await importSummary([{ name: 'vms.csv', bytes }])
    expect(s.vms).toMatchObject({ rows: 4, poweredOn: 3, poweredOff: 1, included: 3 })
    expect(s.classes).toEqual([
      // (2, 8): a and b; disk (100 + 50) / 2 = 75; one pet of two = 0.5; no FT.
      { vcpu: 2, ramGib: 8, diskGib: 75, count: 2, petShare: 0.5, ftShare: 0 },
      { vcpu: 16, ramGib: 128, diskGib: 1000, count: 1, petShare: 1, ftShare: 1 },
    ])
    expect(s.hosts).toBeNull()
    expect(s.files).toEqual([{ name: 'vms.csv', kind: 'plain-csv', vmRows: 4, hostRows: 0 }])
  })
})

describe('row-level problems become counted warnings', () => {
  it('counts text in a number column, negative sizes and unknown power states, and leaves those rows out', async () => {
    const bad = [
      ...vms,
      { name: 'x1', powerstate: 'poweredOn', cpus: 'four', memoryMib: 4096, provisionedMib: 1 },
      { name: 'x2', powerstate: 'poweredOn', cpus: 'n/a', memoryMib: 4096, provisionedMib: 1 },
      { name: 'x3', powerstate: 'poweredOn', cpus: 2, memoryMib: -1, provisionedMib: 1 },
      { name: 'x4', powerstate: 'unknown', cpus: 2, memoryMib: 1, provisionedMib: 1 },
    ]
    const s = await importSummary([{ name: 'bad.xlsx', bytes: await rvtoolsWorkbook(bad, hosts) }])
    expect(s.vms).toMatchObject({ rows: 11, unusable: 4, included: 4 })
    expect(s.included).toEqual({ vcpu: 16, ramGib: 88, diskGib: 700 })
    expect(s.warnings.map((w) => [w.column, w.code, w.count, w.firstRow])).toEqual([
      // Header is row 1, the 7 sample VMs rows 2–8, x1 row 9 …
      ['CPUs', 'not-a-number', 2, 9],
      ['Memory', 'negative', 1, 11],
      ['Powerstate', 'unknown-power-state', 1, 12],
    ])
    expect(s.warnings[0]?.message).toBe(
      'bad.xlsx, vInfo: rows whose CPUs is not a number were left out (2 rows, first at row 9)'
    )
    expect(s.warnings[1]?.message).toBe(
      'bad.xlsx, vInfo: a row with a negative Memory was left out (1 row, first at row 11)'
    )
  })
})
