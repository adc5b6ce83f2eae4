import { planTransition, type TransitionResult } from '../../../models/index'
import { withUsageErrors } from '../errors'
import { formatTable, money, number } from '../format'
import { PLAN_AT_SIZE_OPTIONS, parseCommandArgs, readPlanAtSize } from '../options'

/** The public JSON shape of `stackplan transition --json` (docs/CLI.md), month 0 first. */
export function transitionJson(t: TransitionResult) {
  return {
    currency: t.currency,
    months: t.months,
    stay: { cash: t.stay.cash, cumulative: t.stay.cumulative },
    move: {
      cash: t.move.cash,
      cumulative: t.move.cumulative,
      vmsOnVmware: t.move.vmsOnVmware,
      vmsOnOpenstack: t.move.vmsOnOpenstack,
      vmwareLicensedCores: t.move.vmwareLicensedCores,
    },
    migration: {
      startMonth: t.migration.startMonth,
      endMonth: t.migration.endMonth,
      oneOffCost: t.migration.oneOffCost,
    },
    paybackMonth: t.paybackMonth,
    npv: { stay: t.npv.stay, move: t.npv.move },
  }
}

/**
 * The payback in one sentence, one measure (cumulative cash) only. Months are counted from 1 for people:
 * index 12 is "month 13".
 */
export function paybackSentence(t: TransitionResult): string {
  const last = t.months - 1
  const saving = (t.stay.cumulative[last] as number) - (t.move.cumulative[last] as number)
  const years = t.months / 12
  const over = `over ${number(years)} ${years === 1 ? 'year' : 'years'}`
  if (t.paybackMonth === null) {
    return `Moving to OpenStack does not pay back within ${number(years)} ${years === 1 ? 'year' : 'years'}: it costs ${money(-saving, t.currency)} more ${over} than staying on VMware.`
  }
  if (t.paybackMonth === 0) {
    return `Moving to OpenStack is never dearer than staying and saves ${money(saving, t.currency)} ${over}.`
  }
  return `Moving to OpenStack pays back in month ${t.paybackMonth + 1} and saves ${money(saving, t.currency)} ${over}; staying is cheaper until then.`
}

function migrationSentence(t: TransitionResult): string {
  const m = t.migration
  const cost = money(m.oneOffCost, t.currency)
  if (m.startMonth >= t.months) return `The migration starts after the horizon (month ${m.startMonth + 1}).`
  const end =
    m.endMonth === null ? `is still running at the horizon's end` : `ends in month ${m.endMonth + 1}`
  return `The migration starts in month ${m.startMonth + 1} and ${end}; its one-off cost is ${cost}.`
}

function yearlyTable(t: TransitionResult): string {
  const cur = t.currency
  const rows: string[][] = [
    ['Year', 'Stay', 'Move', 'Move − stay', 'Stay, cumulative', 'Move, cumulative', 'VMs VMware / OpenStack'],
  ]
  t.yearly.stay.forEach((stay, y) => {
    const move = t.yearly.move[y] as number
    const end = Math.min(t.months - 1, y * 12 + 11)
    rows.push([
      String(y + 1),
      money(stay, cur),
      money(move, cur),
      money(move - stay, cur),
      money(t.stay.cumulative[end] as number, cur),
      money(t.move.cumulative[end] as number, cur),
      `${number(t.move.vmsOnVmware[end] as number)} / ${number(t.move.vmsOnOpenstack[end] as number)}`,
    ])
  })
  return formatTable(rows)
}

function transitionText(t: TransitionResult & { scenario: string }): string {
  return [
    `Scenario "${t.scenario}": stay on VMware or move to OpenStack, ${t.months} months (${t.currency}, cash per year; VMs at each year's end)`,
    '',
    yearlyTable(t),
    '',
    `NPV: stay ${money(t.npv.stay, t.currency)}, move ${money(t.npv.move, t.currency)}.`,
    migrationSentence(t),
    paybackSentence(t),
  ].join('\n')
}

export async function runTransition(args: string[]): Promise<string> {
  const { values, positionals } = parseCommandArgs(args, PLAN_AT_SIZE_OPTIONS)
  const { plan, at, isJson } = await readPlanAtSize(values, positionals)
  const result = withUsageErrors(() => planTransition(plan, at))
  return isJson ? JSON.stringify(transitionJson(result), null, 2) : transitionText(result)
}
