import { createI18n } from 'vue-i18n'
import { createDefaultPlan, isAssumptionKey, type Assumption } from '@models'
import en, { type MessageSchema } from './en'
import zhCN, { zhAssumptionLabels, zhAssumptionUnits, zhShareUnits } from './zh-CN'
import { zhAssumptionRationales } from './zh-rationales'
import { isShare, shareUnitEnglish } from '../format/share'
import { isUsdPrice, priceUnitIn } from '../format/money-entry'
import type { Locale } from '../stores/settings'

export type { MessageSchema }

/** The window's translations; `i18n.global.t` serves stores and composables outside components. */
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN },
  missingWarn: false,
  fallbackWarn: false,
})

const DEFAULT_PLAN = createDefaultPlan()
const DEFAULT_PLAN_NAME = DEFAULT_PLAN.name
const DEFAULT_SCENARIO_NAME = DEFAULT_PLAN.scenarios[0]?.name ?? 'Baseline'

/** The document's name for people: the file name, else the plan's name (the built-in one translated). */
export function documentLabel(doc: { fileName: string | null; planName: string }): string {
  if (doc.fileName) return doc.fileName
  return doc.planName === DEFAULT_PLAN_NAME ? i18n.global.t('app.untitled') : doc.planName
}

/**
 * A scenario's name for people. A new plan's first scenario is stored as "Baseline" in every language (so the
 * file stays the same whichever language made it, docs/FILE-FORMAT.md); while it keeps that name it is shown
 * in the window's language ("基准"). Any other name is the user's and is shown as written.
 */
export function scenarioLabel(name: string): string {
  return name === DEFAULT_SCENARIO_NAME ? i18n.global.t('scenarios.defaultName') : name
}

/**
 * An assumption's unit in the locale (the catalog speaks English; an unlisted unit stays as it is). Shares
 * are shown in percent, so their unit starts with "%" ("% of VMs that need VM-level HA"). A USD price shown in
 * another currency names that currency ("EUR per core per year", "EUR / 核 / 年").
 */
export function assumptionUnit(a: Assumption, locale: string, shownCurrency = 'USD'): string {
  const isConverted = shownCurrency !== 'USD' && isUsdPrice(a)
  if (locale === 'zh-CN') {
    if (isShare(a)) return zhShareUnits[a.unit] ?? '%'
    const unit = zhAssumptionUnits[a.unit] ?? a.unit
    return isConverted ? unit.replace(/^USD/, shownCurrency) : unit
  }
  if (isShare(a)) return shareUnitEnglish(a.unit)
  return isConverted ? priceUnitIn(a.unit, shownCurrency) : a.unit
}

/** An assumption's label in the locale (the catalog speaks English). */
export function assumptionLabel(a: Assumption, locale: string): string {
  return locale === 'zh-CN' && isAssumptionKey(a.key) ? zhAssumptionLabels[a.key] : a.label
}

/**
 * An assumption's source note in the locale: its rationale translated, with the publisher, title and date it
 * cites kept as published (the catalog's `source` is the English text).
 */
export function assumptionRationale(a: Assumption, locale: string): string {
  return locale === 'zh-CN' && isAssumptionKey(a.key) ? zhAssumptionRationales[a.key] : a.source
}
