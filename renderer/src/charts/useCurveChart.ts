import { computed, type ComputedRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { scenarioLabel } from '../i18n'
import type {
  ActiveElement,
  Chart,
  ChartData,
  ChartEvent,
  ChartOptions,
  ScatterDataPoint,
  TooltipItem,
} from 'chart.js'
import {
  CATEGORIES,
  DEFAULT_CURVE,
  PLATFORMS,
  type Category,
  type CostMetric,
  type CurveSet,
  type MonteCarloResult,
  type Platform,
} from '@models'
import { useFormat } from '../composables/useFormat'
import { drawnValueAt, moneyLogTicks } from './geometry'
import { fleetSizeAxis } from './fleet-axis'
import { BAND_ALPHA, CATEGORY_COLORS, PLATFORM_COLORS, scenarioDash, withAlpha } from './palette'
import type { CrossoverMark } from './plugins'
import { useChartTheme } from './theme'

export interface CurveChartInput {
  curves: Ref<CurveSet[]>
  activeScenarioId: Ref<string>
  fleetVms: Ref<number>
  metric: Ref<CostMetric>
  isStacked: Ref<boolean>
  stackedPlatform: Ref<Platform>
  /** Monte Carlo bands of the active scenario (annual cost on the curves' grid), drawn under its lines. */
  bands?: Ref<MonteCarloResult | null>
  /** The point the user clicked (linked views), ringed on the chart; null for none. */
  selected?: Ref<CurvePoint | null>
  /** Called with the curve point nearest a click (in height, at the clicked fleet size). */
  onSelect?: (point: CurvePoint) => void
  /** What the NPV assumes (horizon, discount rate, growth), shown under the tooltip's title in the NPV view. */
  npvBasis?: Ref<string>
}

/** A point of one drawn curve: a platform's total (category null) or one category, of one scenario. */
export interface CurvePoint {
  scenarioId: string
  platform: Platform
  category: Category | null
  /** A fleet size on the curve set's grid, VMs (the grid moves with the plan's size; the point follows it). */
  vms: number
}

/** What each dataset draws, in dataset order; null for the bands (they are not selectable). */
type DatasetCurve = Omit<CurvePoint, 'vms'> | null

/** Chart.js data and options for the cost curves, built from the model's CurveSets (no cost maths here). */
export function useCurveChart(input: CurveChartInput): {
  data: ComputedRef<ChartData<'line', ScatterDataPoint[]>>
  options: ComputedRef<ChartOptions<'line'>>
  isLogY: ComputedRef<boolean>
  datasetCurves: ComputedRef<DatasetCurve[]>
} {
  const { t } = useI18n()
  const fmt = useFormat()
  const theme = useChartTheme()

  const active = computed(() => input.curves.value.find((c) => c.scenarioId === input.activeScenarioId.value))

  // Per VM-month is log too: at 10 VMs a VM costs a hundred times what it costs at 10,000, and a linear axis
  // would flatten every realistic fleet against the bottom.
  const isLogY = computed(() => {
    if (input.isStacked.value) return false
    return input.curves.value.every((c) => PLATFORMS.every((p) => c.platforms[p].total.every((v) => v > 0)))
  })

  const points = (xs: readonly number[], ys: readonly number[]): ScatterDataPoint[] =>
    xs.map((x, i) => ({ x, y: ys[i] ?? Number.NaN }))

  /** Band datasets come first, two per platform (P10, then P90 filled down to it); none when hidden. */
  const bands = computed(() => (input.isStacked.value ? null : (input.bands?.value ?? null)))
  const bandCount = computed(() => (bands.value ? PLATFORMS.length * 2 : 0))

  /** Parallel to `data`'s datasets: which curve each one draws. */
  const datasetCurves = computed((): DatasetCurve[] => {
    if (!input.isStacked.value) {
      return [
        ...Array.from({ length: bandCount.value }, () => null),
        ...input.curves.value.flatMap((c) =>
          PLATFORMS.map((platform) => ({ scenarioId: c.scenarioId, platform, category: null }))
        ),
      ]
    }
    const c = active.value
    if (!c) return []
    const stackOf = input.stackedPlatform.value
    const other: Platform = stackOf === 'vmware' ? 'openstack' : 'vmware'
    return [
      ...CATEGORIES.map((category) => ({ scenarioId: c.scenarioId, platform: stackOf, category })),
      { scenarioId: c.scenarioId, platform: other, category: null },
      { scenarioId: c.scenarioId, platform: stackOf, category: null },
    ]
  })

  /** The dataset drawing a point's curve, or -1 when it is not drawn (e.g. a category while unstacked). */
  function datasetIndexOf(point: CurvePoint): number {
    return datasetCurves.value.findIndex(
      (d) =>
        d !== null &&
        d.scenarioId === point.scenarioId &&
        d.platform === point.platform &&
        d.category === point.category
    )
  }

  /**
   * The drawn curve nearest a click: Chart.js gives every dataset's element at the clicked fleet size
   * (interaction mode 'index'); the one closest to the pointer in height wins.
   */
  function pointAt(event: ChartEvent, elements: ActiveElement[], chart: Chart): CurvePoint | null {
    const y = event.y
    if (y === null) return null
    let best: { distance: number; element: ActiveElement } | null = null
    for (const element of elements) {
      if (!datasetCurves.value[element.datasetIndex]) continue
      const distance = Math.abs(element.element.y - y)
      if (!best || distance < best.distance) best = { distance, element }
    }
    if (!best) return null
    const curve = datasetCurves.value[best.element.datasetIndex]
    const raw = chart.data.datasets[best.element.datasetIndex]?.data[best.element.index] as
      ScatterDataPoint | undefined
    if (!curve || !raw) return null
    return { ...curve, vms: Number(raw.x) }
  }

  const data = computed((): ChartData<'line', ScatterDataPoint[]> => {
    const curves = input.curves.value
    if (!input.isStacked.value) {
      const b = bands.value
      const bandSets = b
        ? PLATFORMS.flatMap((p) => [
            {
              label: `${t(`platform.${p}`)} P10`,
              data: points(b.vms, b.platforms[p].p10),
              borderColor: 'transparent',
              borderWidth: 0,
              pointRadius: 0,
              pointHoverRadius: 0,
              order: 2,
            },
            {
              label: `${t(`platform.${p}`)} ${t('chart.band')}`,
              data: points(b.vms, b.platforms[p].p90),
              borderColor: 'transparent',
              backgroundColor: withAlpha(PLATFORM_COLORS[p], BAND_ALPHA),
              borderWidth: 0,
              pointRadius: 0,
              pointHoverRadius: 0,
              fill: '-1',
              order: 2,
            },
          ])
        : []
      return {
        datasets: [
          ...bandSets,
          ...curves.flatMap((c, index) => {
            const isActive = c.scenarioId === input.activeScenarioId.value
            return PLATFORMS.map((p) => ({
              label: `${t(`platform.${p}`)} · ${scenarioLabel(c.scenarioName)}`,
              data: points(c.vms, c.platforms[p].total),
              borderColor: isActive ? PLATFORM_COLORS[p] : withAlpha(PLATFORM_COLORS[p], 0.75),
              backgroundColor: PLATFORM_COLORS[p],
              borderDash: scenarioDash(index),
              borderWidth: isActive ? 3 : 1.75,
              pointRadius: 0,
              pointHoverRadius: 4,
              order: isActive ? 0 : 1,
            }))
          }),
        ],
      }
    }
    const c = active.value
    if (!c) return { datasets: [] }
    const stackOf = input.stackedPlatform.value
    const other: Platform = stackOf === 'vmware' ? 'openstack' : 'vmware'
    return {
      datasets: [
        ...CATEGORIES.map((cat, i) => ({
          label: `${t(`platform.${stackOf}`)} · ${t(`category.${cat}`)}`,
          data: points(c.vms, c.platforms[stackOf][cat]),
          borderColor: CATEGORY_COLORS[cat],
          backgroundColor: withAlpha(CATEGORY_COLORS[cat], 0.55),
          borderWidth: 1,
          pointRadius: 0,
          fill: i === 0 ? 'origin' : '-1',
          stack: 'categories',
        })),
        {
          label: `${t(`platform.${other}`)} · ${t('category.total')}`,
          data: points(c.vms, c.platforms[other].total),
          borderColor: PLATFORM_COLORS[other],
          backgroundColor: PLATFORM_COLORS[other],
          borderWidth: 3,
          pointRadius: 0,
          stack: 'other',
        },
        {
          label: `${t(`platform.${stackOf}`)} · ${t('category.total')}`,
          data: points(c.vms, c.platforms[stackOf].total),
          borderColor: PLATFORM_COLORS[stackOf],
          backgroundColor: PLATFORM_COLORS[stackOf],
          borderWidth: 2,
          pointRadius: 0,
          stack: 'own',
        },
      ],
    }
  })

  const crossovers = computed((): CrossoverMark[] => {
    const c = active.value
    if (!c || input.isStacked.value) return []
    return c.crossovers.map((x) => ({
      vms: x.vms,
      y: drawnValueAt(c.vms, c.platforms.vmware.total, x.vms, isLogY.value),
      label: t('chart.crossover', { vms: fmt.value.integer(x.vms) }, x.vms),
    }))
  })

  const selectedMark = computed(() => {
    const point = input.selected?.value
    if (!point) return undefined
    const datasetIndex = datasetIndexOf(point)
    const index =
      input.curves.value.find((c) => c.scenarioId === point.scenarioId)?.vms.indexOf(point.vms) ?? -1
    return datasetIndex < 0 || index < 0
      ? undefined
      : { datasetIndex, index, color: PLATFORM_COLORS[point.platform] }
  })

  const yTitle = computed(() =>
    input.metric.value === 'annual'
      ? t('chart.yAnnual')
      : input.metric.value === 'npv'
        ? t('chart.yNpv')
        : t('chart.yPerVmMonth')
  )

  const options = computed((): ChartOptions<'line'> => {
    const th = theme.value
    const f = fmt.value
    const c = active.value
    const xs = c?.vms ?? [DEFAULT_CURVE.fromVms, DEFAULT_CURVE.toVms]
    const xMin = xs[0] ?? 10
    const xMax = xs[xs.length - 1] ?? DEFAULT_CURVE.toVms
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      onClick: (event: ChartEvent, elements: ActiveElement[], chart: Chart) => {
        if (!input.onSelect) return
        const point = pointAt(event, elements, chart)
        if (point) input.onSelect(point)
      },
      onHover: (_event: ChartEvent, elements: ActiveElement[], chart: Chart) => {
        if (input.onSelect) chart.canvas.style.cursor = elements.length > 0 ? 'pointer' : 'default'
      },
      layout: { padding: { top: 4, right: 12 } },
      scales: {
        x: fleetSizeAxis({
          xMin,
          xMax,
          title: t('chart.xAxis'),
          titleColor: th.muted,
          gridColor: th.grid,
          tickColor: th.muted,
          formatCount: f.compactCount,
        }),
        y: isLogY.value
          ? {
              type: 'logarithmic',
              title: { display: true, text: yTitle.value, color: th.muted },
              grid: { color: th.grid },
              ticks: { color: th.muted, autoSkip: true, callback: (v) => f.money(Number(v)) },
              afterBuildTicks: (axis) => {
                axis.ticks = moneyLogTicks(axis.min, axis.max).map((value) => ({ value }))
              },
            }
          : {
              type: 'linear',
              beginAtZero: true,
              stacked: input.isStacked.value,
              title: { display: true, text: yTitle.value, color: th.muted },
              grid: { color: th.grid },
              ticks: { color: th.muted, callback: (v) => f.money(Number(v)) },
            },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          // A band shows as one line, "P10–P90: low – high", on its P90 item; its P10 item is left out.
          filter: (item: TooltipItem<'line'>) =>
            !(item.datasetIndex < bandCount.value && item.datasetIndex % 2 === 0),
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => {
              const vms = Number((items[0]?.raw as ScatterDataPoint | undefined)?.x)
              return t('chart.tooltipTitle', { vms: f.integer(vms) }, vms)
            },
            afterTitle: () => (input.metric.value === 'npv' ? (input.npvBasis?.value ?? '') : ''),
            label: (item: TooltipItem<'line'>) => {
              const y = Number((item.raw as ScatterDataPoint).y)
              if (item.datasetIndex >= bandCount.value)
                return `${item.dataset.label ?? ''}: ${f.moneyFull(y)}`
              const low = item.chart.data.datasets[item.datasetIndex - 1]?.data[
                item.dataIndex
              ] as ScatterDataPoint
              return `${item.dataset.label ?? ''}: ${f.money(Number(low?.y))} – ${f.money(y)}`
            },
            footer: (items: TooltipItem<'line'>[]) => {
              const i = items[0]?.dataIndex
              if (!c || i === undefined || input.isStacked.value) return ''
              const lines = CATEGORIES.map(
                (cat) =>
                  `${t(`category.${cat}`)}: ${f.money(c.platforms.vmware[cat][i] ?? NaN)} / ${f.money(
                    c.platforms.openstack[cat][i] ?? NaN
                  )}`
              )
              return [t('chart.breakdownOf', { scenario: scenarioLabel(c.scenarioName) }), ...lines]
            },
          },
        },
        stackplanMarks: {
          fleetVms: input.fleetVms.value,
          fleetLabel: t('chart.you', { vms: f.integer(input.fleetVms.value) }),
          crossovers: crossovers.value,
          selected: selectedMark.value,
          ruleColor: th.rule,
          textColor: th.text,
          backgroundColor: withAlpha(th.surface, 0.9),
        },
      },
    }
  })

  return { data, options, isLogY, datasetCurves }
}
