import { computed, type ComputedRef } from 'vue'
import { useSettingsStore } from '../stores/settings'

export interface ChartTheme {
  text: string
  muted: string
  grid: string
  surface: string
  rule: string
}

const LIGHT: ChartTheme = {
  text: '#1d232b',
  muted: '#5b6573',
  grid: '#e3e6ea',
  surface: '#ffffff',
  rule: '#1d232b',
}
const DARK: ChartTheme = {
  text: '#e6e9ee',
  muted: '#9aa4b1',
  grid: '#30363e',
  surface: '#1f2329',
  rule: '#e6e9ee',
}

/** Axis, grid and label colours for the current theme (canvas cannot read CSS variables by itself). */
export function useChartTheme(): ComputedRef<ChartTheme> {
  const settings = useSettingsStore()
  return computed(() => (settings.effectiveTheme === 'dark' ? DARK : LIGHT))
}
