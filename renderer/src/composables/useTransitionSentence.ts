import { useI18n } from 'vue-i18n'
import type { TransitionResult } from '@models'
import { useFormat } from './useFormat'

/**
 * The payback in one sentence, one measure only (cumulative cash over the horizon): when moving pays back,
 * what it saves, and that staying is cheaper until then. Months are counted from 1, as people do.
 */
export function useTransitionSentence(): (r: TransitionResult) => string {
  const { t } = useI18n()
  const fmt = useFormat()
  return (r) => {
    const f = fmt.value
    const last = r.months - 1
    const saving = (r.stay.cumulative[last] ?? 0) - (r.move.cumulative[last] ?? 0)
    const yearCount = r.months / 12
    const years = t('headline.years', { n: f.integer(yearCount) }, yearCount)
    if (r.paybackMonth === null) return t('headline.moveNever', { years, extra: f.money(-saving) })
    if (r.paybackMonth === 0) return t('headline.moveAlways', { years, saving: f.money(saving) })
    return t('headline.movePays', { month: f.integer(r.paybackMonth + 1), saving: f.money(saving), years })
  }
}
