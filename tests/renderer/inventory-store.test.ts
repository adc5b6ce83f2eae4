// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { readInventory } from '../../inventory/index'
import { useInventoryStore } from '../../renderer/src/stores/inventory'
import { usePlanStore } from '../../renderer/src/stores/plan'

/** An RVTools CSV export (vInfo and vHost) of 4 powered-on VMs on the sample estate's 4 hosts. */
const VINFO = [
  'VM,Powerstate,Template,CPUs,Memory,Provisioned MiB',
  'web-01,poweredOn,False,2,4096,40960',
  'web-02,poweredOn,False,2,4096,61440',
  'db-01,poweredOn,False,8,65536,512000',
  'app-01,poweredOn,False,4,16384,102400',
].join('\n')
const VHOST = [
  'Host,# CPU,Cores per CPU,# Cores,# Memory,CPU usage %',
  'esx-01,2,16,32,524288,40',
  'esx-02,2,16,32,524288,20',
  'esx-03,2,8,16,262144,30',
  'esx-04,1,32,32,786432,30',
].join('\n')

/** The estate read as the import worker reads it, shown in the dialog. */
async function readyStore() {
  const bytes = (text: string) => new TextEncoder().encode(text)
  const rows = await readInventory([
    { name: 'RVTools_tabvInfo.csv', bytes: bytes(VINFO) },
    { name: 'RVTools_tabvHost.csv', bytes: bytes(VHOST) },
  ])
  const inventory = useInventoryStore()
  inventory.rows = rows
  inventory.status = 'ready'
  return inventory
}

describe('inventory store: Use with the hosts’ hardware and CPU load', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('offers the predominant host configuration and the CPU usage as a peak, both off by default', async () => {
    const inventory = await readyStore()
    // 2 of the 4 hosts are 2 × 16 cores with 524,288 MiB = 512 GiB; the other two differ from each other.
    expect(inventory.hostHardware).toEqual({
      sockets: 2,
      coresPerSocket: 16,
      ramGib: 512,
      hosts: 2,
      ofHosts: 4,
    })
    // Busy cores 32 × 40 % + 32 × 20 % + 16 × 30 % + 32 × 30 % = 33.6; included vCPU 2 + 2 + 8 + 4 = 16;
    // 33.6 / 16 = 2.1 → the catalog's maximum of 1 (the sample estate is a lightly loaded few VMs).
    expect(inventory.peakCpu?.fraction).toBeCloseTo(2.1, 12)
    expect(inventory.peakCpu?.used).toBe(1)
    expect(inventory.useHostHardware).toBe(false)
    expect(inventory.usePeakCpu).toBe(false)
  })

  it('sets the host hardware and the peak with the workload as one undoable edit', async () => {
    const inventory = await readyStore()
    const planStore = usePlanStore()
    inventory.useHostHardware = true
    inventory.usePeakCpu = true
    expect(inventory.useAsWorkload()).toBe(true)
    expect(planStore.values['fleet.vms']).toBe(4)
    expect(planStore.values['host.sockets']).toBe(2)
    expect(planStore.values['host.coresPerSocket']).toBe(16)
    expect(planStore.values['host.ramGib']).toBe(512)
    expect(planStore.values['workload.peakCpuUtilization']).toBe(1)
    // RAM 88 GiB / 4 = 22 GiB; disk (40 + 60 + 500 + 100) GiB / 4 = 175 GiB.
    expect(planStore.values['workload.ramGibPerVm']).toBe(22)
    planStore.undo()
    // One undo takes back all of it: the defaults return.
    expect(planStore.values['fleet.vms']).toBe(1000)
    expect(planStore.values['host.coresPerSocket']).toBe(32)
    expect(planStore.values['host.ramGib']).toBe(1024)
    expect(planStore.values['workload.peakCpuUtilization']).toBe(0.2)
    expect(planStore.canUndo).toBe(false)
  })

  it('leaves the host hardware and the peak alone unless asked', async () => {
    const inventory = await readyStore()
    const planStore = usePlanStore()
    expect(inventory.useAsWorkload()).toBe(true)
    expect(planStore.values['fleet.vms']).toBe(4)
    expect(planStore.values['host.coresPerSocket']).toBe(32)
    expect(planStore.values['workload.peakCpuUtilization']).toBe(0.2)
  })
})
