/** Hours in the weekly load profile: Monday 00:00 is hour 0, Sunday 23:00 is hour 167. */
export const HOURS_PER_WEEK = 168

/** 365.25 days / 7: weeks in an average year, to turn one modelled week into a year. */
export const WEEKS_PER_YEAR = 365.25 / 7

/**
 * Weekday shape of the default diurnal profile, fraction of the weekly peak per hour 00:00–23:00.
 * Trough 0.35 at 03:00–05:00 and peak 1.0 at 13:00–16:00 as ASSUMPTIONS.md states; the shoulders between
 * them are an estimate (daily cycles of this shape appear in public cluster traces such as Alibaba
 * cluster-trace-v2018).
 */
const WEEKDAY_SHAPE = [
  0.5, 0.44, 0.38, 0.35, 0.35, 0.4, 0.5, 0.62, 0.75, 0.85, 0.92, 0.96, 0.98, 1, 1, 1, 0.96, 0.9, 0.82, 0.74,
  0.67, 0.61, 0.56, 0.52,
] as const

/** Weekend days carry 0.7 × the weekday load (ASSUMPTIONS.md, workload.profile). */
const WEEKEND_FACTOR = 0.7

function weekFromDays(weekday: readonly number[], weekend: readonly number[]): number[] {
  const week: number[] = []
  for (let day = 0; day < 7; day++) week.push(...(day < 5 ? weekday : weekend))
  return week
}

/** The default 168-hour profile: weekdays as WEEKDAY_SHAPE, Saturday and Sunday at 0.7 × that. */
export function defaultProfile(): number[] {
  return weekFromDays(
    WEEKDAY_SHAPE,
    WEEKDAY_SHAPE.map((v) => v * WEEKEND_FACTOR)
  )
}

export type ProfilePreset = 'diurnal' | 'officeHours' | 'flat' | 'batchAtNight'

/**
 * Named profile presets offered by the UI. Office hours: 1.0 from 08:00 to 18:00 on weekdays, 0.2 otherwise.
 * Flat: 1.0 all week (nothing to power down). Batch at night: 1.0 from 22:00 to 06:00 every day, 0.5 by day.
 */
export function profilePreset(preset: ProfilePreset): number[] {
  switch (preset) {
    case 'diurnal':
      return defaultProfile()
    case 'flat':
      return new Array<number>(HOURS_PER_WEEK).fill(1)
    case 'officeHours': {
      const day = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 18 ? 1 : 0.2))
      return weekFromDays(day, new Array<number>(24).fill(0.2))
    }
    case 'batchAtNight': {
      const day = Array.from({ length: 24 }, (_, h) => (h >= 22 || h < 6 ? 1 : 0.5))
      return weekFromDays(day, day)
    }
  }
}

/** Why a profile is unusable, or null when it has 168 finite values in [0, 1] whose maximum is 1. */
export function profileProblem(values: unknown): string | null {
  if (!Array.isArray(values) || values.length !== HOURS_PER_WEEK) return 'needs exactly 168 hourly values'
  let max = 0
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
      return 'every hourly value must be 0–1'
    if (v > max) max = v
  }
  if (Math.abs(max - 1) > 1e-9) return 'the busiest hour must be 1 (the weekly peak)'
  return null
}

/** Scales a hand-shaped profile so its busiest hour is 1; an all-zero profile becomes flat. */
export function normalizeProfile(values: readonly number[]): number[] {
  const max = Math.max(0, ...values.map((v) => (Number.isFinite(v) ? Math.max(0, v) : 0)))
  if (max === 0) return new Array<number>(HOURS_PER_WEEK).fill(1)
  return values.map((v) => Math.min(1, Math.max(0, Number.isFinite(v) ? v / max : 0)))
}
