import { useI18n } from 'vue-i18n'
import { type Assumption, type AssumptionValue, type ValueIssue } from '@models'
import { formatAssumptionValue } from '../format/assumptions'
import { assumptionRangeText, valueIssueText, type IssueWords } from '../format/value-issue'
import { assumptionLabel, assumptionUnit } from '../i18n'
import { useFormat } from './useFormat'

/** Words for assumptions in the window's language: labels, units, choice names and values. */
export function useAssumptionText(): {
  label: (a: Assumption) => string
  unit: (a: Assumption) => string
  choice: (option: string) => string
  value: (a: Assumption, v: AssumptionValue | undefined) => string
  range: (a: Assumption) => string
  invalid: (issue: ValueIssue) => string
} {
  const { t, te, locale } = useI18n()
  const fmt = useFormat()
  const choice = (option: string): string => (te(`choice.${option}`) ? t(`choice.${option}`) : option)
  const words = (): IssueWords => ({
    t: (key, params) => t(key, params ?? {}),
    locale: locale.value,
    number: (v) => fmt.value.number(v, 6),
    choice,
  })
  const range = (a: Assumption): string => assumptionRangeText(a, words())
  return {
    range,
    // Every language names the assumption's label and its range, from the model's code and parameters.
    invalid: (issue) => valueIssueText(issue, words()),
    label: (a) => assumptionLabel(a, locale.value),
    unit: (a) => assumptionUnit(a, locale.value),
    choice,
    value: (a, v) =>
      formatAssumptionValue(a, v, fmt.value, { on: t('inspector.on'), off: t('inspector.off'), choice }),
  }
}
