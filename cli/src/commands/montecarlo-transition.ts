import type { TransitionMonteCarloResult } from '../../../models/index'
import { money, number, vmsText } from '../format'

/** The public JSON shape of `stackplan montecarlo --target moveNpvGain|paybackMonth --json` (docs/CLI.md). */
export function transitionMonteCarloJson(m: TransitionMonteCarloResult) {
  return {
    samples: m.samples,
    seed: m.seed,
    vms: m.vms,
    months: m.months,
    npvGain: m.npvGain,
    probabilityMoveCheaperNpv: m.probabilityMoveCheaperNpv,
    paybackMonth: m.paybackMonth,
    probabilityPaysBack: m.probabilityPaysBack,
  }
}

function monthText(month: number | null): string {
  return month === null ? 'none inside the horizon' : `month ${number(month + 1)}`
}

/** Readable summary of the stay-or-move Monte Carlo; months counted from 1. */
export function transitionMonteCarloText(m: TransitionMonteCarloResult): string {
  const pct = (p: number): string => `${number(100 * p)} %`
  const cur = m.currency
  return [
    `Monte Carlo of stay or move at ${vmsText(m.vms)}: ${number(m.samples)} samples, seed ${m.seed}, ${m.months} months.`,
    `NPV of staying − NPV of moving: P10 ${money(m.npvGain.p10, cur)}, P50 ${money(m.npvGain.p50, cur)}, P90 ${money(m.npvGain.p90, cur)}; moving has the lower NPV in ${pct(m.probabilityMoveCheaperNpv)} of samples.`,
    `Payback of moving: P10 ${monthText(m.paybackMonth.p10)}, P50 ${monthText(m.paybackMonth.p50)}, P90 ${monthText(m.paybackMonth.p90)}; it pays back inside the horizon in ${pct(m.probabilityPaysBack)} of samples.`,
  ].join('\n')
}
