import ExcelJS from 'exceljs'
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate'

/** One VM as a fixture writes it (names and addresses are there, as in a real export, to prove they are never kept). */
export interface FixtureVm {
  name: string
  powerstate: 'poweredOn' | 'poweredOff' | 'suspended' | string
  isTemplate?: boolean
  cpus: number | string
  memoryMib: number | string
  provisionedMib: number | string
  inUseMib?: number
  vcenter?: string
  ip?: string
  annotation?: string
}

/** One ESXi host as a fixture writes it. */
export interface FixtureHost {
  name: string
  cluster: string
  cpuModel: string
  sockets: number
  coresPerCpu: number
  memoryMib: number
  cpuUsagePercent?: number
  memoryUsagePercent?: number
  vcenter?: string
}

/** The ways real exports differ (RVTools version, what the user trimmed). */
export interface RvtoolsShape {
  /** "MiB" column names (RVTools 4.x) or the older "MB" ones. @default 'MiB' */
  diskUnit?: 'MiB' | 'MB'
  /** Write the Template column. @default true */
  hasTemplate?: boolean
  /** A vHost sheet with only Host and # Cores. @default false */
  isHostTrimmed?: boolean
  /** Filler columns added to vInfo (real exports carry 80–93). @default 0 */
  extraColumns?: number
  /** Leave the vHost sheet out. @default false */
  hasNoHosts?: boolean
  /** Leave the vInfo sheet out. @default false */
  hasNoVinfo?: boolean
  /** Leave a vInfo column out by name. */
  dropColumn?: string
}

function vinfoTable(vms: readonly FixtureVm[], shape: RvtoolsShape): (string | number | boolean)[][] {
  const unit = shape.diskUnit ?? 'MiB'
  const columns: [string, (vm: FixtureVm) => string | number | boolean][] = [
    ['VM', (vm) => vm.name],
    ['Powerstate', (vm) => vm.powerstate],
    ...((shape.hasTemplate ?? true)
      ? [
          ['Template', (vm: FixtureVm) => (vm.isTemplate ? 'True' : 'False')] as [
            string,
            (vm: FixtureVm) => string,
          ],
        ]
      : []),
    ['DNS Name', (vm) => `${vm.name}.corp.example`],
    ['CPUs', (vm) => vm.cpus],
    ['Memory', (vm) => vm.memoryMib],
    ['NICs', () => 1],
    [`Provisioned ${unit}`, (vm) => vm.provisionedMib],
    [`In Use ${unit}`, (vm) => vm.inUseMib ?? 0],
    ['Primary IP Address', (vm) => vm.ip ?? '10.0.0.1'],
    ['Annotation', (vm) => vm.annotation ?? ''],
    ['VI SDK Server', (vm) => vm.vcenter ?? 'vc01.corp.example'],
  ]
  for (let k = 0; k < (shape.extraColumns ?? 0); k++)
    columns.push([`Extra ${k + 1}`, (vm) => (k % 2 ? `x${vm.name}` : k)])
  const kept = columns.filter(([name]) => name !== shape.dropColumn)
  return [kept.map(([name]) => name), ...vms.map((vm) => kept.map(([, value]) => value(vm)))]
}

function vhostTable(hosts: readonly FixtureHost[], shape: RvtoolsShape): (string | number)[][] {
  if (shape.isHostTrimmed)
    return [['Host', '# Cores'], ...hosts.map((h) => [h.name, h.sockets * h.coresPerCpu])]
  return [
    [
      'Host',
      'Datacenter',
      'Cluster',
      'CPU Model',
      '# CPU',
      'Cores per CPU',
      '# Cores',
      'CPU usage %',
      '# Memory',
      'Memory usage %',
      'ESX Version',
      'Vendor',
      'Model',
      'VI SDK Server',
    ],
    ...hosts.map((h) => [
      h.name,
      'DC1',
      h.cluster,
      h.cpuModel,
      h.sockets,
      h.coresPerCpu,
      h.sockets * h.coresPerCpu,
      h.cpuUsagePercent ?? 30,
      h.memoryMib,
      h.memoryUsagePercent ?? 60,
      'VMware ESXi 8.0.3 build-24022510',
      'Dell Inc.',
      'PowerEdge R650',
      h.vcenter ?? 'vc01.corp.example',
    ]),
  ]
}

