import { curvesTable, tableToCsv } from '../../../export/index'
import {
  computeCurves,
  CURVE_LIMITS,
  FLEET_VMS_LIMITS,
  type CostMetric,
  type CurveSet,
} from '../../../models/index'
import { UsageError, withUsageErrors } from '../errors'
import { loadPlan } from '../load-plan'
import { parseCommandArgs, parseIntegerOption, parseSetOptions } from '../options'
import { formatTable, money, number, vmsText } from '../format'

const METRICS: readonly CostMetric[] = ['annual', 'npv', 'perVmMonth']

/** The public JSON shape of `stackplan curves --json`. */
export function curvesJson(c: CurveSet) {
  return {
    currency: c.currency,
    metric: c.metric,
    vms: c.vms,
    platforms: c.platforms,
    crossovers: c.crossovers,
  }
}

/** CSV: one row per fleet size, one column per platform and series, units in the header (export/tables). */
export function curvesCsv(c: CurveSet): string {
  return tableToCsv(curvesTable(c))
}

function curvesTextTable(c: CurveSet): string {
  const rows = [['VMs', 'VMware', 'OpenStack', 'cheaper']]
  c.vms.forEach((vms, i) => {
    const v = c.platforms.vmware.total[i] as number
    const o = c.platforms.openstack.total[i] as number
    rows.push([number(vms), money(v, c.currency), money(o, c.currency), v <= o ? 'VMware' : 'OpenStack'])
  })
  const crossings = c.crossovers.length
    ? c.crossovers
        .map((x) => `at ${vmsText(x.vms)} (${x.cheaperBelow} below, ${x.cheaperAbove} from there)`)
        .join('; ')
    : 'none in this range'
  return [`Metric: ${c.metric} (${c.currency})`, '', formatTable(rows), '', `Crossovers: ${crossings}`].join(
    '\n'
  )
}

export async function runCurves(args: string[]): Promise<string> {
  const { values, positionals } = parseCommandArgs(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    points: { type: 'string' },
    metric: { type: 'string' },
    scenario: { type: 'string' },
    set: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  })
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv')
  const metric = (values.metric as string | undefined) ?? 'annual'
  if (!METRICS.includes(metric as CostMetric))
    throw new UsageError(`--metric ${metric} is not allowed (allowed: ${METRICS.join(', ')})`)
  const fromVms = parseIntegerOption(
    'from',
    values.from as string | undefined,
    FLEET_VMS_LIMITS.min,
    FLEET_VMS_LIMITS.max
  )
  const toVms = parseIntegerOption(
    'to',
    values.to as string | undefined,
    FLEET_VMS_LIMITS.min,
    FLEET_VMS_LIMITS.max
  )
  const points = parseIntegerOption(
    'points',
    values.points as string | undefined,
    CURVE_LIMITS.minPoints,
    CURVE_LIMITS.maxPoints
  )
  const overrides = parseSetOptions(values.set as string[] | undefined)
  const plan = await loadPlan(positionals[0])
  const from = fromVms ?? plan.view.curveFromVms
  const to = toVms ?? plan.view.curveToVms
  if (from >= to) throw new UsageError(`--from ${from} must be below --to ${to}`)
  const curves: CurveSet = withUsageErrors(() =>
    computeCurves(plan, {
      overrides,
      scenarioId: values.scenario as string | undefined,
      metric: metric as CostMetric,
      fromVms: from,
      toVms: to,
      points,
    })
  )
  if (values.json) return JSON.stringify(curvesJson(curves), null, 2)
  if (values.csv) return curvesCsv(curves)
  return curvesTextTable(curves)
}
