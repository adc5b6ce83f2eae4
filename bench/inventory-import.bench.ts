// Inventory import speed: a generated RVTools-style workbook of 100,000 VMs (vInfo with 90 columns) and
// 2,000 hosts, imported by the real CLI (`stackplan import FILE --json`, a child process per run) and read
// by Python's openpyxl in read-only mode on the same file, side by side in one run. Prints median, p95 and
// peak RSS; never asserts a time. Usage: npm run bench -- inventory   (BENCH_IMPORT_RUNS, BENCH_OPENPYXL_RUNS)
import ExcelJS from 'exceljs'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const VM_COUNT = 100_000
const HOST_COUNT = 2_000
const VINFO_COLUMNS = 90
const folder = join(root, 'node_modules', '.tmp', 'bench-inventory')
const file = join(folder, `rvtools-${VM_COUNT}vm-${VINFO_COLUMNS}col-${HOST_COUNT}host.xlsx`)

/** RVTools 4.x vInfo's leading columns, then filler up to 90 as real exports carry. */
const LEADING = [
  'VM',
  'Powerstate',
  'Template',
  'SRM Placeholder',
  'Config status',
  'DNS Name',
  'Connection state',
  'Guest state',
  'Heartbeat',
  'Consolidation Needed',
  'PowerOn',
  'Suspended To Memory',
  'Suspend time',
  'Suspend Interval',
  'Creation date',
  'Change Version',
  'CPUs',
  'Overall Cpu Readiness',
  'Memory',
  'Active Memory',
  'NICs',
  'Disks',
  'Total disk capacity MiB',
  'Provisioned MiB',
  'In Use MiB',
  'Unshared MiB',
  'Primary IP Address',
  'Annotation',
  'Datacenter',
  'Cluster',
  'Host',
  'OS according to the configuration file',
  'OS according to the VMware Tools',
  'VI SDK Server',
]

