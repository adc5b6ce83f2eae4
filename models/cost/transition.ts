import { computeCapacity } from './capacity'
import { discountFactor } from './finance'
import type { ModelInputs } from '../catalog/inputs'
import { vmwareLicensedCoresFor, vmwareUsdPerCoreYear } from './licensing'
import { loadedUsdPerFteYear, platformFte } from './staff'
import { sizeStorage } from './storage'
import { annualRunRate, emptyCosts } from './tco'
import { licenceSchedule, type LicenceTerm } from './transition-licence'
import type { CategoryCosts, Platform } from './types'

/** One path's money, month by month, in the plan's currency (month 0 first). */
export interface PathCash {
  cash: number[]
  cumulative: number[]
}

/** The stay-or-move comparison over the plan's horizon, month by month (docs/MODEL.md "Transition"). */
export interface TransitionResult {
  currency: string
  months: number
  stay: PathCash & {
    vms: number[]
    hosts: number[]
    vmwareLicensedCores: number[]
    terms: LicenceTerm[]
  }
  move: PathCash & {
    vmsOnVmware: number[]
    vmsOnOpenstack: number[]
    hostsVmware: number[]
    hostsOpenstack: number[]
    vmwareLicensedCores: number[]
    terms: LicenceTerm[]
    /** One-off cash per month: adoption, retraining, consultancy, per-VM effort and tooling, retired hosts. */
    oneOff: number[]
  }
  migration: {
    startMonth: number
    /** Month in which the last VM leaves VMware; null when that happens after the horizon (or never starts). */
    endMonth: number | null
    /** Every one-off cost of the move inside the horizon. */
    oneOffCost: number
  }
  /** First month from which the move's cumulative cash stays at or below staying's; null if it never does. */
  paybackMonth: number | null
  npv: { stay: number; move: number }
  /** Cash per plan year (12 months each), for the year-by-year table. */
  yearly: { stay: number[]; move: number[] }
}

/** A platform carrying some VMs: what it runs and what it costs per year, in the plan's currency. */
interface PlatformLoad {
  /** Every node the platform runs (servers and storage nodes). */
  hosts: number
  /** Compute, HA reserve and management/controller servers (the ones licensed, bought and reusable). */
  servers: number
  vmwareCores: number
  fte: number
  run: CategoryCosts
}

const NO_LOAD: PlatformLoad = { hosts: 0, servers: 0, vmwareCores: 0, fte: 0, run: emptyCosts() }

function platformLoad(inp: ModelInputs, platform: Platform, vms: number): PlatformLoad {
  if (vms <= 0) return NO_LOAD
  const capacity = computeCapacity(inp, platform, vms)
  const servers = capacity.computeHosts + capacity.haReserveHosts + capacity.managementHosts
  const hosts = servers + sizeStorage(inp, platform, vms).storageNodes
  return {
    hosts,
    servers,
    vmwareCores: platform === 'vmware' ? vmwareLicensedCoresFor(inp, servers) : 0,
    fte: platformFte(inp, platform, hosts),
    run: annualRunRate(inp, platform, vms),
  }
}

/**
 * A platform's running cost in month `month`, licences left out (they follow the terms), plan currency:
 * the year-1 run rate of annualRunRate ÷ 12 with staff and maintenance escalated by the wage escalation and
 * power by the energy escalation, each compounded per whole plan year.
 */
function runningCostPerMonth(inp: ModelInputs, load: PlatformLoad, month: number): number {
  const year = Math.floor(month / 12)
  const wage = Math.pow(1 + inp.finance.wageEscalation, year)
  const energy = Math.pow(1 + inp.finance.energyEscalation, year)
  const r = load.run
  const flat = r.total - r.licensing - r.staff - r.maintenance - r.power
  return (flat + (r.staff + r.maintenance) * wage + r.power * energy) / 12
}

/** Price per core-year of a term in the plan's currency: list × term factor × (1 − discount) × escalation. */
function termUsdPerCoreYear(inp: ModelInputs, term: LicenceTerm): number {
  const v = inp.vmware
  const factor =
    term.kind === 'current'
      ? 1
      : term.kind === 'bridge' || (term.years === 1 && term.kind === 'renewal')
        ? v.termPriceFactor1y
        : term.years === 5
          ? v.termPriceFactor5y
          : 1
  // The price is fixed when a term is signed: escalation compounds up to the year the term starts.
  const escalation = Math.pow(1 + inp.finance.vmwarePriceEscalation, Math.floor(term.startMonth / 12))
  return vmwareUsdPerCoreYear(inp) * factor * escalation * inp.finance.usdToCurrency
}

