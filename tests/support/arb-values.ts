import fc from 'fast-check'
import { CATALOG, HOURS_PER_WEEK, type Assumption, type AssumptionValue } from '../../models/index'

/** A value for one catalog assumption, anywhere in its allowed range. */
export function arbValueFor(a: Assumption): fc.Arbitrary<AssumptionValue> {
  switch (a.kind) {
    case 'number': {
      if (a.isInteger) return fc.integer({ min: Math.ceil(a.min), max: Math.floor(a.max) })
      const min = a.minExclusive ? a.min + 1e-6 : a.min
      return fc.double({ min, max: a.max, noNaN: true, noDefaultInfinity: true })
    }
    case 'boolean':
      return fc.boolean()
    case 'choice':
      return fc.constantFrom(...a.options)
    case 'currency':
      return fc.constantFrom('USD', 'EUR', 'CNY', 'GBP')
    case 'profile':
      return fc
        .array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: HOURS_PER_WEEK,
          maxLength: HOURS_PER_WEEK,
        })
        .map((values) => {
          const max = Math.max(...values)
          return max > 0 ? values.map((v) => v / max) : values.map(() => 1)
        })
  }
}

/** Keys the fleet-size arbitrary sets itself. */
const SKIP = new Set(['fleet.vms'])

/** Random valid assumption values: each catalog key kept at its default or drawn from its range. */
export function arbValues(
  options: { exclude?: readonly string[] } = {}
): fc.Arbitrary<Record<string, AssumptionValue>> {
  const excluded = new Set([...SKIP, ...(options.exclude ?? [])])
  const entries: Record<string, fc.Arbitrary<AssumptionValue>> = {}
  for (const a of CATALOG) if (!excluded.has(a.key)) entries[a.key] = arbValueFor(a)
  // With no required keys every property is optional; drop the ones fast-check left undefined.
  return fc.record(entries, { requiredKeys: [] }).map((record) => {
    const values: Record<string, AssumptionValue> = {}
    for (const [key, value] of Object.entries(record)) if (value !== undefined) values[key] = value
    return values
  })
}
