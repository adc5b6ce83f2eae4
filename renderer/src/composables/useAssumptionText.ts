import { useI18n } from 'vue-i18n'
import { describeRange, type Assumption, type AssumptionValue } from '@models'
import { formatAssumptionValue } from '../format/assumptions'
import { assumptionLabel, assumptionUnit } from '../i18n'
import { useFormat } from './useFormat'

/** Words for assumptions in the window's language: labels, units, choice names and values. */
export function useAssumptionText(): {
  label: (a: Assumption) => string
  unit: (a: Assumption) => string
  choice: (option: string) => string
  value: (a: Assumption, v: AssumptionValue | undefined) => string
  range: (a: Assumption) => string
  invalid: (a: Assumption, modelMessage: string) => string
} {
  const { t, te, locale } = useI18n()
  const fmt = useFormat()
  const choice = (option: string): string => (te(`choice.${option}`) ? t(`choice.${option}`) : option)
  const range = (a: Assumption): string => {
    if (locale.value === 'en') return describeRange(a)
    if (a.kind === 'number') {
      const f = fmt.value
      const from = a.minExclusive ? `> ${f.number(a.min, 6)}` : f.number(a.min, 6)
      return t(a.isInteger ? 'inspector.rangeWhole' : 'inspector.rangeNumber', {
        from,
        to: f.number(a.max, 6),
      })
    }
    if (a.kind === 'choice') return a.options.map(choice).join(' / ')
    if (a.kind === 'boolean') return `${t('inspector.on')} / ${t('inspector.off')}`
    return describeRange(a)
  }
  return {
    range,
    // English shows the model's own sentence (it names the key and the range); other languages name the range.
    invalid: (a, modelMessage) =>
      locale.value === 'en'
        ? modelMessage
        : t('inspector.invalidRange', { label: assumptionLabel(a, locale.value), range: range(a) }),
    label: (a) => assumptionLabel(a, locale.value),
    unit: (a) => assumptionUnit(a, locale.value),
    choice,
    value: (a, v) =>
      formatAssumptionValue(a, v, fmt.value, { on: t('inspector.on'), off: t('inspector.off'), choice }),
  }
}
