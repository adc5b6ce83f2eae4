import type { Assumption, AssumptionValue } from '@models'
import type { NumberFormatter } from './numbers'

/** An assumption value as text for lists and tooltips ("350", "on", "VCF", "168 values"). */
export function formatAssumptionValue(
  a: Assumption,
  value: AssumptionValue | undefined,
  fmt: NumberFormatter,
  words: { on: string; off: string; choice: (option: string, key: string) => string }
): string {
  if (value === undefined) return fmt.number(Number.NaN)
  switch (a.kind) {
    case 'number':
      return typeof value === 'number' ? fmt.number(value, 6) : String(value)
    case 'boolean':
      return value === true ? words.on : words.off
    case 'choice':
      return words.choice(String(value), a.key)
    case 'currency':
      return String(value)
    case 'profile':
      return Array.isArray(value) ? `${value.length} × 1 h` : String(value)
  }
}

/** The text an input shows for a value: plain digits without grouping, so it parses back unchanged. */
export function valueToInputText(value: AssumptionValue | undefined): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (Array.isArray(value)) return value.join(', ')
  return value === undefined ? '' : String(value)
}
