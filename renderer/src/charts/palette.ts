import type { Category, Platform } from '@models'

/** One colour per platform everywhere (Okabe–Ito, colour-blind safe). */
export const PLATFORM_COLORS: Record<Platform, string> = { vmware: '#0072B2', openstack: '#E69F00' }

/** Scenarios vary the dash, never the hue: solid, dashed, dotted, dash-dot, then again. */
export const SCENARIO_DASHES: readonly number[][] = [[], [7, 4], [2, 3], [9, 3, 2, 3]]

export function scenarioDash(index: number): number[] {
  return SCENARIO_DASHES[index % SCENARIO_DASHES.length]!
}

/** Categories in one sequential palette (viridis, dark to light), in CATEGORIES order. */
export const CATEGORY_COLORS: Record<Category, string> = {
  licensing: '#440154',
  support: '#46327e',
  staff: '#365c8d',
  hardware: '#277f8e',
  storage: '#1fa187',
  power: '#4ac16d',
  facility: '#a0da39',
  maintenance: '#fde725',
}

/** Adds alpha to a #rrggbb colour. */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255)
    .toString(16)
    .padStart(2, '0')
  return hex + a
}

/** Tornado bars: the assumption at its low and at its high (Okabe–Ito, distinct from the platform colours). */
export const TORNADO_COLORS = { low: '#009E73', high: '#CC79A7' } as const

/** Opacity of the P10–P90 bands drawn in the platform colour. */
export const BAND_ALPHA = 0.2
