import { describe, expect, it } from 'vitest'
import {
  defaultProfile,
  profilePreset,
  evaluatePlan,
  createDefaultPlan,
  hostWatts,
  lowLoadWindowHours,
  simulatePowerWeek,
  WEEKS_PER_YEAR,
  type PowerWeekInput,
} from '../../models/index'

/** A two-level week: 12 busy hours (load 1.0) and 12 quiet hours (load 0.25) every day. */
const twoLevel = Array.from({ length: 168 }, (_, h) => (h % 24 < 12 ? 0.25 : 1))

const base: PowerWeekInput = {
  profile: twoLevel,
  vmHosts: 10,
  reserveHosts: 1,
  coresPerHost: 64,
  busyCoresAtPeak: 320, // 5 hosts' worth of cores at 100 %
  memoryHosts: 2,
  idleWatts: 150,
  maxWatts: 750,
  standbyWatts: 10,
  alwaysOnWatts: 0,
  targetUtilization: 0.5,
  isPowerManaged: true,
  pue: 1,
  wantWeek: true,
}

describe('host power', () => {
  it('is linear between idle and full load', () => {
    expect(hostWatts(156, 732, 0)).toBe(156)
    expect(hostWatts(156, 732, 1)).toBe(732)
    expect(hostWatts(156, 732, 0.5)).toBe(444) // 156 + 0.5 × 576
  })
})

describe('the 168-hour week with DPM', () => {
  it('powers hosts down in the quiet hours of a two-level profile', () => {
    const r = simulatePowerWeek(base)
    // busy: 320 cores / (64 × 0.5) = 10 hosts + 1 reserve → capped at the 10 that exist
    // quiet: 80 cores / 32 = 2.5 → 3 hosts (memory needs 2) + 1 reserve = 4 on, 6 in standby
    expect(r.week?.hostsOnWith.slice(0, 24)).toEqual([...Array(12).fill(4), ...Array(12).fill(10)])
    expect(r.minHostsOn).toBe(4)
    expect(r.isMemoryBound).toBe(false)
    // Dynamic draw is the same with and without: (750 − 150) / 64 W per busy core.
    // Without: 10 × 150 all week = 1500 W × 168 h = 252 kWh idle part.
    // With: busy hours 84 × 1500 W + quiet hours 84 × (4 × 150 + 6 × 10) = 126 + 84 × 660 / 1000 = 126 + 55.44 kWh.
    // Saving = 252 − 181.44 = 70.56 kWh a week.
    expect(r.kwhPerWeekWithout - r.kwhPerWeekWith).toBeCloseTo(70.56, 6)
    // Without, total = idle 252 kWh + dynamic (84 × 320 + 84 × 80) cores·h × 9.375 W = 33,600 × 9.375 Wh = 315 kWh
    expect(r.kwhPerWeekWithout).toBeCloseTo(252 + 315, 6)
  })

  it('is held up by memory when RAM needs more hosts than CPU', () => {
    const r = simulatePowerWeek({ ...base, memoryHosts: 6.2 })
    // quiet: max(3 CPU hosts, ⌈6.2⌉ = 7 memory hosts) + 1 = 8 on
    expect(r.minHostsOn).toBe(8)
    expect(r.isMemoryBound).toBe(true)
  })

  it('saves nothing when switched off or when standby draws as much as idle', () => {
    const off = simulatePowerWeek({ ...base, isPowerManaged: false })
    expect(off.kwhPerWeekWith).toBe(off.kwhPerWeekWithout)
    const noGain = simulatePowerWeek({ ...base, standbyWatts: 150 })
    expect(noGain.kwhPerWeekWith).toBe(noGain.kwhPerWeekWithout)
  })

  it('gives the same energy whether it walks 168 hours or the distinct load levels', () => {
    for (const profile of [twoLevel, defaultProfile(), profilePreset('officeHours')]) {
      const hourly = simulatePowerWeek({ ...base, profile, wantWeek: true })
      const byLevel = simulatePowerWeek({ ...base, profile, wantWeek: false })
      expect(byLevel.kwhPerWeekWith).toBeCloseTo(hourly.kwhPerWeekWith, 9)
      expect(byLevel.kwhPerWeekWithout).toBeCloseTo(hourly.kwhPerWeekWithout, 9)
      expect(byLevel.minHostsOn).toBe(hourly.minHostsOn)
      expect(byLevel.isMemoryBound).toBe(hourly.isMemoryBound)
    }
  })

  it('multiplies IT energy by PUE', () => {
    const r1 = simulatePowerWeek(base)
    const r2 = simulatePowerWeek({ ...base, pue: 1.56 })
    expect(r2.kwhPerWeekWith).toBeCloseTo(r1.kwhPerWeekWith * 1.56, 9)
  })
})