/** The fleet in month m: the plan's fleet grown by growthPerYear once per whole year, as evaluate does. */
export function fleetInMonth(inp: ModelInputs, vms: number, month: number): number {
  return Math.max(1, Math.round(vms * Math.pow(1 + inp.workload.growthPerYear, Math.floor(month / 12))))
}

/**
 * VMs on VMware each month of the move: the whole fleet before `startMonth`; from then on `vmsPerMonth`
 * fewer each month (the VMs moved in month m count as moved for all of month m) and never more than the
 * month before — the fleet's growth lands on OpenStack.
 * Example: fleet 100, start 1, 40 per month → [100, 60, 20, 0].
 */
export function vmwareVmsDuringMove(
  fleet: readonly number[],
  startMonth: number,
  vmsPerMonth: number
): number[] {
  const out: number[] = []
  for (let m = 0; m < fleet.length; m++) {
    const f = fleet[m] as number
    if (m < startMonth) out.push(f)
    else out.push(Math.max(0, Math.min(m > 0 ? (out[m - 1] as number) : f, f) - vmsPerMonth))
  }
  return out
}

/**
 * The first month p from which the move's cumulative cash stays at or below staying's:
 * moveCumulative[k] ≤ stayCumulative[k] for every k ≥ p; null when the move costs more at the horizon.
 */
export function paybackMonth(
  stayCumulative: readonly number[],
  moveCumulative: readonly number[]
): number | null {
  let p: number | null = null
  for (let k = stayCumulative.length - 1; k >= 0; k--) {
    if ((moveCumulative[k] as number) <= (stayCumulative[k] as number)) p = k
    else break
  }
  return p
}

function cumulate(cash: readonly number[]): number[] {
  let sum = 0
  return cash.map((c) => (sum += c))
}

/** NPV of monthly cash at a yearly rate: month m is discounted by (1 + rate)^(m / 12), month 0 undiscounted. */
export function monthlyNpv(rate: number, cash: readonly number[]): number {
  let sum = 0
  for (let m = 0; m < cash.length; m++) sum += (cash[m] as number) * discountFactor(rate, m / 12)
  return sum
}

function byYear(cash: readonly number[]): number[] {
  const years: number[] = []
  for (let m = 0; m < cash.length; m++)
    years[Math.floor(m / 12)] = (years[Math.floor(m / 12)] ?? 0) + (cash[m] as number)
  return years
}

/**
 * Stay on VMware or move to OpenStack, month by month over the horizon (finance.horizonYears × 12 months)
 * for a fleet of `vms` VMs growing by workload.growthPerYear (docs/MODEL.md "Transition").
 *
 * Stay: VMware carries the fleet; its running cost is the run rate of evaluate (hardware as straight-line
 * refresh spend) ÷ 12; licences follow the current term until vmware.renewalMonth, then terms of
 * vmware.termYears at list × term factor × (1 − vmware.discount), escalated when each term is signed.
 *
 * Move: from transition.startMonth, transition.vmsPerMonth VMs leave VMware each month. OpenStack runs
 * (and is paid) for the VMs it will carry transition.buildAheadMonths later; VMware runs for the VMs
 * still on it; both teams are paid while both platforms run (each platform's staff from its own node
 * count, with its minimum FTE). Licences cannot shrink inside a term; if VMs remain at the renewal, one-year
 * bridges at the one-year price cover the cores still needed (licenceSchedule). One-offs: OpenStack
 * adoption, retraining (transition.retrainingUsdPerFte × OpenStack FTE) and consultancy when the migration
 * starts; per VM moved, hoursPerVm at the loaded OpenStack hourly rate plus tooling; every VMware server
 * emptied and not reinstalled as OpenStack (transition.reuseHosts) loses strandedLifeFraction × its capex.
 *
 * Payback and NPV: paybackMonth over the cumulative cash; NPV at finance.discountRate, month by month.
 * Money in the plan's currency.
 */
