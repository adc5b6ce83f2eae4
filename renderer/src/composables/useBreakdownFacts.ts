import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { PLATFORMS, type Evaluation, type Platform } from '@models'
import { useFormat } from './useFormat'

/** One row of the nodes-and-staff table: a label and one formatted value per platform. */
export interface FactRow {
  label: string
  values: string[]
}

const BINDING_KEYS = { vcpu: 'bindingVcpu', cpu: 'bindingCpu', ram: 'bindingRam', ft: 'bindingFt' } as const

/**
 * The nodes, licensed cores, staff and per-VM figures beside the breakdown, shared by the window and the
 * report. `npv` 'compact' suits the window (USD 4.6M); 'full' suits the printed report.
 */
export function useBreakdownFacts(
  evaluation: () => Evaluation | null,
  options: { npv: 'compact' | 'full' }
): ComputedRef<FactRow[]> {
  const { t } = useI18n()
  const fmt = useFormat()
  return computed(() => {
    const e = evaluation()
    if (!e) return []
    const f = fmt.value
    const row = (label: string, get: (p: Platform) => string): FactRow => ({
      label,
      values: PLATFORMS.map(get),
    })
    const money = options.npv === 'full' ? f.moneyFull : f.money
    return [
      row(t('breakdown.compute'), (p) => f.integer(e.platforms[p].nodes.compute)),
      row(t('breakdown.haReserve'), (p) => f.integer(e.platforms[p].nodes.haReserve)),
      row(t('breakdown.management'), (p) => f.integer(e.platforms[p].nodes.management)),
      row(t('breakdown.storageNodes'), (p) => f.integer(e.platforms[p].nodes.storage)),
      row(t('breakdown.totalNodes'), (p) => f.integer(e.platforms[p].nodes.total)),
      row(t('breakdown.binding'), (p) => t(`breakdown.${BINDING_KEYS[e.platforms[p].capacity.binding]}`)),
      row(t('breakdown.licensedCores'), (p) =>
        p === 'vmware' ? f.integer(e.platforms[p].licensedCores) : '—'
      ),
      row(t('breakdown.fte'), (p) => f.number(e.platforms[p].fte, 1)),
      row(t('breakdown.perVmMonth'), (p) => f.moneyFull(e.platforms[p].perVmMonth)),
      row(t('breakdown.horizonNpv', { years: e.platforms.vmware.horizon.years }), (p) =>
        money(e.platforms[p].horizon.npv)
      ),
    ]
  })
}
