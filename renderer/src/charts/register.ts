import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  Legend,
  LineElement,
  LogarithmicScale,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js'

/** Only the controllers, elements and scales the planner draws with. */
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  LinearScale,
  LineController,
  Legend,
  LineElement,
  LogarithmicScale,
  PointElement,
  Title,
  Tooltip
)
// The window draws its legends in HTML; Legend and Title are for exported PNGs, which must stand alone.
Chart.defaults.plugins.legend.display = false
Chart.defaults.animation = false
Chart.defaults.font.family =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif'

export { Chart }