async function generate(): Promise<void> {
  mkdirSync(folder, { recursive: true })
  const partial = file + '.partial'
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true })
  const vinfo = workbook.addWorksheet('vInfo')
  const header = [...LEADING]
  for (let k = header.length; k < VINFO_COLUMNS; k++)
    header.push(`Custom attribute ${k - LEADING.length + 1}`)
  vinfo.addRow(header).commit()
  const sizes = [1, 2, 2, 4, 4, 4, 8, 8, 16, 32]
  for (let i = 0; i < VM_COUNT; i++) {
    const vcpu = sizes[i % sizes.length] as number
    const row: (string | number)[] = []
    for (const name of header) {
      switch (name) {
        case 'VM':
          row.push(`vm-${String(i).padStart(6, '0')}`)
          break
        case 'Powerstate':
          row.push(i % 10 === 0 ? 'poweredOff' : 'poweredOn')
          break
        case 'Template':
          row.push(i % 250 === 0 ? 'True' : 'False')
          break
        case 'CPUs':
          row.push(vcpu)
          break
        case 'Memory':
          row.push(vcpu * 4096)
          break
        case 'Provisioned MiB':
          row.push(40960 + (i % 97) * 1024)
          break
        case 'In Use MiB':
          row.push(20480 + (i % 89) * 512)
          break
        case 'Primary IP Address':
          row.push(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`)
          break
        case 'Annotation':
          row.push(i % 3 ? '' : `owner team-${i % 40}; ticket CHG${i}`)
          break
        case 'Cluster':
          row.push(`cluster-${i % 40}`)
          break
        case 'Host':
          row.push(`esx-${String(i % HOST_COUNT).padStart(4, '0')}.corp.example`)
          break
        case 'VI SDK Server':
          row.push(`vc${i % 4}.corp.example`)
          break
        case 'Creation date':
          row.push('2024-03-01 10:00')
          break
        default:
          row.push(name.startsWith('Custom') ? `value ${i % 13}` : (i + name.length) % 7)
      }
    }
    vinfo.addRow(row).commit()
  }
  await vinfo.commit()
  const vhost = workbook.addWorksheet('vHost')
  vhost
    .addRow([
      'Host',
      'Datacenter',
      'Cluster',
      'CPU Model',
      'Speed',
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
    ])
    .commit()
  for (let h = 0; h < HOST_COUNT; h++) {
    const cores = h % 3 ? 16 : 8
    vhost
      .addRow([
        `esx-${String(h).padStart(4, '0')}.corp.example`,
        'DC1',
        `cluster-${h % 40}`,
        h % 3 ? 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz' : 'Intel(R) Xeon(R) Silver 4309Y CPU @ 2.80GHz',
        2800,
        2,
        cores,
        2 * cores,
        35,
        786432,
        62,
        'VMware ESXi 8.0.3',
        'Dell Inc.',
        'PowerEdge R650',
        `vc${h % 4}.corp.example`,
      ])
      .commit()
  }
  await vhost.commit()
  await workbook.commit()
  renameSync(partial, file)
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number
}

/** Runs the CLI once; returns wall seconds, the child's peak RSS (from GNU time) and its JSON. */
function importOnce(): {
  seconds: number
  cpuSeconds: number
  peakMib: number
  json: { vms: { included: number }; included: { vcpu: number }; hosts: { count: number; cores: number } }
} {
  const start = process.hrtime.bigint()
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%M %U %S', process.execPath, join(root, 'cli/bin/stackplan.mjs'), 'import', file, '--json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  )
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (result.status !== 0) throw new Error(`stackplan import failed: ${result.stderr}`)
  const [kib, user, system] = (result.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number)
  return {
    seconds,
    cpuSeconds: (user ?? NaN) + (system ?? NaN),
    peakMib: (kib ?? NaN) / 1024,
    json: JSON.parse(result.stdout),
  }
}

function openpyxlOnce(): {
  seconds: number
  cpuSeconds: number
  peakMib: number
  included: number
  vcpu: number
  hosts: number
  cores: number
} {
  const result = spawnSync('/usr/bin/python3', [join(root, 'bench/inventory-import.py'), file], {
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`openpyxl failed: ${result.stderr}`)
  return JSON.parse(result.stdout)
}

const fmt = (n: number, d = 2) => n.toFixed(d)

if (!existsSync(file)) {
  const t = Date.now()
  await generate()
  console.log(`generated ${file} in ${((Date.now() - t) / 1000).toFixed(1)} s`)
}
console.log(
  `workbook: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB, ${VM_COUNT.toLocaleString('en-US')} VMs × ${VINFO_COLUMNS} columns, ${HOST_COUNT.toLocaleString('en-US')} hosts`
)
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`
)

const runs = Number(process.env.BENCH_IMPORT_RUNS ?? 7)
const pyRuns = Number(process.env.BENCH_OPENPYXL_RUNS ?? 1)
importOnce() // warm the file cache
const times: number[] = []
const peaks: number[] = []
const cpuTimes: number[] = []
let json = importOnce().json
for (let r = 0; r < runs; r++) {
  const once = importOnce()
  times.push(once.seconds)
  peaks.push(once.peakMib)
  cpuTimes.push(once.cpuSeconds)
  json = once.json
}
times.sort((a, b) => a - b)
const median = quantile(times, 0.5)
console.log(
  `stackplan import: median ${fmt(median)} s, p95 ${fmt(quantile(times, 0.95))} s, peak RSS ${fmt(Math.max(...peaks), 0)} MiB over ${runs} runs (target < 5 s, < 600 MB)`
)

const py: ReturnType<typeof openpyxlOnce>[] = []
for (let r = 0; r < pyRuns; r++) py.push(openpyxlOnce())
const pyTimes = py.map((p) => p.seconds).sort((a, b) => a - b)
const pyMedian = quantile(pyTimes, 0.5)
console.log(
  `openpyxl read-only: median ${fmt(pyMedian)} s over ${pyRuns} run(s), peak RSS ${fmt(Math.max(...py.map((p) => p.peakMib)), 0)} MiB`
)
console.log(
  `speed-up: ${fmt(pyMedian / median, 1)}× (target ≥ 20×); load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`
)
const same =
  py[0] &&
  py[0].included === json.vms.included &&
  py[0].vcpu === json.included.vcpu &&
  py[0].hosts === json.hosts.count &&
  py[0].cores === json.hosts.cores
console.log(
  `same totals (included VMs, vCPU, hosts, cores): ${same ? 'yes' : 'NO'} — ${json.vms.included} VMs, ${json.included.vcpu} vCPU, ${json.hosts.count} hosts, ${json.hosts.cores} cores`
)
writeFileSync(join(folder, 'last-run.json'), JSON.stringify({ times, peaks, cpuTimes, pyTimes, py }, null, 2))
