import { useI18n } from 'vue-i18n'
import { type Assumption, type AssumptionValue, type ValueIssue } from '@models'
import { formatAssumptionValue } from '../format/assumptions'
import { assumptionRangeText, valueIssueText, type IssueWords } from '../format/value-issue'
import { isShare, toDisplayNumber } from '../format/share'
import { assumptionLabel, assumptionRationale, assumptionUnit } from '../i18n'
import { choiceLabel } from '../i18n/choice-labels'
import { explanations } from '../i18n/explanations'
import { useFieldNumbers } from './useFieldNumbers'
import { useFormat } from './useFormat'

/** Words for assumptions in the window's language: labels, units, choice names and values. */
export function useAssumptionText(): {
  label: (a: Assumption) => string
  unit: (a: Assumption) => string
  choice: (option: string, key: string) => string
  value: (a: Assumption, v: AssumptionValue | undefined) => string
  quantity: (a: Assumption, v: number, maxDigits?: number) => string
  range: (a: Assumption) => string
  invalid: (issue: ValueIssue) => string
  explain: (a: Assumption) => string
  source: (a: Assumption) => string
  /** A value in the field's unit with its currency or percent sign ("EUR 322", "20 %"). */
  amount: (a: Assumption, v: number) => string
  /** A stored USD price written in dollars ("USD 350"), the reference beside its converted value. */
  usdReference: (a: Assumption, usd: number) => string
} {
  const { t, locale } = useI18n()
  const fmt = useFormat()
  const fields = useFieldNumbers()
  const currency = (): string => fields.terms.value.currency
  const choice = (option: string, key: string): string => choiceLabel(key, option, locale.value)
  /**
   * A number in the unit the window shows: "20 %" for a share of 0.2, "EUR 322" for a USD 350 price in a
   * plan shown in euros at 0.92, "350" otherwise.
   */
  const shown = (a: Assumption, v: number, maxDigits = 6): string => {
    if (fields.isPrice(a)) return priceText(fmt.value.locale, currency(), fields.toShown(a, v))
    const text = fmt.value.number(toDisplayNumber(a, v), maxDigits)
    return isShare(a) ? `${text}\u202f%` : text
  }
  const words = (): IssueWords => ({
    t: (key, params) => t(key, params ?? {}),
    locale: locale.value,
    number: (v) => fmt.value.number(v, 6),
    choice,
    shown: (a, v) => shown(a, v),
    converts: fields.isPrice,
  })
  const range = (a: Assumption): string => assumptionRangeText(a, words())
  return {
    range,
    // Every language names the assumption's label and its range (a share's in percent), from the model's
    // code and parameters.
    invalid: (issue) => valueIssueText(issue, words()),
    label: (a) => assumptionLabel(a, locale.value),
    explain: (a) => explanations[locale.value === 'zh-CN' ? 'zh-CN' : 'en'][a.key] ?? '',
    // The rationale in the window's language; publishers and titles inside it are cited as published.
    source: (a) => assumptionRationale(a, locale.value),
    unit: (a) => assumptionUnit(a, locale.value, currency()),
    choice,
    // A converted price reads as its number in the plan's currency; lists put the unit beside it.
    value: (a, v) =>
      typeof v === 'number' && isShare(a)
        ? shown(a, v)
        : typeof v === 'number' && fields.isPrice(a)
          ? fmt.value.number(fields.toShown(a, v), 2)
          : formatAssumptionValue(a, v, fmt.value, {
              on: t('inspector.on'),
              off: t('inspector.off'),
              choice,
            }),
    quantity: (a, v, maxDigits = 4) =>
      isShare(a)
        ? shown(a, v, maxDigits)
        : `${fmt.value.number(fields.toShown(a, v), maxDigits)} ${assumptionUnit(a, locale.value, currency())}`,
    amount: (a, v) => shown(a, v),
    usdReference: (_a, v) => priceText(fmt.value.locale, 'USD', v),
  }
}

/** An amount with its currency code and up to two decimals: "EUR 322", "EUR 321.99". */
function priceText(locale: string, code: string, amount: number): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      currencyDisplay: 'code',
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
    }).format(amount)
  } catch {
    return `${code} ${amount}`
  }
}
