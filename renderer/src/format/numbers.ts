import type { CurrencyDisplay } from '../stores/settings'

/**
 * Locale-aware number formatting: Intl everywhere, compact notation for big money ("USD 1.2M", "¥860万"),
 * at most three significant digits where the inputs deserve no more, and never NaN or Infinity on screen.
 */
export interface NumberFormatter {
  locale: string
  currency: string
  /** Compact money for axes, headlines and summaries: "USD 1.2M". */
  money(value: number): string
  /** Full-precision money for tooltips and tables: "USD 1,234,567". */
  moneyFull(value: number): string
  /** A plain number with up to `maxDigits` fraction digits (grouped). */
  number(value: number, maxDigits?: number): string
  /** Three significant digits, grouped: 12,345 → "12,300"; 0.01234 → "0.0123". */
  significant(value: number): string
  /** Whole number, grouped. */
  integer(value: number): string
  /** Compact count for axis ticks: 1k, 10k, 100k (1千, 1万 in Chinese). */
  compactCount(value: number): string
  /** A fraction as percent: 0.234 → "23 %" ("23%" in Chinese). */
  percent(fraction: number, maxDigits?: number): string
}

/** English compact notation writes thousands as "k" in this app ("USD 89k", "10k VMs"), as the UI sketch does. */
const englishThousands = (_match: string, digit: string): string => `${digit}k`

const cache = new Map<string, Intl.NumberFormat>()

function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options)
  let f = cache.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, options)
    cache.set(key, f)
  }
  return f
}

function isIsoCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code })
    return true
  } catch {
    return false
  }
}

export function createNumberFormatter(
  locale: string,
  currency: string,
  display: CurrencyDisplay = 'code',
  notAvailable = 'n/a'
): NumberFormatter {
  const code = isIsoCurrency(currency) ? currency : 'USD'
  const currencyDisplay = display === 'code' ? 'code' : 'narrowSymbol'
  const guard =
    (fn: (v: number) => string) =>
    (v: number): string =>
      Number.isFinite(v) ? fn(v) : notAvailable
  /**
   * Negative money with a true minus sign where the reader expects it: after the code ("USD −12.3k"), before
   * a symbol ("−$12.3k"). Intl would write "-USD 12.3k", which reads as a hyphenated code.
   */
  const signed =
    (fn: (abs: number) => string) =>
    (v: number): string => {
      if (!(v < 0)) return fn(v)
      const text = fn(-v)
      if (display !== 'code') return `\u2212${text}`
      const firstDigit = text.search(/\d/)
      return firstDigit < 0 ? `\u2212${text}` : `${text.slice(0, firstDigit)}\u2212${text.slice(firstDigit)}`
    }
  return {
    locale,
    currency: code,
    money: guard(
      signed((v) => {
        const abs = Math.abs(v)
        if (abs < 1000) {
          const digits = abs < 10 && abs !== 0 ? 2 : 0
          return nf(locale, {
            style: 'currency',
            currency: code,
            currencyDisplay,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(v)
        }
        return nf(locale, {
          style: 'currency',
          currency: code,
          currencyDisplay,
          notation: 'compact',
          maximumSignificantDigits: 3,
        })
          .format(v)
          .replace(/(\d)K\b/, englishThousands)
      })
    ),
    moneyFull: guard(
      signed((v) => {
        const digits = Math.abs(v) < 100 && v !== 0 ? 2 : 0
        return nf(locale, {
          style: 'currency',
          currency: code,
          currencyDisplay,
          maximumFractionDigits: digits,
          minimumFractionDigits: digits,
        }).format(v)
      })
    ),
    number: (v, maxDigits = 2) =>
      Number.isFinite(v) ? nf(locale, { maximumFractionDigits: maxDigits }).format(v) : notAvailable,
    significant: guard((v) =>
      Math.abs(v) >= 1000
        ? nf(locale, { maximumFractionDigits: 0 }).format(Number(v.toPrecision(3)))
        : nf(locale, { maximumSignificantDigits: 3 }).format(v)
    ),
    integer: guard((v) => nf(locale, { maximumFractionDigits: 0 }).format(v)),
    compactCount: guard((v) =>
      nf(locale, { notation: 'compact', maximumFractionDigits: 1 })
        .format(v)
        .replace(/(\d)K\b/, englishThousands)
    ),
    percent: (v, maxDigits = 0) => {
      if (!Number.isFinite(v)) return notAvailable
      // Small shares keep two significant digits so a real difference never reads as "0 %".
      const options: Intl.NumberFormatOptions =
        Math.abs(v) < 0.1 && v !== 0
          ? { style: 'percent', maximumSignificantDigits: 2 }
          : { style: 'percent', maximumFractionDigits: maxDigits }
      const text = nf(locale, options).format(v)
      // This app writes "23 %" in English (a thin space, as the UI sketch does); Intl writes "23%".
      return locale.startsWith('en') ? text.replace('%', '\u202f%') : text
    },
  }
}
