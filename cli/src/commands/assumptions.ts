import { CATALOG, describeRange, type Assumption } from '../../../models/index'
import { formatTable } from '../format'
import { parseCommandArgs } from '../options'

function defaultText(a: Assumption): string {
  if (a.kind === 'profile') return 'diurnal default (168 values)'
  return String(a.default)
}

/** The public JSON shape of one catalog row. */
function assumptionJson(a: Assumption) {
  const base = {
    key: a.key,
    label: a.label,
    unit: a.unit,
    kind: a.kind,
    default: a.default,
    min: a.kind === 'number' ? a.min : null,
    max: a.kind === 'number' ? a.max : null,
    flag: a.flag,
    source: a.source,
    group: a.group,
    concerns: a.concerns,
  }
  return a.kind === 'choice' ? { ...base, options: a.options } : base
}

export async function runAssumptions(args: string[]): Promise<string> {
  const { values } = parseCommandArgs(args, { json: { type: 'boolean' } }, 0)
  if (values.json) return JSON.stringify(CATALOG.map(assumptionJson), null, 2)
  const rows = [['key', 'default', 'allowed', 'unit', 'flag', 'source']]
  for (const a of CATALOG) rows.push([a.key, defaultText(a), describeRange(a), a.unit, a.flag, a.source])
  return formatTable(rows)
}
