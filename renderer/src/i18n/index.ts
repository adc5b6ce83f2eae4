import { createI18n } from 'vue-i18n'
import { createDefaultPlan, isAssumptionKey, type Assumption } from '@models'
import en, { type MessageSchema } from './en'
import zhCN, { zhAssumptionLabels, zhAssumptionUnits, zhShareUnits } from './zh-CN'
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

const DEFAULT_PLAN_NAME = createDefaultPlan().name

/** The document's name for people: the file name, else the plan's name (the built-in one translated). */
export function documentLabel(doc: { fileName: string | null; planName: string }): string {
  if (doc.fileName) return doc.fileName
  return doc.planName === DEFAULT_PLAN_NAME ? i18n.global.t('app.untitled') : doc.planName
}

/**
 * An assumption's unit in the locale (the catalog speaks English; an unlisted unit stays as it is). Shares
 * are shown in percent, so their unit starts with "%" ("% of VMs that need VM-level HA"). A USD price shown in
 * another currency names that currency ("EUR per core per year", "欧元 / 核 / 年").
 */
export function assumptionUnit(a: Assumption, locale: string, shownCurrency = 'USD'): string {
  const isConverted = shownCurrency !== 'USD' && isUsdPrice(a)
  if (locale === 'zh-CN') {
    if (isShare(a)) return zhShareUnits[a.unit] ?? '%'
    const unit = zhAssumptionUnits[a.unit] ?? a.unit
    return isConverted ? unit.replace(/^(美元|USD)/, currencyNameZh(shownCurrency)) : unit
  }
  if (isShare(a)) return shareUnitEnglish(a.unit)
  return isConverted ? priceUnitIn(a.unit, shownCurrency) : a.unit
}

/** A currency's Chinese name ("欧元" for EUR), else its code. */
function currencyNameZh(code: string): string {
  try {
    return new Intl.DisplayNames('zh-CN', { type: 'currency' }).of(code) ?? code
  } catch {
    return code
  }
}

/** An assumption's label in the locale (the catalog speaks English). */
export function assumptionLabel(a: Assumption, locale: string): string {
  return locale === 'zh-CN' && isAssumptionKey(a.key) ? zhAssumptionLabels[a.key] : a.label
}
