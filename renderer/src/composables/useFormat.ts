import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { createNumberFormatter, type NumberFormatter } from '../format/numbers'
import { usePlanStore } from '../stores/plan'
import { useSettingsStore } from '../stores/settings'

/** The number formatter for the window's locale, the plan's currency and the chosen currency display. */
export function useFormat(): ComputedRef<NumberFormatter> {
  const settings = useSettingsStore()
  const planStore = usePlanStore()
  const { t } = useI18n()
  return computed(() =>
    createNumberFormatter(
      settings.locale,
      String(planStore.values['finance.currency'] ?? 'USD'),
      settings.currencyDisplay,
      t('format.na')
    )
  )
}

/** "640 VMs", "640 and 12,000 VMs" in the locale. */
export function useVmsList(): (values: readonly number[]) => string {
  const { t } = useI18n()
  const fmt = useFormat()
  return (values) => {
    const parts = values.map((v) => fmt.value.integer(v))
    const last = parts.pop() ?? ''
    const joined = parts.length === 0 ? last : t('format.listMore', { rest: parts.join(', '), last })
    // One VM is singular; a list of sizes reads as plural ("10 and 100 VMs").
    return t('format.vmsCount', { n: joined }, values.length === 1 ? (values[0] ?? 0) : 2)
  }
}
