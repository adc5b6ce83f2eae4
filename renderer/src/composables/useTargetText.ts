import { useI18n } from 'vue-i18n'
import type { AnalysisTarget } from '@models'
import { useFormat } from './useFormat'

/** What a target's values need to be read: the target and the horizon in months (payback "none" past it). */
export interface TargetScale {
  target: AnalysisTarget
  months: number
}

/**
 * Words for an analysis target's values (models/analysis/target.ts): money for the annual gap and the move's
 * NPV gain; for the payback month, "month 13" counted from 1 as the CLI prints it, or "none" when the move
 * does not pay back within the horizon (the model's value is then the horizon's length in months).
 */
export function useTargetText() {
  const { t } = useI18n()
  const fmt = useFormat()
  /** A value, compact money on axes and in sentences. */
  function value(s: TargetScale, v: number, isFull = false): string {
    if (s.target !== 'paybackMonth') return isFull ? fmt.value.moneyFull(v) : fmt.value.money(v)
    return v >= s.months
      ? t('sensitivity.noPayback')
      : t('sensitivity.month', { month: fmt.value.integer(v + 1) })
  }
  /** An axis tick: money, or a month number counted from 1 (the horizon's end reads "none"). */
  function tick(s: TargetScale, v: number): string {
    if (s.target !== 'paybackMonth') return fmt.value.money(v)
    return v >= s.months ? t('sensitivity.noPayback') : fmt.value.integer(v + 1)
  }
  function axisTitle(target: AnalysisTarget): string {
    if (target === 'moveNpvGain') return t('sensitivity.xAxisNpv')
    if (target === 'paybackMonth') return t('sensitivity.xAxisPayback', { none: t('sensitivity.noPayback') })
    return t('sensitivity.xAxis')
  }
  /** The target's value now, in a sentence (the transition targets; the annual gap has its own). */
  function sentence(s: TargetScale, v: number): string {
    if (s.target === 'moveNpvGain')
      return t(v >= 0 ? 'sensitivity.targetNpv' : 'sensitivity.targetNpvLoss', {
        gain: fmt.value.money(Math.abs(v)),
      })
    return v >= s.months
      ? t('sensitivity.targetNoPayback', { months: fmt.value.integer(s.months) })
      : t('sensitivity.targetPayback', {
          month: fmt.value.integer(v + 1),
          months: fmt.value.integer(s.months),
        })
  }
  return { value, tick, axisTitle, sentence }
}
