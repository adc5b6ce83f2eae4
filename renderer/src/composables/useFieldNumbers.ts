import { computed, type ComputedRef } from 'vue'
import type { Assumption } from '@models'
import {
  isConvertedPrice,
  shownPriceToUsd,
  shownPriceToUsdText,
  usdToShownPrice,
  type MoneyTerms,
} from '../format/money-entry'
import { fromDisplayNumber, isShare, percentToFractionText, toDisplayNumber } from '../format/share'
import { usePlanStore } from '../stores/plan'

/**
 * The numbers of the inspector's fields in the unit the window shows: shares in percent, USD prices in the
 * plan's display currency. Plans and the model keep fractions and dollars; conversion happens only here.
 */
export function useFieldNumbers(): {
  terms: ComputedRef<MoneyTerms>
  /** Whether a field is a USD price shown in another currency. */
  isPrice: (a: Assumption) => boolean
  /** A stored value as the field shows it. */
  toShown: (a: Assumption, stored: number) => number
  /** A number typed in the field's unit as the stored value. */
  fromShown: (a: Assumption, shown: number) => number
  /** Typed text as the model's parser reads it (a fraction for shares, dollars for prices). */
  storedText: (a: Assumption, typed: string) => string
} {
  const planStore = usePlanStore()
  const terms = computed<MoneyTerms>(() => ({
    currency: String(planStore.values['finance.currency'] ?? 'USD'),
    usdToCurrency: Number(planStore.values['finance.usdToCurrency'] ?? 1),
  }))
  return {
    terms,
    isPrice: (a) => isConvertedPrice(a, terms.value),
    toShown: (a, stored) => usdToShownPrice(a, toDisplayNumber(a, stored), terms.value),
    fromShown: (a, shown) => fromDisplayNumber(a, shownPriceToUsd(a, shown, terms.value)),
    storedText: (a, typed) =>
      isShare(a) ? percentToFractionText(typed) : shownPriceToUsdText(a, typed, terms.value),
  }
}
