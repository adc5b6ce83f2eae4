import { describe, expect, it } from 'vitest'
import { predominantHosts, suggestedPeakCpu, type HostRow } from '../../inventory/index'

function host(over: Partial<HostRow>): HostRow {
  return {
    cores: 32,
    sockets: 2,
    coresPerSocket: 16,
    ramMib: 524_288,
    cluster: null,
    cpuModel: null,
    cpuUsagePercent: null,
    memoryUsagePercent: null,
    ...over,
  }
}

describe('predominantHosts', () => {
  it('picks the most common sockets × cores × RAM, counting hosts that report all three', () => {
    // 3 hosts of 2 × 16 cores and 512 GiB (one reports 524,000 MiB = 511.7 GiB, which rounds to 512),
    // 2 of 2 × 32 and 1,024 GiB, one trimmed row without sockets (not counted): 3 of 5 known hosts.
    const rows = [
      host({}),
      host({ ramMib: 524_000 }),
      host({ coresPerSocket: null }), // cores per socket from # Cores ÷ # CPU = 32 / 2 = 16
      host({ cores: 64, coresPerSocket: 32, ramMib: 1_048_576 }),
      host({ cores: 64, coresPerSocket: 32, ramMib: 1_048_576 }),
      host({ sockets: null, coresPerSocket: null, ramMib: null }),
    ]
    expect(predominantHosts(rows)).toEqual({
      sockets: 2,
      coresPerSocket: 16,
      ramGib: 512,
      hosts: 3,
      ofHosts: 5,
    })
  })

  it('breaks a tie toward more cores, then more RAM, whatever the row order', () => {
    const small = host({})
    const big = host({ cores: 64, coresPerSocket: 32 })
    const bigMoreRam = host({ cores: 64, coresPerSocket: 32, ramMib: 1_048_576 })
    const expected = { sockets: 2, coresPerSocket: 32, ramGib: 1024, hosts: 1, ofHosts: 3 }
    expect(predominantHosts([small, big, bigMoreRam])).toEqual(expected)
    expect(predominantHosts([bigMoreRam, big, small])).toEqual(expected)
  })

  it('is null for a trimmed export that gives only # Cores', () => {
    expect(predominantHosts([host({ sockets: null, coresPerSocket: null, ramMib: null })])).toBeNull()
    expect(predominantHosts([])).toBeNull()
  })
})

describe('suggestedPeakCpu', () => {
  it('turns hosts’ CPU usage into busy cores per included vCPU, scaling to hosts that do not report', () => {
    // Reporting: 32 cores × 40 % + 32 × 20 % = 19.2 busy of 64 cores; all 96 cores → 19.2 × 96 / 64 = 28.8
    // busy cores; 288 vCPU included → 28.8 / 288 = 0.1.
    const rows = [host({ cpuUsagePercent: 40 }), host({ cpuUsagePercent: 20 }), host({})]
    const s = suggestedPeakCpu(rows, 288)
    expect(s?.busyCores).toBeCloseTo(28.8, 12)
    expect(s?.fraction).toBeCloseTo(0.1, 12)
    expect(s?.hostsReporting).toBe(2)
    expect(s?.includedVcpu).toBe(288)
  })

  it('is null without usage or without included vCPU', () => {
    expect(suggestedPeakCpu([host({})], 100)).toBeNull()
    expect(suggestedPeakCpu([host({ cpuUsagePercent: 50 })], 0)).toBeNull()
  })
})
