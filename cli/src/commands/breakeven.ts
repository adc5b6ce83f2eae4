import { breakEven, findAssumption, type BreakEvenResult } from '../../../models/index'
import { UsageError, withUsageErrors } from '../errors'
import { vmsText } from '../format'
import { PLAN_AT_SIZE_OPTIONS, parseCommandArgs, parseTargetOption, readPlanAtSize } from '../options'

/** The public JSON shape of `stackplan breakeven --json` (docs/CLI.md). */
export function breakEvenJson(b: BreakEvenResult) {
  return { target: b.target, key: b.key, vms: b.vms, value: b.value }
}

const NAMES = { vmware: 'VMware', openstack: 'OpenStack' } as const

/** Who wins at a value, in the target's words. */
function winnerText(b: Pick<BreakEvenResult, 'target' | 'cheaperAtCurrent'>): string {
  const isMove = b.cheaperAtCurrent === 'openstack'
  if (b.target === 'moveNpvGain') return isMove ? 'moving has the lower NPV' : 'staying has the lower NPV'
  if (b.target === 'paybackMonth')
    return isMove ? 'moving pays back inside the horizon' : 'moving does not pay back inside the horizon'
  return `${NAMES[b.cheaperAtCurrent]} is cheaper`
}

function breakEvenText(b: BreakEvenResult): string {
  const a = findAssumption(b.key)
  const unit = a ? ` ${a.unit}` : ''
  const digits = a?.kind === 'number' && a.isInteger ? 0 : 6
  const fmt = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: digits })
  const now = `${b.key} is ${fmt(b.current)}${unit}; at ${vmsText(b.vms)} ${winnerText(b)}.`
  if (b.value === null) return `${now}\n${b.reason ?? 'no break-even'}.`
  const flipped = {
    ...b,
    cheaperAtCurrent: b.cheaperAtCurrent === 'vmware' ? 'openstack' : 'vmware',
  } as const
  const side = b.value < b.current ? 'below' : 'above'
  return `${now}\nBreak-even: ${b.key} = ${fmt(b.value)}${unit}, the first value ${side} the current one at which ${winnerText(flipped)}.`
}

export async function runBreakEven(args: string[]): Promise<string> {
  const { values, positionals } = parseCommandArgs(args, {
    key: { type: 'string' },
    target: { type: 'string' },
    ...PLAN_AT_SIZE_OPTIONS,
  })
  const target = parseTargetOption(values.target as string | undefined)
  const key = values.key as string | undefined
  if (key === undefined)
    throw new UsageError('--key KEY is required (a numeric assumption, e.g. vmware.usdPerCoreYear.vcf)')
  const a = findAssumption(key)
  if (!a) throw new UsageError(`unknown assumption key "${key}" (run \`stackplan assumptions\` for the list)`)
  if (a.kind !== 'number')
    throw new UsageError(`${key} is not a numeric assumption; a break-even needs a number`)
  const { plan, at, isJson } = await readPlanAtSize(values, positionals)
  const result: BreakEvenResult = withUsageErrors(() => breakEven(plan, key, { ...at, target }))
  return isJson ? JSON.stringify(breakEvenJson(result), null, 2) : breakEvenText(result)
}
