import type { Assumption } from '@models'

/** The plan's display currency and its rate: what a USD price becomes in the window. */
export interface MoneyTerms {
  /** ISO 4217 code, e.g. "EUR". */
  currency: string
  /** `finance.usdToCurrency`: currency units per US dollar. */
  usdToCurrency: number
}

/**
 * Prices (the catalog's units that start with "USD": "USD per core per year", "USD, once", …) are stored in
 * US dollars in plans and the model. When the plan shows another currency they are shown and typed in it,
 * converted with the plan's rate at the field's edge, as the results are.
 */
export function isUsdPrice(a: Assumption): boolean {
  return a.kind === 'number' && /^USD\b/.test(a.unit)
}

/** Whether this field is shown in the display currency rather than in US dollars. */
export function isConvertedPrice(a: Assumption, terms: MoneyTerms): boolean {
  return (
    isUsdPrice(a) &&
    terms.currency !== 'USD' &&
    Number.isFinite(terms.usdToCurrency) &&
    terms.usdToCurrency > 0
  )
}

/**
 * Twelve significant digits for the stored dollars: typing the shown maximum (9,200 EUR at 0.92) stores
 * exactly 10,000 USD instead of 10,000.000000000002, which the range would refuse.
 */
const tidyStored = (v: number): number => Number(v.toPrecision(12))

/**
 * Ten significant digits for the shown amount: the stored value carries at most 12 digits, so a typed amount of
 * up to ten digits reads back exactly (100 EUR → 108.695652174 USD → 100 EUR), never 100.00000000008.
 */
const tidyShown = (v: number): number => Number(v.toPrecision(10))

/** A stored USD price in the shown currency (USD × rate); other values unchanged. */
export function usdToShownPrice(a: Assumption, usd: number, terms: MoneyTerms): number {
  return isConvertedPrice(a, terms) ? tidyShown(usd * terms.usdToCurrency) : usd
}

/** A price typed in the shown currency back to stored USD (amount ÷ rate); other values unchanged. */
export function shownPriceToUsd(a: Assumption, shown: number, terms: MoneyTerms): number {
  return isConvertedPrice(a, terms) ? tidyStored(shown / terms.usdToCurrency) : shown
}

/** The number syntax the model's parser accepts (digits, optional grouping commas, a decimal point, e). */
const NUMBER_TEXT = /^[-+]?(\d[\d_,]*\.?\d*|\.\d+)(e[-+]?\d+)?$/i

/**
 * A price typed in the shown currency as the model's text for its dollars: "100" and "100 EUR" at 0.92 give
 * "108.695652174". Text that is not a number comes back as typed (without the code), for the model to refuse.
 */
export function shownPriceToUsdText(a: Assumption, typed: string, terms: MoneyTerms): string {
  if (!isConvertedPrice(a, terms)) return typed
  // The plan's code is a checked ISO 4217 code; keep only its letters before it becomes a pattern.
  const code = terms.currency.replace(/[^A-Za-z]/g, '')
  const text = typed.trim().replace(new RegExp(`^${code}\\s*|\\s*${code}$`, 'gi'), '')
  if (!NUMBER_TEXT.test(text)) return text
  return String(shownPriceToUsd(a, Number(text.replace(/[_,]/g, '')), terms))
}

/** The English unit of a converted price: "USD per core per year" → "EUR per core per year". */
export function priceUnitIn(unit: string, currencyWord: string): string {
  return unit.replace(/^USD\b/, currencyWord)
}
