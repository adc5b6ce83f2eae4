import { useI18n } from 'vue-i18n'
import { describeRange, type Assumption, type AssumptionValue } from '@models'
import { formatAssumptionValue } from '../format/assumptions'
import { isShare, toDisplayNumber } from '../format/share'
import { assumptionLabel, assumptionUnit } from '../i18n'
import { explanations } from '../i18n/explanations'
import { useFormat } from './useFormat'

/** Words for assumptions in the window's language: labels, units, choice names and values. */
export function useAssumptionText(): {
  label: (a: Assumption) => string
  unit: (a: Assumption) => string
  choice: (option: string) => string
  value: (a: Assumption, v: AssumptionValue | undefined) => string
  quantity: (a: Assumption, v: number, maxDigits?: number) => string
  range: (a: Assumption) => string
  invalid: (a: Assumption, modelMessage: string) => string
  explain: (a: Assumption) => string
  source: (a: Assumption) => string
} {
  const { t, te, locale } = useI18n()
  const fmt = useFormat()
  const choice = (option: string): string => (te(`choice.${option}`) ? t(`choice.${option}`) : option)
  /** A number in the unit the window shows ("20 %" for a share of 0.2, "350" otherwise). */
  const shown = (a: Assumption, v: number, maxDigits = 6): string => {
    const text = fmt.value.number(toDisplayNumber(a, v), maxDigits)
    return isShare(a) ? `${text}\u202f%` : text
  }
  const range = (a: Assumption): string => {
    if (a.kind === 'number') {
      if (locale.value === 'en' && !isShare(a)) return describeRange(a)
      const from = a.minExclusive ? `> ${shown(a, a.min)}` : shown(a, a.min)
      return t(a.isInteger ? 'inspector.rangeWhole' : 'inspector.rangeNumber', { from, to: shown(a, a.max) })
    }
    // Choices are named by their labels, never by their codes ("vvs, vvep, vvf, vcf").
    if (a.kind === 'choice') return a.options.map(choice).join(' / ')
    if (a.kind === 'boolean') return `${t('inspector.on')} / ${t('inspector.off')}`
    return describeRange(a)
  }
  return {
    range,
    // English shows the model's own sentence (it names the key and the range) except for shares, whose
    // model range is in fractions while the window speaks percent; other languages name the range.
    invalid: (a, modelMessage) =>
      locale.value === 'en' && !isShare(a)
        ? modelMessage
        : t('inspector.invalidRange', { label: assumptionLabel(a, locale.value), range: range(a) }),
    label: (a) => assumptionLabel(a, locale.value),
    explain: (a) => explanations[locale.value === 'zh-CN' ? 'zh-CN' : 'en'][a.key] ?? '',
    // Sources keep their original language: publishers and titles are cited as published.
    source: (a) => a.source,
    unit: (a) => assumptionUnit(a, locale.value),
    choice,
    value: (a, v) =>
      typeof v === 'number' && isShare(a)
        ? shown(a, v)
        : formatAssumptionValue(a, v, fmt.value, { on: t('inspector.on'), off: t('inspector.off'), choice }),
    quantity: (a, v, maxDigits = 4) =>
      isShare(a)
        ? shown(a, v, maxDigits)
        : `${fmt.value.number(v, maxDigits)} ${assumptionUnit(a, locale.value)}`,
  }
}
