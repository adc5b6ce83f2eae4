import {
  describeModelWarning,
  evaluatePlan,
  type Evaluation,
  type PlatformResult,
} from '../../../models/index'
import { withUsageErrors } from '../errors'
import { formatTable, money, number, vmsText } from '../format'
import { PLAN_AT_SIZE_OPTIONS, parseCommandArgs, readPlanAtSize } from '../options'
import { quoted } from '../terminal-text'

/** The public JSON shape of one platform (docs/CLI.md). */
function platformJson(p: PlatformResult) {
  return {
    nodes: p.nodes,
    licensedCores: p.licensedCores,
    fte: p.fte,
    annual: p.annual,
    horizon: { years: p.horizon.years, npv: p.horizon.npv, total: p.horizon.total },
    perVmMonth: p.perVmMonth,
    energy: {
      kwhPerYear: p.energy.kwhPerYear,
      kwhPerYearWithoutPowerManagement: p.energy.kwhPerYearWithoutPowerManagement,
      co2KgPerYear: p.energy.co2KgPerYear,
      powerManagement: p.energy.powerManagement,
      powerManagementReason: p.energy.reason,
    },
    storage: {
      architecture: p.storage.architecture,
      vsanPolicy: p.storage.vsanPolicy,
      usableTb: p.storage.usableTb,
      rawTb: p.storage.rawTb,
      failuresTolerated: p.storage.failuresTolerated,
    },
    evacuationMinutesPerHost: p.migration.evacuationMinutesPerHost,
  }
}

/** The public JSON shape of `stackplan evaluate --json`. */
export function evaluationJson(e: Evaluation) {
  return {
    currency: e.currency,
    vms: e.vms,
    scenario: e.scenario,
    platforms: { vmware: platformJson(e.platforms.vmware), openstack: platformJson(e.platforms.openstack) },
    cheaper: e.cheaper,
    warnings: e.warnings.map((w) => ({ code: w.code, message: describeModelWarning(w) })),
  }
}

function evaluationTable(e: Evaluation): string {
  const v = e.platforms.vmware
  const o = e.platforms.openstack
  const cur = e.currency
  const row = (label: string, f: (p: PlatformResult) => string): string[] => [label, f(v), f(o)]
  const rows: string[][] = [
    ['', 'VMware', 'OpenStack'],
    row(
      'Nodes (compute+HA+mgmt+storage)',
      (p) =>
        `${p.nodes.compute}+${p.nodes.haReserve}+${p.nodes.management}+${p.nodes.storage} = ${p.nodes.total}`
    ),
    row('Licensed cores', (p) => number(p.licensedCores)),
    row('Staff (FTE)', (p) => number(p.fte, 1)),
    row('Licensing / yr', (p) => money(p.annual.licensing, cur)),
    row('Support / yr', (p) => money(p.annual.support, cur)),
    row('Staff / yr', (p) => money(p.annual.staff, cur)),
    row('Hardware / yr', (p) => money(p.annual.hardware, cur)),
    row('Storage / yr', (p) => money(p.annual.storage, cur)),
    row('Power / yr', (p) => money(p.annual.power, cur)),
    row('Facility / yr', (p) => money(p.annual.facility, cur)),
    row('Maintenance / yr', (p) => money(p.annual.maintenance, cur)),
    row('Total / yr', (p) => money(p.annual.total, cur)),
    row('Per VM-month', (p) => money(p.perVmMonth, cur, 2)),
    row(`NPV over ${v.horizon.years} years`, (p) => money(p.horizon.npv, cur)),
    row('Energy (kWh/yr)', (p) => number(p.energy.kwhPerYear)),
    row(
      'Storage raw / usable (TB)',
      (p) => `${number(p.storage.rawTb, 1)} / ${number(p.storage.usableTb, 1)}`
    ),
    row('Power management', (p) => p.energy.powerManagement),
    row('Evacuation per host (min)', (p) => number(p.migration.evacuationMinutesPerHost, 1)),
  ]
  const cheaper = e.cheaper === 'vmware' ? 'VMware' : 'OpenStack'
  const dearer = e.cheaper === 'vmware' ? o : v
  const saving = Math.abs(e.gapAnnual)
  const share = dearer.annual.total > 0 ? (100 * saving) / dearer.annual.total : 0
  const reasons = [v, o]
    .filter((p) => p.energy.powerManagement !== 'on' && p.energy.reason !== '')
    .map((p) => `${p.platform === 'vmware' ? 'VMware' : 'OpenStack'} power management: ${p.energy.reason}`)
  const checks = e.warnings.map((w) => `Check: ${describeModelWarning(w)}`)
  const notes = [...reasons, ...checks]
  return [
    `Scenario ${quoted(e.scenario)} at ${vmsText(e.vms)} (${cur}, list prices; real deals are negotiated)`,
    '',
    formatTable(rows),
    '',
    ...(notes.length > 0 ? [...notes, ''] : []),
    `${cheaper} is cheaper by ${money(saving, cur)} a year (${number(share, 1)} %).`,
  ].join('\n')
}

export async function runEvaluate(args: string[]): Promise<string> {
  const { values, positionals } = parseCommandArgs(args, PLAN_AT_SIZE_OPTIONS)
  const { plan, at, isJson } = await readPlanAtSize(values, positionals)
  const evaluation: Evaluation = withUsageErrors(() => evaluatePlan(plan, at))
  return isJson ? JSON.stringify(evaluationJson(evaluation), null, 2) : evaluationTable(evaluation)
}
