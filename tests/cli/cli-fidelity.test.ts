import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = join(import.meta.dirname, '../..')
const bin = join(root, 'cli/bin/stackplan.mjs')

/** Runs the real `stackplan` bin as a child process (cli/dist is built once per run by the global setup). */
async function stackplan(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [bin, ...args], { cwd: root })
  return stdout
}

interface FidelityJson {
  platforms: Record<
    'vmware' | 'openstack',
    {
      energy: { powerManagement: string; powerManagementReason: string }
      storage: {
        vsanPolicy: string | null
        usableTb: number
        rawTb: number
        failuresTolerated: number | null
      }
    }
  >
  warnings: { code: string; message: string }[]
}

describe('stackplan evaluate reflects the model-fidelity rules', () => {
  it('reports power management unavailable on vSphere Standard, with the reason', async () => {
    const out = JSON.parse(
      await stackplan('evaluate', '--json', '--set', 'vmware.edition=vvs', '--set', 'vmware.storage=san')
    ) as FidelityJson
    expect(out.platforms.vmware.energy.powerManagement).toBe('unavailable')
    expect(out.platforms.vmware.energy.powerManagementReason).toBe(
      'Power-down is unavailable: vSphere Standard has no DRS, and DPM is part of DRS (vSphere Enterprise Plus or higher).'
    )
    expect(out.warnings.map((w) => w.code)).toEqual(['editionNotSold', 'ftAppPairs'])
    const table = await stackplan('evaluate', '--set', 'vmware.edition=vvs')
    expect(table).toContain('VMware power management: Power-down is unavailable: vSphere Standard has no DRS')
    expect(table).toContain('Check: vSphere Standard: End of sale (reported); vSphere 8 only')
  })

  it('lowers vSAN raw capacity with RAID-5 and says when the failure tolerance differs', async () => {
    const raid1 = JSON.parse(await stackplan('evaluate', '--json')) as FidelityJson
    const raid5 = JSON.parse(
      await stackplan('evaluate', '--json', '--set', 'vmware.vsanPolicy=raid5')
    ) as FidelityJson
    // 268.435456 TB usable × 2 = 536.87 TB against × 4/3 = 357.91 TB
    expect(raid1.platforms.vmware.storage.rawTb).toBeCloseTo(536.870912, 5)
    expect(raid5.platforms.vmware.storage.rawTb).toBeCloseTo((268.435456 * 4) / 3, 5)
    expect(raid5.platforms.vmware.storage.vsanPolicy).toBe('raid5')
    // RAID-5 tolerates 1 host failure, Ceph size 3 tolerates 2
    expect(raid5.warnings).toContainEqual({
      code: 'toleranceMismatch',
      message:
        'The storage of the two platforms survives different numbers of host failures (VMware 1, OpenStack 2): compare like with like.',
    })
    const raid6 = JSON.parse(
      await stackplan('evaluate', '--json', '--set', 'vmware.vsanPolicy=raid6')
    ) as FidelityJson
    expect(raid6.warnings.map((w) => w.code)).not.toContain('toleranceMismatch')
  })
})
