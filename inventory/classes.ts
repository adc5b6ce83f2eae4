import type { VmColumns } from './rows'

/** A group of VMs of one size: the averages of its members, so count × size sums to the group's totals. */
export interface VmSizeClass {
  vcpu: number
  ramGib: number
  diskGib: number
  count: number
  /** Share of pets / FT VMs in the class, when the source says (a plain CSV with those columns); else null. */
  petShare: number | null
  ftShare: number | null
}

/** Most classes a summary keeps; past it, sizes are grouped by power-of-two bins instead of exact values. */
export const MAX_SIZE_CLASSES = 48

const MIB_PER_GIB = 1024

/** Power-of-two bin a size falls in: 3 → 4, 4 → 4, 5 → 8; 0 stays 0. */
function binOf(value: number): number {
  return value <= 0 ? 0 : 2 ** Math.ceil(Math.log2(value))
}

/**
 * Groups the included VMs into size classes by (vCPU, RAM): exact sizes while there are at most
 * MAX_SIZE_CLASSES of them (real estates use a few dozen), else power-of-two bins of both. Each class
 * carries its members' mean vCPU, RAM and disk, so Σ count × size equals the included totals exactly
 * (up to float rounding). Sorted by vCPU, then RAM.
 */
export function sizeClasses(vms: VmColumns, isIncluded: (i: number) => boolean): VmSizeClass[] {
  for (const binned of [false, true]) {
    const groups = new Map<
      string,
      {
        vcpu: number
        ramMib: number
        diskMib: number
        count: number
        pets: number
        petKnown: number
        fts: number
        ftKnown: number
      }
    >()
    let isTooMany = false
    for (let i = 0; i < vms.count; i++) {
      if (!isIncluded(i)) continue
      const vcpu = vms.vcpu[i] as number
      const ram = vms.ramMib[i] as number
      const key = binned ? `${binOf(vcpu)}|${binOf(ram / MIB_PER_GIB)}` : `${vcpu}|${ram}`
      let g = groups.get(key)
      if (!g) {
        if (!binned && groups.size >= MAX_SIZE_CLASSES) {
          isTooMany = true
          break
        }
        g = { vcpu: 0, ramMib: 0, diskMib: 0, count: 0, pets: 0, petKnown: 0, fts: 0, ftKnown: 0 }
        groups.set(key, g)
      }
      g.vcpu += vcpu
      g.ramMib += ram
      g.diskMib += vms.diskMib[i] as number
      g.count++
      const pet = vms.isPet[i] as number
      const ft = vms.isFt[i] as number
      if (pet >= 0) {
        g.petKnown++
        g.pets += pet
      }
      if (ft >= 0) {
        g.ftKnown++
        g.fts += ft
      }
    }
    if (isTooMany) continue
    return [...groups.values()]
      .map((g) => ({
        vcpu: g.vcpu / g.count,
        ramGib: g.ramMib / MIB_PER_GIB / g.count,
        diskGib: g.diskMib / MIB_PER_GIB / g.count,
        count: g.count,
        petShare: g.petKnown === g.count ? g.pets / g.count : null,
        ftShare: g.ftKnown === g.count ? g.fts / g.count : null,
      }))
      .sort((a, b) => a.vcpu - b.vcpu || a.ramGib - b.ramGib)
  }
  return []
}
