/** Why a licence term was bought. */
export type LicenceTermKind = 'current' | 'renewal' | 'bridge'

/** One VMware subscription term inside the horizon. */
export interface LicenceTerm {
  kind: LicenceTermKind
  /** First month of the term (0 = the plan's first month; the current term starts at 0 here). */
  startMonth: number
  /** Months of the term that fall inside the horizon. */
  months: number
  /** Term length bought, years (the current term: the years left of it, rounded up). */
  years: number
}

/** The VMware cores licensed each month and the terms they are bought under. */
export interface LicenceSchedule {
  licensedCores: number[]
  /** Index into `terms` for every month, −1 when no licence runs that month. */
  termOfMonth: number[]
  terms: LicenceTerm[]
}

/**
 * VMware subscription terms over a horizon of `neededCores.length` months (Broadcom subscriptions: a term is
 * bought for a number of cores and cannot be reduced until it ends; cores can be added at any time).
 * The current term runs from month 0 until `renewalMonth`. From the renewal on:
 * - staying (`bridgeOnly` false) renews for `termYears` again and again;
 * - moving (`bridgeOnly` true) renews only while VMs remain on VMware at a term's start, each time for one
 *   year (a bridge at the one-year price); once a term starts with no VMs left, licensing stops.
 * Inside a term the cores licensed are the running maximum of the cores needed since the term began:
 * licensedCores[m] = max(neededCores[m], licensedCores[m − 1]) when m − 1 is in the same term.
 * Example: needed [32, 32, 16, 16], renewal at month 2, bridge terms, VMs left [2, 2, 1, 0] → the current
 * term licenses [32, 32]; month 2 starts a bridge at 16 cores and month 3 stays in it at 16.
 */
export function licenceSchedule(options: {
  neededCores: readonly number[]
  vmwareVms: readonly number[]
  renewalMonth: number
  termYears: number
  bridgeOnly: boolean
}): LicenceSchedule {
  const { neededCores, vmwareVms, renewalMonth, termYears, bridgeOnly } = options
  const months = neededCores.length
  const terms: LicenceTerm[] = []
  const termOfMonth: number[] = []
  const licensedCores: number[] = []
  let termEnd = 0
  let isLicensing = true
  for (let m = 0; m < months; m++) {
    if (m === 0 && renewalMonth > 0) {
      termEnd = renewalMonth
      terms.push({ kind: 'current', startMonth: 0, months: 0, years: Math.ceil(renewalMonth / 12) })
    } else if (m >= termEnd && isLicensing) {
      const vmsLeft = vmwareVms[m] as number
      if (bridgeOnly && vmsLeft <= 0) {
        isLicensing = false
      } else {
        const years = bridgeOnly ? 1 : termYears
        termEnd = m + 12 * years
        terms.push({ kind: bridgeOnly ? 'bridge' : 'renewal', startMonth: m, months: 0, years })
      }
    }
    if (!isLicensing) {
      termOfMonth.push(-1)
      licensedCores.push(0)
      continue
    }
    const termIndex = terms.length - 1
    const term = terms[termIndex] as LicenceTerm
    term.months += 1
    const needed = neededCores[m] as number
    const previous = m > term.startMonth ? (licensedCores[m - 1] as number) : 0
    termOfMonth.push(termIndex)
    licensedCores.push(Math.max(needed, previous))
  }
  return { licensedCores, termOfMonth, terms }
}
