import {
  CATALOG,
  CATEGORIES,
  GROUPS,
  PLATFORMS,
  computeCurves,
  describeRange,
  evaluatePlan,
  findAssumption,
  isDefaultValue,
  resolveScenario,
  samplesCsvHeaders,
  samplesCsvRows,
  scenarioDifferences,
  scenarioOf,
  scenarioValues,
  type AssumptionValue,
  type AssumptionValues,
  type CostMetric,
  type CurveSet,
  type Evaluation,
  type MonteCarloResult,
  type Plan,
  type SamplesForCsv,
  type SensitivityResult,
} from '../models/index'
import type { CellValue, Table, TableColumn } from './table'

/**
 * Table builders for the exports (workbook, CSV, report): they lay out what the model returns and never
 * compute a cost themselves. Headers are English and stable (scripts read them); units are in the headers.
 */

/** Everything an export shows, for one scenario of a plan. */
export interface ExportContent {
  plan: Plan
  /** The scenario the numbers are for. */
  scenarioId: string
  /** Values applied on top of the scenario (CLI --set); part of what the assumptions sheet shows. */
  overrides: AssumptionValues
  evaluation: Evaluation
  curves: CurveSet
  /** Every scenario at its own fleet size, in scenario order. */
  scenarioEvaluations: Evaluation[]
  sensitivity: SensitivityResult | null
  monteCarlo: MonteCarloResult | null
  exportedAt: Date
  appVersion: string
}

/** The model's results an export needs: the scenario's evaluation and curves, and every scenario's totals. */
export function exportResults(
  plan: Plan,
  options: { scenarioId?: string; overrides?: AssumptionValues; metric?: CostMetric } = {}
): Pick<ExportContent, 'scenarioId' | 'overrides' | 'evaluation' | 'curves' | 'scenarioEvaluations'> {
  const scenario = resolveScenario(plan, options.scenarioId)
  const scenarioId = scenario?.id ?? ''
  const overrides = options.overrides ?? {}
  const evaluation = evaluatePlan(plan, { scenarioId, overrides })
  const curves = computeCurves(plan, { scenarioId, overrides, metric: options.metric ?? 'annual' })
  const scenarioEvaluations = plan.scenarios.map((s) =>
    s.id === scenarioId ? evaluation : evaluatePlan(plan, { scenarioId: s.id, overrides })
  )
  return { scenarioId, overrides, evaluation, curves, scenarioEvaluations }
}

/** The unit a curve metric is in, for headers: "USD/yr", "USD NPV", "USD/VM-month". */
export function metricUnit(metric: CostMetric, currency: string): string {
  return metric === 'annual'
    ? `${currency}/yr`
    : metric === 'npv'
      ? `${currency} NPV`
      : `${currency}/VM-month`
}

/** An assumption value as a cell: numbers and booleans keep their type; a profile becomes its 168 values as text. */
export function valueCell(value: AssumptionValue | undefined): CellValue {
  if (value === undefined) return null
  if (Array.isArray(value)) return value.join(', ')
  return value as CellValue
}

const GROUP_TITLES = new Map(GROUPS.map((g) => [g.id, g.title]))

/** Assumptions: every catalog entry with its value in the scenario, default, unit, range, flag and source. */
export function assumptionsTable(c: Pick<ExportContent, 'plan' | 'scenarioId' | 'overrides'>): Table {
  const values = scenarioValues(c.plan, c.scenarioId, c.overrides)
  return {
    name: 'Assumptions',
    columns: [
      { header: 'key', width: 34 },
      { header: 'label', width: 36 },
      { header: 'group', width: 26 },
      { header: 'value', format: 'decimal', width: 16 },
      { header: 'default', format: 'decimal', width: 16 },
      { header: 'differs from default', width: 12 },
      { header: 'unit', width: 30 },
      { header: 'allowed range', width: 30 },
      { header: 'flag', width: 6 },
      { header: 'source', width: 60 },
    ],
    rows: CATALOG.map((a) => {
      const value = values[a.key]
      return [
        a.key,
        a.label,
        GROUP_TITLES.get(a.group) ?? a.group,
        valueCell(value),
        valueCell(a.default),
        value !== undefined && !isDefaultValue(a.key, value),
        a.unit,
        describeRange(a),
        a.flag,
        a.source,
      ]
    }),
  }
}

const SERIES = ['total', ...CATEGORIES] as const

/** Curves: one row per fleet size, one column per platform and series (the CLI's `curves --csv` layout). */
export function curvesTable(curves: CurveSet): Table {
  const unit = metricUnit(curves.metric, curves.currency)
  const columns: TableColumn[] = [{ header: 'vms', format: 'integer' }]
  for (const p of PLATFORMS)
    for (const s of SERIES)
      columns.push({
        header: `${p}.${s} (${unit})`,
        format: curves.metric === 'perVmMonth' ? 'moneyCents' : 'money',
      })
  return {
    name: 'Curves',
    columns,
    rows: curves.vms.map((vms, i) => {
      const row: CellValue[] = [vms]
      for (const p of PLATFORMS) for (const s of SERIES) row.push(curves.platforms[p][s][i] as number)
      return row
    }),
  }
}

