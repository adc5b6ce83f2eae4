import { describeRange, findAssumption, type Assumption, type ValueIssue } from '@models'
import { assumptionLabel } from '../i18n'
import { isShare } from './share'

/** What wording an assumption's range and refusals needs: translations, the locale and a number format. */
export interface IssueWords {
  t: (key: string, params?: Record<string, unknown>) => string
  locale: string
  /** A number in the locale, up to 6 decimals. */
  number: (value: number) => string
  /** A choice option of the assumption `key` in the locale. */
  choice: (option: string, key: string) => string
  /** A value in the unit the window shows (a share as "20 %"); defaults to `number`. */
  shown?: (a: Assumption, value: number) => string
  /** Whether a value is shown converted (a USD price in the plan's currency), so its range must be too. */
  converts?: (a: Assumption) => boolean
}

/** The allowed range of an assumption in the window's language ("0 到 10,000" in 中文). */
export function assumptionRangeText(a: Assumption, w: IssueWords): string {
  if (a.kind === 'number') {
    // The model's English range is in stored units; a share is shown and typed in percent, so its range is too.
    // So is a USD price shown in another currency.
    if (w.locale === 'en' && !isShare(a) && !w.converts?.(a)) return describeRange(a)
    const shown = w.shown ?? ((_a: Assumption, v: number) => w.number(v))
    const from = a.minExclusive ? `> ${shown(a, a.min)}` : shown(a, a.min)
    return w.t(a.isInteger ? 'inspector.rangeWhole' : 'inspector.rangeNumber', { from, to: shown(a, a.max) })
  }
  if (w.locale === 'en') return describeRange(a)
  if (a.kind === 'choice') return a.options.map((o) => w.choice(o, a.key)).join(' / ')
  if (a.kind === 'boolean') return `${w.t('inspector.on')} / ${w.t('inspector.off')}`
  return describeRange(a)
}

/**
 * A refused value in the window's language, naming the assumption's label (not its key) and its range,
 * from the model's code and parameters.
 */
export function valueIssueText(issue: ValueIssue, w: IssueWords): string {
  const a = findAssumption(issue.key)
  if (!a || issue.code === 'unknownKey') return w.t('valueIssue.unknownKey', { key: issue.key })
  const range = a.kind === 'choice' ? a.options.map((o) => w.choice(o, a.key)).join(' / ') : assumptionRangeText(a, w)
  return w.t(`valueIssue.${issue.code}`, {
    label: assumptionLabel(a, w.locale),
    range,
    value: issue.value === undefined ? '' : w.shown ? w.shown(a, issue.value) : w.number(issue.value),
  })
}