describe('low-load window', () => {
  it.each([
    ['two-level', twoLevel, 12], // 12 quiet hours a day
    ['flat', Array(168).fill(1), 0], // nothing to use
    ['one quiet hour a week', Array.from({ length: 168 }, (_, h) => (h === 100 ? 0 : 1)), 1],
    // quiet hours wrap around the end of the week: hours 166, 167, 0, 1 → one 4-hour run
    ['wrapping', Array.from({ length: 168 }, (_, h) => (h >= 166 || h < 2 ? 0.1 : 1)), 4],
  ])('of a %s profile is %i h', (_name, profile, hours) => {
    expect(lowLoadWindowHours(profile)).toBe(hours)
  })
})

describe('power management in the plan', () => {
  it('is off for OpenStack by default, and unavailable for VMware on the default vSAN', () => {
    const e = evaluatePlan(createDefaultPlan())
    expect(e.platforms.openstack.energy.powerManagement).toBe('off')
    expect(e.platforms.openstack.energy.kwhPerYear).toBe(
      e.platforms.openstack.energy.kwhPerYearWithoutPowerManagement
    )
    // VMware does not support DPM with vSAN: a host in standby takes its components offline
    const vmware = e.platforms.vmware.energy
    expect(vmware.powerManagement).toBe('unavailable')
    expect(vmware.note).toEqual({ code: 'unavailableVsan', mechanism: 'dpm' })
    expect(vmware.kwhPerYear).toBe(vmware.kwhPerYearWithoutPowerManagement)
    expect(vmware.reason).toBe(
      'Power-down is unavailable with vSAN: a host in standby takes its vSAN components offline, and VMware does not support DPM in vSAN clusters.'
    )
  })

  it('is on for VMware on a SAN with an edition that has DRS, and unavailable on vSphere Standard', () => {
    const plan = createDefaultPlan()
    plan.assumptions = { 'vmware.storage': 'san' }
    const on = evaluatePlan(plan).platforms.vmware.energy
    expect(on.powerManagement).toBe('on')
    expect(on.kwhPerYear).toBeLessThan(on.kwhPerYearWithoutPowerManagement)
    plan.assumptions = { 'vmware.storage': 'san', 'vmware.edition': 'vvs' }
    const vvs = evaluatePlan(plan).platforms.vmware.energy
    expect(vvs.powerManagement).toBe('unavailable')
    expect(vvs.note).toEqual({ code: 'unavailableEdition', mechanism: 'dpm', edition: 'vvs' })
    expect(vvs.kwhPerYear).toBe(vvs.kwhPerYearWithoutPowerManagement)
    expect(vvs.reason).toBe(
      'Power-down is unavailable: vSphere Standard has no DRS, and DPM is part of DRS (vSphere Enterprise Plus or higher).'
    )
  })

  it('is unavailable on local disks when a block evacuation does not fit the night', () => {
    const plan = createDefaultPlan()
    plan.assumptions = { 'vmware.storage': 'local', 'host.nicGbps': 1 }
    const energy = evaluatePlan(plan).platforms.vmware.energy
    // 51 VMs × 219.2 GiB × 8.59 Gbit / 0.8 Gbit/s ≈ 120,000 s ≫ the 11 h window
    expect(energy.powerManagement).toBe('unavailable')
    expect(energy.kwhPerYear).toBe(energy.kwhPerYearWithoutPowerManagement)
    expect(energy.reason).toMatch(
      /^Power-down is unavailable: with local disks an evacuation takes [\d,]+ min/
    )
  })

  it('stays available on local disks when the evacuation fits the low-load window', () => {
    const plan = createDefaultPlan()
    plan.assumptions = { 'vmware.storage': 'local' }
    const e = evaluatePlan(plan).platforms.vmware
    // 25 GbE: about 84 min per host; draining and refilling (2 × 84) fits the 11 h window
    expect(e.migration.blockMinutesPerHost).toBeLessThan(90)
    expect(e.energy.lowLoadWindowHours).toBe(11)
    expect(e.energy.powerManagement).toBe('on')
  })

  it('turns a week into a year with 365.25 / 7 weeks', () => {
    expect(WEEKS_PER_YEAR).toBeCloseTo(52.178571, 6)
  })
})