/** Breakdown at the fleet size: one row per platform, costs per category, nodes, licensed cores, FTE, energy. */
export function breakdownTable(e: Evaluation): Table {
  const cur = e.currency
  const years = e.platforms.vmware.horizon.years
  const columns: TableColumn[] = [
    { header: 'platform', width: 12 },
    { header: 'vms', format: 'integer' },
    ...CATEGORIES.map((c): TableColumn => ({ header: `${c} (${cur}/yr)`, format: 'money' })),
    { header: `total (${cur}/yr)`, format: 'money' },
    { header: `per VM-month (${cur})`, format: 'moneyCents' },
    { header: `NPV over ${years} years (${cur})`, format: 'money' },
    { header: 'compute nodes', format: 'integer' },
    { header: 'HA reserve nodes', format: 'integer' },
    { header: 'management nodes', format: 'integer' },
    { header: 'storage nodes', format: 'integer' },
    { header: 'total nodes', format: 'integer' },
    { header: 'licensed cores', format: 'integer' },
    { header: 'engineers (FTE)', format: 'decimal' },
    { header: 'energy (kWh/yr)', format: 'integer' },
    { header: 'energy without power management (kWh/yr)', format: 'integer' },
    { header: 'CO2 (kg/yr)', format: 'integer' },
    { header: 'power management' },
    { header: 'usable storage (TB)', format: 'decimal' },
    { header: 'raw storage (TB)', format: 'decimal' },
    { header: 'migration' },
    { header: 'evacuation per host (min)', format: 'decimal' },
    { header: 'maintenance (engineer h/yr)', format: 'decimal' },
  ]
  return {
    name: 'Breakdown',
    columns,
    rows: PLATFORMS.map((p) => {
      const r = e.platforms[p]
      return [
        p,
        r.vms,
        ...CATEGORIES.map((c) => r.annual[c]),
        r.annual.total,
        r.perVmMonth,
        r.horizon.npv,
        r.nodes.compute,
        r.nodes.haReserve,
        r.nodes.management,
        r.nodes.storage,
        r.nodes.total,
        r.licensedCores,
        r.fte,
        r.energy.kwhPerYear,
        r.energy.kwhPerYearWithoutPowerManagement,
        r.energy.co2KgPerYear,
        r.energy.powerManagement,
        r.storage.usableTb,
        r.storage.rawTb,
        r.migration.mode,
        r.migration.evacuationMinutesPerHost,
        r.migration.maintenanceHoursPerYear,
      ]
    }),
  }
}

/** Scenarios: every scenario's differences from the base (the first scenario), in scenario order. */
export function scenariosTable(plan: Plan): Table {
  return {
    name: 'Scenarios',
    columns: [
      { header: 'scenario', width: 22 },
      { header: 'key', width: 34 },
      { header: 'assumption', width: 34 },
      { header: 'unit', width: 28 },
      { header: 'base value', format: 'decimal', width: 14 },
      { header: 'scenario value', format: 'decimal', width: 14 },
    ],
    rows: scenarioDifferences(plan).map((d) => {
      const a = findAssumption(d.key)
      return [d.scenarioName, d.key, a?.label ?? d.key, a?.unit ?? '', valueCell(d.base), valueCell(d.value)]
    }),
  }
}

/** Scenario totals: each scenario's annual totals at its own fleet size and the cheaper platform. */
export function scenarioTotalsTable(c: Pick<ExportContent, 'plan' | 'scenarioEvaluations'>): Table {
  const cur = c.scenarioEvaluations[0]?.currency ?? 'USD'
  return {
    name: 'Scenario totals',
    columns: [
      { header: 'scenario', width: 22 },
      { header: 'vms', format: 'integer' },
      { header: `vmware.total (${cur}/yr)`, format: 'money' },
      { header: `openstack.total (${cur}/yr)`, format: 'money' },
      { header: `gap vmware − openstack (${cur}/yr)`, format: 'money' },
      { header: 'cheaper', width: 11 },
    ],
    rows: c.scenarioEvaluations.map((e, i) => [
      c.plan.scenarios[i]?.name ?? e.scenario,
      e.vms,
      e.platforms.vmware.annual.total,
      e.platforms.openstack.annual.total,
      e.gapAnnual,
      e.cheaper,
    ]),
  }
}

