import type { EstateSummary } from '../../inventory/index'
import { formatTable, number, terminalText } from './format'

const KIND_TEXT = {
  'rvtools-xlsx': 'RVTools workbook',
  'rvtools-csv': 'RVTools CSV',
  'plain-csv': 'VM CSV',
} as const
const EDITION_TEXT = {
  vvs: 'vSphere Standard',
  vvep: 'vSphere Enterprise Plus',
  vvf: 'VVF',
  vcf: 'VCF',
} as const

function plural(count: number, one: string, many = `${one}s`): string {
  return `${number(count)} ${count === 1 ? one : many}`
}

/** The import summary as text for a terminal: every name from the file passed through terminalText. */
export function importReport(s: EstateSummary): string {
  const lines: string[] = []
  const files = s.files.map((f) => `${terminalText(f.name)} (${KIND_TEXT[f.kind]})`).join(', ')
  lines.push(`Read ${files}${s.vcenters > 1 ? ` — ${number(s.vcenters)} vCenters` : ''}`)
  const v = s.vms
  lines.push(
    `VMs: ${plural(v.rows, 'row')} — ${number(v.poweredOn)} powered on, ${number(v.poweredOff)} powered off` +
      `${v.suspended > 0 ? ` (${number(v.suspended)} suspended)` : ''}, ${plural(v.templates, 'template')}` +
      `${v.unusable > 0 ? `, ${number(v.unusable)} unusable` : ''}`
  )
  const which = [
    s.includePoweredOff ? 'powered-on and powered-off' : 'powered-on',
    s.includeTemplates ? 'templates included' : 'no templates',
  ].join(', ')
  lines.push(
    `Included (${which}): ${plural(v.included, 'VM')}, ${number(s.included.vcpu)} vCPU, ` +
      `${number(s.included.ramGib)} GiB RAM, ${number(s.included.diskGib)} GiB provisioned disk`
  )
  if (s.classes.length > 0) {
    lines.push('', 'Size classes (mean of each class):')
    lines.push(
      formatTable([
        ['', 'VMs', 'vCPU', 'RAM GiB', 'disk GiB'],
        ...s.classes.map((c, i) => [
          `  class ${i + 1}`,
          number(c.count),
          number(c.vcpu, c.vcpu % 1 ? 1 : 0),
          number(c.ramGib, c.ramGib % 1 ? 1 : 0),
          number(c.diskGib),
        ]),
      ])
    )
  }
  const h = s.hosts
  if (h) {
    lines.push('')
    const cpus = h.sockets === null ? '' : `${plural(h.sockets, 'CPU')}, `
    const ram = h.ramGib === null ? '' : `, ${number(h.ramGib)} GiB RAM`
    lines.push(`Hosts: ${number(h.count)} (${cpus}${number(h.cores)} cores${ram})`)
    const groups = (label: string, list: typeof h.byCluster) =>
      `  ${label}: ` +
      list
        .slice(0, 8)
        .map((g) => `${terminalText(g.name ?? 'unnamed')} ${number(g.hosts)}`)
        .join(', ') +
      (list.length > 8 ? `, … (${number(list.length)} in all)` : '')
    if (h.byCluster.some((g) => g.name !== null)) lines.push(groups('by cluster', h.byCluster))
    if (h.byCpuModel.some((g) => g.name !== null)) lines.push(groups('by CPU model', h.byCpuModel))
    if (h.usage) {
      const parts = [
        h.usage.cpuPercent === null ? null : `CPU ${number(h.usage.cpuPercent)} %`,
        h.usage.memoryPercent === null ? null : `memory ${number(h.usage.memoryPercent)} %`,
      ].filter(Boolean)
      lines.push(`  mean usage now: ${parts.join(', ')} (RVTools vHost)`)
    }
    if (h.renewal && h.sockets !== null && h.licensedCores !== null) {
      lines.push(
        `Licence position: renewing these ${plural(h.count, 'host')} (${plural(h.sockets, 'CPU')}, ${number(h.cores)} cores) ` +
          `licenses ${number(h.renewal.licensedCores)} cores` +
          (h.renewal.cpusBelowMinimum > 0
            ? `; ${plural(h.renewal.cpusBelowMinimum, 'CPU')} with fewer than 16 cores pay for 16`
            : '') +
          (h.renewal.licensedCores > h.licensedCores
            ? ` (the order minimum lifts ${number(h.licensedCores)} cores)`
            : '')
      )
      lines.push(
        '  a year at list: ' +
          (['vcf', 'vvf', 'vvep', 'vvs'] as const)
            .map((e) => `${EDITION_TEXT[e]} USD ${number(h.renewal?.usdPerYear[e] ?? 0)}`)
            .join(', ')
      )
    } else {
      lines.push('Licence position: unknown (the export has no "# CPU" column)')
    }
  }
  if (s.warnings.length > 0) {
    lines.push('', `Warnings (${number(s.warnings.length)}):`)
    for (const w of s.warnings) lines.push(`  ${terminalText(w.message)}`)
  }
  return lines.join('\n')
}
