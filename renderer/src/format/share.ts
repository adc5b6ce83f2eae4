import type { Assumption } from '@models'

/**
 * Shares (the catalog's "fraction …" units) are stored as fractions (0.2) in plans and the model, and shown
 * and typed as percent (20) in the window: "2" for growth means 2 %, never 200 %.
 */
export function isShare(a: Assumption): boolean {
  return a.kind === 'number' && /^fraction\b/.test(a.unit)
}

/** Twelve significant digits drop the binary noise of ×100 and ÷100 (0.07 × 100 = 7.000000000000001). */
const tidy = (v: number): number => Number(v.toPrecision(12))

/** A stored value in the unit the window shows: percent for shares, unchanged otherwise. */
export function toDisplayNumber(a: Assumption, value: number): number {
  return isShare(a) ? tidy(value * 100) : value
}

/** A number typed in the window's unit back to the stored value: a fraction for shares. */
export function fromDisplayNumber(a: Assumption, shown: number): number {
  return isShare(a) ? tidy(shown / 100) : shown
}

/** The number syntax the model's parser accepts (digits, optional grouping commas, a decimal point, e). */
const NUMBER_TEXT = /^[-+]?(\d[\d_,]*\.?\d*|\.\d+)(e[-+]?\d+)?$/i

/**
 * A share typed in percent as the model's text for its fraction: "20", "20%" and "20 %" all give "0.2";
 * "2" gives "0.02". Text that is not a number comes back as typed (without the sign), for the model to refuse.
 */
export function percentToFractionText(typed: string): string {
  const text = typed.trim().replace(/\s*[%％]$/, '')
  if (!NUMBER_TEXT.test(text)) return text
  return String(tidy(Number(text.replace(/[_,]/g, '')) / 100))
}

/** The English unit of a share with "fraction" written as "%": "fraction of VMs …" → "% of VMs …". */
export function shareUnitEnglish(unit: string): string {
  return unit.replace(/^fraction\b/, '%')
}
