import { describe, expect, it } from 'vitest'
import {
  CATALOG,
  defaultUncertaintyRange,
  findAssumption,
  parseValueText,
  valueProblem,
  valuesProblems,
  type NumberAssumption,
} from '../../models/index'

// Every public key of ASSUMPTIONS.md, copied here so a rename fails the build. Keys the model-fidelity
// release renamed or split (a planning-file migration maps the old names) appear under their new names.
const DOCUMENTED_KEYS =
  `fleet.vms workload.vcpuPerVm workload.ramGibPerVm workload.diskGibPerVm workload.peakCpuUtilization
workload.petShare workload.ftShare workload.growthPerYear workload.profile host.sockets host.coresPerSocket host.ramGib
host.capexUsd host.depreciationYears host.hwSupportPerYear host.facilityUsdPerYear host.idleWatts host.maxWatts
host.standbyWatts host.vcpuPerCore host.ramUsableFraction host.maxCpuUtilization host.ramOvercommit host.nicGbps
vmware.edition vmware.usdPerCoreYear.vvs vmware.usdPerCoreYear.vvep vmware.usdPerCoreYear.vvf vmware.usdPerCoreYear.vcf
vmware.minCoresPerCpu vmware.minCoresPerOrder vmware.lateRenewalPenalty vmware.vsanTibPerCore.vcf vmware.vsanTibPerCore.vvf
vmware.vsanAddOnUsdPerTibYear vmware.mgmtHosts.vcf vmware.mgmtHosts.other vmware.clusterMaxHosts vmware.haHostFailures
vmware.schedulerEfficiency vmware.dpmEnabled vmware.dpmTargetUtilization vmware.ftMaxVmsPerHost vmware.ftMaxVcpusPerHost
vmware.storage openstack.support openstack.supportUsdPerNodeYear.infra openstack.supportUsdPerSocketPairYear openstack.controllers
openstack.computesPerExtraController openstack.haHostFailures openstack.aggregateMaxHosts openstack.schedulerEfficiency
openstack.consolidationEnabled openstack.consolidationTargetUtilization openstack.ftStrategy openstack.storage
staff.vmware.minFte staff.vmware.fixedFte staff.vmware.hostsPerFte staff.openstack.minFte staff.openstack.fixedFte
staff.openstack.hostsPerFte staff.salaryUsd staff.loadedMultiplier staff.openstack.salaryPremium staff.vmware.adoptionUsd
staff.openstack.adoptionUsd storage.headroom storage.sanUsdPerUsableTb storage.sanDepreciationYears storage.sanSupportPerYear
storage.driveUsdPerRawTb vmware.vsanPolicy storage.cephReplicas storage.cephNodeUsd storage.cephRawTbPerNode
storage.localOverhead maintenance.eventsPerHostYear maintenance.engineerHoursPerEvent maintenance.attendedFraction
migration.linkEfficiency migration.dirtyFactor migration.vmware.concurrentLive migration.vmware.concurrentBlock
migration.openstack.concurrentLive migration.openstack.concurrentBlock power.usdPerKwh power.pue
power.kgCo2PerKwh finance.horizonYears finance.discountRate finance.vmwarePriceEscalation finance.currency
finance.usdToCurrency`.split(/\s+/)