/** Summary: what the export is of (plan, scenario, date, version) and the answer at the fleet size. */
export function summaryTable(c: ExportContent): Table {
  const e = c.evaluation
  const scenario = scenarioOf(c.plan, c.scenarioId)
  const crossovers = c.curves.crossovers.map((x) => x.vms)
  const rows: CellValue[][] = [
    ['plan', c.plan.name],
    ['scenario', scenario?.name ?? e.scenario],
    ['exported at', c.exportedAt.toISOString()],
    ['Stackplan version', c.appVersion],
    ['currency', e.currency],
    ['fleet size (VMs)', e.vms],
    ['cheaper at the fleet size', e.cheaper],
    [`VMware annual total (${e.currency}/yr)`, e.platforms.vmware.annual.total],
    [`OpenStack annual total (${e.currency}/yr)`, e.platforms.openstack.annual.total],
    [`gap VMware − OpenStack (${e.currency}/yr)`, e.gapAnnual],
    ['crossovers (VMs)', crossovers.length ? crossovers.join('; ') : 'none'],
    ['curve metric', c.curves.metric],
  ]
  if (c.monteCarlo) rows.push(['Monte Carlo', `${c.monteCarlo.samples} samples, seed ${c.monteCarlo.seed}`])
  if (Object.keys(c.overrides).length > 0)
    rows.push(['values set for this export', Object.keys(c.overrides).join(', ')])
  if (c.plan.notes.trim()) rows.push(['notes', c.plan.notes])
  return {
    name: 'Summary',
    columns: [
      { header: 'item', width: 38 },
      { header: 'value', width: 60 },
    ],
    rows,
  }
}

/** The heading of a tornado's measured column at one end, naming the target and its unit. */
function measuredHeader(s: SensitivityResult, end: 'low' | 'high'): string {
  if (s.target === 'moveNpvGain') return `NPV gain of moving at ${end} (${s.currency})`
  if (s.target === 'paybackMonth')
    return `payback month index at ${end} (0 = first month; ${s.months} = none in the horizon)`
  return `gap at ${end} (${s.currency}/yr)`
}

/**
 * Tornado rows: each assumption at its low and high and the measured target at the fleet size each way
 * (the annual cost gap by default; the move's NPV gain or payback month when the tornado was run for them).
 */
export function sensitivityTable(s: SensitivityResult): Table {
  return {
    name: 'Sensitivity',
    columns: [
      { header: 'key', width: 34 },
      { header: 'unit', width: 24 },
      { header: 'value', format: 'decimal' },
      { header: 'low', format: 'decimal' },
      { header: 'high', format: 'decimal' },
      { header: 'range from', width: 10 },
      { header: measuredHeader(s, 'low'), format: s.target === 'paybackMonth' ? 'integer' : 'money' },
      { header: measuredHeader(s, 'high'), format: s.target === 'paybackMonth' ? 'integer' : 'money' },
      { header: 'crossover at low (VMs)', format: 'integer' },
      { header: 'crossover at high (VMs)', format: 'integer' },
    ],
    rows: s.rows.map((r) => [
      r.key,
      findAssumption(r.key)?.unit ?? '',
      r.value,
      r.low,
      r.high,
      r.source,
      r.gapLow,
      r.gapHigh,
      r.crossoverLow,
      r.crossoverHigh,
    ]),
  }
}

/** Monte Carlo bands: P10/P50/P90 of each platform's annual cost and P(OpenStack cheaper) per fleet size. */
export function monteCarloBandsTable(m: MonteCarloResult): Table {
  const unit = `${m.currency}/yr`
  const columns: TableColumn[] = [{ header: 'vms', format: 'integer' }]
  for (const p of PLATFORMS)
    for (const q of ['p10', 'p50', 'p90'] as const)
      columns.push({ header: `${p}.${q} (${unit})`, format: 'money' })
  columns.push({ header: 'P(openstack cheaper)', format: 'percent' })
  return {
    name: 'Monte Carlo bands',
    columns,
    rows: m.vms.map((vms, i) => [
      vms,
      ...PLATFORMS.flatMap((p) => [m.platforms[p].p10[i], m.platforms[p].p50[i], m.platforms[p].p90[i]]),
      m.probabilityOpenstackCheaper[i] as number,
    ]) as CellValue[][],
  }
}

/** Monte Carlo samples: the value each sampled assumption took and the cost gap at the fleet size, per sample. */
export function monteCarloSamplesTable(m: SamplesForCsv): Table {
  const [sample, seed, ...rest] = samplesCsvHeaders(m)
  const gap = rest.pop() as string
  const columns: TableColumn[] = [
    { header: sample as string, format: 'integer' },
    { header: seed as string, format: 'integer' },
    ...rest.map((header): TableColumn => ({ header, format: 'decimal', width: 18 })),
    { header: gap, format: 'money' },
  ]
  return { name: 'Monte Carlo samples', columns, rows: samplesCsvRows(m) }
}

/** Every sheet of the workbook, in order; the analysis sheets only when their results exist. */
export function workbookTables(c: ExportContent): Table[] {
  const tables = [
    summaryTable(c),
    assumptionsTable(c),
    curvesTable(c.curves),
    breakdownTable(c.evaluation),
    scenarioTotalsTable(c),
    scenariosTable(c.plan),
  ]
  if (c.sensitivity) tables.push(sensitivityTable(c.sensitivity))
  if (c.monteCarlo) tables.push(monteCarloBandsTable(c.monteCarlo), monteCarloSamplesTable(c.monteCarlo))
  return tables
}