export function computeTransition(inp: ModelInputs, vms: number = inp.fleetVms): TransitionResult {
  const t = inp.transition
  const rate = inp.finance.usdToCurrency
  const months = inp.finance.horizonYears * 12
  const cache = new Map<string, PlatformLoad>()
  const load = (platform: Platform, n: number): PlatformLoad => {
    const id = platform + n
    let found = cache.get(id)
    if (!found) cache.set(id, (found = platformLoad(inp, platform, n)))
    return found
  }

  const fleet = Array.from({ length: months }, (_, m) => fleetInMonth(inp, vms, m))
  const onVmware = vmwareVmsDuringMove(fleet, t.startMonth, t.vmsPerMonth)
  const onOpenstack = fleet.map((f, m) => f - (onVmware[m] as number))
  const openstackBuilt = onOpenstack.map((_, m) => {
    let most = 0
    for (let k = m; k <= Math.min(months - 1, m + t.buildAheadMonths); k++)
      most = Math.max(most, onOpenstack[k] as number)
    return most
  })

  const stayLicence = licenceSchedule({
    neededCores: fleet.map((f) => load('vmware', f).vmwareCores),
    vmwareVms: fleet,
    renewalMonth: inp.vmware.renewalMonth,
    termYears: inp.vmware.termYears,
    bridgeOnly: false,
  })
  const moveLicence = licenceSchedule({
    neededCores: onVmware.map((n) => load('vmware', n).vmwareCores),
    vmwareVms: onVmware,
    renewalMonth: inp.vmware.renewalMonth,
    termYears: inp.vmware.termYears,
    bridgeOnly: true,
  })
  const licenceCost = (schedule: typeof stayLicence, m: number): number => {
    const term = schedule.terms[schedule.termOfMonth[m] as number]
    return term ? ((schedule.licensedCores[m] as number) * termUsdPerCoreYear(inp, term)) / 12 : 0
  }

  // One-off cash of the move.
  const oneOff = new Array<number>(months).fill(0)
  const start = t.startMonth
  if (start < months) {
    const openstackFte = load('openstack', fleet[start] as number).fte
    oneOff[start] =
      (inp.staff.openstack.adoptionUsd + t.consultancyUsd + t.retrainingUsdPerFte * openstackFte) * rate
  }
  const hourlyUsd = loadedUsdPerFteYear(inp, 'openstack') / inp.staff.hoursPerFteYear
  let strandedSoFar = 0
  let vmwareServersPeak = load('vmware', fleet[0] as number).servers
  for (let m = start; m < months; m++) {
    const before = m > 0 ? Math.min(onVmware[m - 1] as number, fleet[m] as number) : (fleet[m] as number)
    const moved = Math.max(0, before - (onVmware[m] as number))
    const wage = Math.pow(1 + inp.finance.wageEscalation, Math.floor(m / 12))
    oneOff[m] = (oneOff[m] as number) + moved * (t.hoursPerVm * hourlyUsd * wage + t.toolingUsdPerVm) * rate
    const servers = load('vmware', onVmware[m] as number).servers
    vmwareServersPeak = Math.max(vmwareServersPeak, servers)
    const emptied = vmwareServersPeak - servers
    const reused = t.isReusingHosts
      ? Math.min(emptied, load('openstack', openstackBuilt[m] as number).servers)
      : 0
    const stranded = Math.max(strandedSoFar, emptied - reused)
    oneOff[m] =
      (oneOff[m] as number) + (stranded - strandedSoFar) * inp.host.capexUsd * t.strandedLifeFraction * rate
    strandedSoFar = stranded
  }

  const stayCash = fleet.map(
    (f, m) => runningCostPerMonth(inp, load('vmware', f), m) + licenceCost(stayLicence, m)
  )
  const moveCash = fleet.map(
    (_, m) =>
      runningCostPerMonth(inp, load('vmware', onVmware[m] as number), m) +
      runningCostPerMonth(inp, load('openstack', openstackBuilt[m] as number), m) +
      licenceCost(moveLicence, m) +
      (oneOff[m] as number)
  )
  const stayCumulative = cumulate(stayCash)
  const moveCumulative = cumulate(moveCash)
  const endIndex = onVmware.findIndex((n, m) => m >= start && n === 0)
  return {
    currency: inp.finance.currency,
    months,
    stay: {
      cash: stayCash,
      cumulative: stayCumulative,
      vms: fleet,
      hosts: fleet.map((f) => load('vmware', f).hosts),
      vmwareLicensedCores: stayLicence.licensedCores,
      terms: stayLicence.terms,
    },
    move: {
      cash: moveCash,
      cumulative: moveCumulative,
      vmsOnVmware: onVmware,
      vmsOnOpenstack: onOpenstack,
      hostsVmware: onVmware.map((n) => load('vmware', n).hosts),
      hostsOpenstack: openstackBuilt.map((n) => load('openstack', n).hosts),
      vmwareLicensedCores: moveLicence.licensedCores,
      terms: moveLicence.terms,
      oneOff,
    },
    migration: {
      startMonth: start,
      endMonth: endIndex < 0 ? null : endIndex,
      oneOffCost: oneOff.reduce((a, b) => a + b, 0),
    },
    paybackMonth: paybackMonth(stayCumulative, moveCumulative),
    npv: {
      stay: monthlyNpv(inp.finance.discountRate, stayCash),
      move: monthlyNpv(inp.finance.discountRate, moveCash),
    },
    yearly: { stay: byYear(stayCash), move: byYear(moveCash) },
  }
}