describe('catalog', () => {
  it('has every documented key exactly once', () => {
    const keys = CATALOG.map((a) => a.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const key of DOCUMENTED_KEYS) expect(findAssumption(key), key).toBeDefined()
    expect(DOCUMENTED_KEYS).toHaveLength(95)
  })

  it('keeps each default inside its own range and valid', () => {
    for (const a of CATALOG) expect(valueProblem(a, a.default), a.key).toBeNull()
  })

  it.each([
    // key, default, range from the source note or ±30 %
    ['vmware.usdPerCoreYear.vcf', 350, [185, 395]], // note: paid 185–275, 1-year list 395
    ['vmware.usdPerCoreYear.vvf', 135, [120, 190]], // D: 5-year 120, 1-year MSRP about 190
    ['host.capexUsd', 28_000, [24_000, 36_000]], // E: the range of the component derivation
    ['openstack.supportUsdPerNodeYear.infra', 225, [157.5, 292.5]], // list price: ±30 %
    ['staff.vmware.hostsPerFte', 40, [28, 52]], // E without a range: 40 × 0.7 and × 1.3
    ['migration.openstack.concurrentLive', 1, null], // P: no default range
  ] as const)('gives %s (default %d) the uncertainty range %j', (key, def, range) => {
    const a = findAssumption(key) as NumberAssumption
    expect(a.default).toBe(def)
    const got = defaultUncertaintyRange(a)
    if (range === null) expect(got).toBeNull()
    else {
      expect(got?.[0]).toBeCloseTo(range[0], 9)
      expect(got?.[1]).toBeCloseTo(range[1], 9)
    }
  })

  it('clamps a ±30 % range to the allowed range', () => {
    // host.ramUsableFraction: 0.9 × 1.3 = 1.17 > max 1 → 1; 0.9 × 0.7 = 0.63
    const range = defaultUncertaintyRange(findAssumption('host.ramUsableFraction') as NumberAssumption)
    expect(range?.[0]).toBeCloseTo(0.63, 9)
    expect(range?.[1]).toBe(1)
  })
})

describe('value validation', () => {
  it.each([
    ['power.pue', -1, 'power.pue = -1 is out of range (allowed: 1 to 4)'],
    ['power.pue', Number.NaN, 'power.pue must be a finite number (allowed: 1 to 4)'],
    ['power.pue', Infinity, 'power.pue must be a finite number (allowed: 1 to 4)'],
    ['host.sockets', 2.5, 'host.sockets must be a whole number (allowed: 1 to 8, whole numbers)'],
    [
      'host.capexUsd',
      1e20,
      'host.capexUsd = 100000000000000000000 is out of range (allowed: 0 to 10,000,000)',
    ],
    [
      'finance.usdToCurrency',
      0,
      'finance.usdToCurrency = 0 is out of range (allowed: greater than 0 and at most 1,000,000)',
    ],
    ['vmware.edition', 'vsom', 'vmware.edition must be one of vvs, vvep, vvf, vcf'],
    [
      'finance.currency',
      'usd',
      'finance.currency must be a three-letter ISO 4217 code such as USD, EUR or CNY',
    ],
    ['vmware.dpmEnabled', 'yes', 'vmware.dpmEnabled must be true or false'],
  ])('refuses %s = %s with a message naming the range', (key, value, message) => {
    expect(valueProblem(findAssumption(key)!, value)).toBe(message)
  })

  it('reports unknown keys', () => {
    expect(valuesProblems({ 'no.such.key': 1 })[0]?.message).toMatch(/unknown assumption key "no.such.key"/)
  })

  it.each([
    ['fleet.vms', '2,500', 2500],
    ['host.capexUsd', '1e4', 10_000],
    ['vmware.dpmEnabled', 'off', false],
    ['vmware.edition', 'VVF', 'vvf'],
    ['finance.currency', 'eur', 'EUR'],
  ])('parses the text %s=%s', (key, text, value) => {
    expect(parseValueText(key, text)).toEqual({ ok: true, value })
  })

  it.each(['', 'Infinity', '1e309', 'NaN', '12abc', '0x10'])('refuses the number text %j', (text) => {
    const result = parseValueText('host.capexUsd', text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain('allowed: 0 to 10,000,000')
  })

  it('parses a 168-value profile and refuses one whose peak is not 1', () => {
    const flat = Array.from({ length: 168 }, () => '1').join(',')
    expect(parseValueText('workload.profile', flat).ok).toBe(true)
    const low = Array.from({ length: 168 }, () => '0.5').join(',')
    const result = parseValueText('workload.profile', low)
    expect(result.ok ? '' : result.message).toBe(
      'workload.profile: the busiest hour must be 1 (the weekly peak)'
    )
  })
})