/** An RVTools-style .xlsx ("Export all to Excel") built with exceljs, as RVTools lays it out. */
export async function rvtoolsWorkbook(
  vms: readonly FixtureVm[],
  hosts: readonly FixtureHost[],
  shape: RvtoolsShape = {}
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  if (!shape.hasNoVinfo) workbook.addWorksheet('vInfo').addRows(vinfoTable(vms, shape))
  workbook.addWorksheet('vCPU').addRows([['VM', 'CPUs'], ...vms.map((vm) => [vm.name, vm.cpus])])
  if (!shape.hasNoHosts) workbook.addWorksheet('vHost').addRows(vhostTable(hosts, shape))
  workbook.addWorksheet('vMetaData').addRows([
    ['RVTools major version', 'RVTools version'],
    [4, '4.7.1.4'],
  ])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** Rewrites a workbook's sheets so their `<dimension>` claims rows A1:CZ1048576 (as some exports do). */
export function withMillionRowDimension(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx)
  for (const [name, bytes] of Object.entries(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue
    const xml = new TextDecoder()
      .decode(bytes)
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:CZ1048576"/>')
    files[name] = strToU8(xml)
  }
  return zipSync(files)
}

/** Applies `edit` to one part's XML and zips the package again. */
export function editPart(xlsx: Uint8Array, partName: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(xlsx)
  const part = files[partName]
  if (!part) throw new Error(`no part ${partName}`)
  files[partName] = strToU8(edit(new TextDecoder().decode(part)))
  return zipSync(files)
}

export interface CsvForm {
  /** @default ',' */
  delimiter?: ',' | ';'
  /** Write numbers with decimal commas (as Windows does in those locales). @default false */
  hasDecimalComma?: boolean
  /** Start with a UTF-8 byte-order mark. @default false */
  hasBom?: boolean
  /** File name prefix before "tabvInfo.csv". @default 'RVTools_' */
  prefix?: string
}

function csvText(table: readonly (readonly (string | number | boolean)[])[], form: CsvForm): string {
  const delimiter = form.delimiter ?? ','
  const cell = (value: string | number | boolean): string => {
    let text = String(value)
    if (typeof value === 'number' && form.hasDecimalComma) text = text.replace('.', ',')
    return text.includes(delimiter) || text.includes('"') || /[\r\n]/.test(text)
      ? `"${text.replace(/"/g, '""')}"`
      : text
  }
  return (
    (form.hasBom ? '\uFEFF' : '') + table.map((row) => row.map(cell).join(delimiter)).join('\r\n') + '\r\n'
  )
}

/** The files of an RVTools "Export all to csv": name → bytes. */
export function rvtoolsCsvFiles(
  vms: readonly FixtureVm[],
  hosts: readonly FixtureHost[],
  shape: RvtoolsShape = {},
  form: CsvForm = {}
): Record<string, Uint8Array> {
  const prefix = form.prefix ?? 'RVTools_'
  const files: Record<string, Uint8Array> = {}
  if (!shape.hasNoVinfo) files[`${prefix}tabvInfo.csv`] = strToU8(csvText(vinfoTable(vms, shape), form))
  files[`${prefix}tabvCPU.csv`] = strToU8(
    csvText([['VM', 'CPUs'], ...vms.map((vm) => [vm.name, vm.cpus])], form)
  )
  if (!shape.hasNoHosts) files[`${prefix}tabvHost.csv`] = strToU8(csvText(vhostTable(hosts, shape), form))
  return files
}

/** A zip of files (optionally under a folder), as a user zips an export folder. */
export function zipOf(files: Record<string, Uint8Array>, folder = ''): Uint8Array {
  const entries: Zippable = {}
  for (const [name, bytes] of Object.entries(files)) entries[folder + name] = bytes
  return zipSync(entries)
}

/** A plain VM CSV (docs/IMPORT.md): name, vcpu, ram_gib, disk_gib, powered_on[, pet, ft]. */
export function plainCsv(
  rows: readonly {
    name: string
    vcpu: number
    ramGib: number
    diskGib: number
    poweredOn: boolean
    pet?: boolean
    ft?: boolean
  }[]
): Uint8Array {
  const hasFlags = rows.some((r) => r.pet !== undefined)
  const header = ['name', 'vcpu', 'ram_gib', 'disk_gib', 'powered_on', ...(hasFlags ? ['pet', 'ft'] : [])]
  const lines = rows.map((r) =>
    [
      r.name,
      r.vcpu,
      r.ramGib,
      r.diskGib,
      r.poweredOn,
      ...(hasFlags ? [r.pet ?? false, r.ft ?? false] : []),
    ].join(',')
  )
  return strToU8([header.join(','), ...lines].join('\n') + '\n')
}

/** A small estate used across tests: 3 clusters of hosts, VMs in every state, a template, two vCenters. */
export function sampleEstate(): { vms: FixtureVm[]; hosts: FixtureHost[] } {
  const vms: FixtureVm[] = [
    {
      name: 'web-01',
      powerstate: 'poweredOn',
      cpus: 2,
      memoryMib: 4096,
      provisionedMib: 40960,
      ip: '10.1.0.11',
      annotation: 'owner: alice',
    },
    { name: 'web-02', powerstate: 'poweredOn', cpus: 2, memoryMib: 4096, provisionedMib: 61440 },
    { name: 'db-01', powerstate: 'poweredOn', cpus: 8, memoryMib: 65536, provisionedMib: 512000 },
    {
      name: 'app-01',
      powerstate: 'poweredOn',
      cpus: 4,
      memoryMib: 16384,
      provisionedMib: 102400,
      vcenter: 'vc02.corp.example',
    },
    { name: 'old-01', powerstate: 'poweredOff', cpus: 4, memoryMib: 8192, provisionedMib: 81920 },
    { name: 'sus-01', powerstate: 'suspended', cpus: 1, memoryMib: 2048, provisionedMib: 20480 },
    {
      name: 'tpl-win',
      powerstate: 'poweredOff',
      isTemplate: true,
      cpus: 2,
      memoryMib: 8192,
      provisionedMib: 92160,
    },
  ]
  const hosts: FixtureHost[] = [
    {
      name: 'esx-01',
      cluster: 'Prod',
      cpuModel: 'Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz',
      sockets: 2,
      coresPerCpu: 16,
      memoryMib: 524288,
      cpuUsagePercent: 40,
      memoryUsagePercent: 70,
    },
    {
      name: 'esx-02',
      cluster: 'Prod',
      cpuModel: 'Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz',
      sockets: 2,
      coresPerCpu: 16,
      memoryMib: 524288,
      cpuUsagePercent: 20,
      memoryUsagePercent: 50,
    },
    {
      name: 'esx-03',
      cluster: 'DMZ',
      cpuModel: 'Intel(R) Xeon(R) Silver 4309Y CPU @ 2.80GHz',
      sockets: 2,
      coresPerCpu: 8,
      memoryMib: 262144,
      vcenter: 'vc02.corp.example',
    },
    {
      name: 'esx-04',
      cluster: 'Mgmt',
      cpuModel: 'AMD EPYC 9354 32-Core Processor',
      sockets: 1,
      coresPerCpu: 32,
      memoryMib: 786432,
    },
  ]
  return { vms, hosts }
}
