import { TRANSITION_ENTRIES } from './catalog-transition'
import { defaultProfile } from './profile'

/**
 * Provenance flag of an assumption (ASSUMPTIONS.md): P primary source, S secondary, E estimate with no
 * public source, D disputed, '-' a plain input (the user's own choice, no source needed).
 */
export type SourceFlag = 'P' | 'S' | 'E' | 'D' | '-'

/** Which platform an assumption concerns. */
export type Concern = 'vmware' | 'openstack' | 'both'

export type GroupId =
  | 'workload'
  | 'host'
  | 'vmware'
  | 'openstack'
  | 'staff'
  | 'storage'
  | 'power'
  | 'transition'

/** Groups in the order of ASSUMPTIONS.md, with their English titles. */
export const GROUPS: readonly { id: GroupId; title: string }[] = [
  { id: 'workload', title: 'Fleet and workload' },
  { id: 'host', title: 'Host hardware' },
  { id: 'vmware', title: 'VMware (vSphere / VVF / VCF)' },
  { id: 'openstack', title: 'OpenStack (KVM)' },
  { id: 'staff', title: 'Staff (engineering effort)' },
  { id: 'storage', title: 'Storage and migration' },
  { id: 'power', title: 'Power, carbon and money' },
  { id: 'transition', title: 'Stay or move' },
]

interface BaseAssumption {
  key: string
  label: string
  unit: string
  flag: SourceFlag
  /** Source and date, or a note; shown beside the value. */
  source: string
  group: GroupId
  concerns: Concern
}

export interface NumberAssumption extends BaseAssumption {
  kind: 'number'
  default: number
  min: number
  max: number
  /** Whole numbers only (hosts, cores, years, nodes). */
  isInteger: boolean
  /** True for list prices: they get a default uncertainty range like estimates do. */
  isListPrice: boolean
  /** Default low/high for sensitivity and Monte Carlo when the source gives one (else ±30 % for E, D, prices). */
  range?: readonly [number, number]
  /** Smallest value allowed is exclusive (e.g. an exchange rate must be > 0). */
  minExclusive?: boolean
}

export interface BooleanAssumption extends BaseAssumption {
  kind: 'boolean'
  default: boolean
}

export interface ChoiceAssumption extends BaseAssumption {
  kind: 'choice'
  default: string
  options: readonly string[]
}

export interface TextAssumption extends BaseAssumption {
  kind: 'currency'
  default: string
}

export interface ProfileAssumption extends BaseAssumption {
  kind: 'profile'
  default: readonly number[]
}

export type Assumption =
  NumberAssumption | BooleanAssumption | ChoiceAssumption | TextAssumption | ProfileAssumption
export type AssumptionValue = number | boolean | string | readonly number[]

type NumberOptions = Partial<Pick<NumberAssumption, 'isInteger' | 'isListPrice' | 'range' | 'minExclusive'>>

function num(
  group: GroupId,
  concerns: Concern,
  key: string,
  label: string,
  unit: string,
  def: number,
  [min, max]: readonly [number, number],
  flag: SourceFlag,
  source: string,
  options: NumberOptions = {}
): NumberAssumption {
  return {
    kind: 'number',
    group,
    concerns,
    key,
    label,
    unit,
    default: def,
    min,
    max,
    flag,
    source,
    isInteger: options.isInteger ?? false,
    isListPrice: options.isListPrice ?? false,
    ...(options.range ? { range: options.range } : {}),
    ...(options.minExclusive ? { minExclusive: true } : {}),
  }
}

function bool(
  group: GroupId,
  concerns: Concern,
  key: string,
  label: string,
  def: boolean,
  source: string
): BooleanAssumption {
  return { kind: 'boolean', group, concerns, key, label, unit: 'on/off', default: def, flag: '-', source }
}

function choice(
  group: GroupId,
  concerns: Concern,
  key: string,
  label: string,
  def: string,
  options: readonly string[],
  source: string
): ChoiceAssumption {
  return {
    kind: 'choice',
    group,
    concerns,
    key,
    label,
    unit: 'one of ' + options.join(', '),
    default: def,
    options,
    flag: '-',
    source,
  }
}

const INT = { isInteger: true } as const
const PRICE = { isListPrice: true } as const

/**
 * The assumption catalog: every number the model uses, with unit, default, allowed range, flag and source.
 * Keys are public (CLI --set, planning files, docs) and match ../shared ASSUMPTIONS.md exactly; keys marked
 * "added" in docs/MODEL.md are model inputs that document does not list.
 */
export const CATALOG: readonly Assumption[] = [
  // Fleet and workload
  num(
    'workload',
    'both',
    'fleet.vms',
    'Fleet size',
    'VMs',
    1000,
    [1, 1_000_000],
    '-',
    "The user's fleet size",
    INT
  ),
  num(
    'workload',
    'both',
    'workload.vcpuPerVm',
    'vCPU per VM',
    'vCPU',
    4,
    [0.5, 256],
    'E',
    'Typical general-purpose VM'
  ),
  num(
    'workload',
    'both',
    'workload.ramGibPerVm',
    'RAM per VM',
    'GiB',
    16,
    [0.5, 4096],
    'E',
    'Typical general-purpose VM'
  ),
  num(
    'workload',
    'both',
    'workload.diskGibPerVm',
    'Disk per VM',
    'GiB',
    200,
    [1, 100_000],
    'E',
    'Typical general-purpose VM'
  ),
  num(
    'workload',
    'both',
    'workload.peakCpuUtilization',
    'Peak CPU utilization',
    'fraction of allocated vCPU busy at the weekly peak',
    0.2,
    [0.01, 1],
    'E',
    'With 4:1 overcommit, a peak above about 0.2 saturates hosts'
  ),
  num(
    'workload',
    'both',
    'workload.petShare',
    'Pet share',
    'fraction of VMs that need VM-level HA',
    0.6,
    [0, 1],
    'E',
    'Pets vs cattle: traditional client-server apps rely on the platform for failover'
  ),
  num(
    'workload',
    'both',
    'workload.ftShare',
    'Fault-tolerant share',
    'fraction of VMs that need a live shadow copy',
    0.02,
    [0, 1],
    'E',
    'Estimate'
  ),
  num(
    'workload',
    'both',
    'workload.growthPerYear',
    'Growth per year',
    'fraction',
    0,
    [-0.5, 2],
    '-',
    'VM count growth per year over the horizon'
  ),
  {
    kind: 'profile',
    group: 'workload',
    concerns: 'both',
    key: 'workload.profile',
    label: 'Weekly load profile',
    unit: '168 hourly values, fraction of weekly peak demand',
    default: defaultProfile(),
    flag: 'E',
    source:
      'Weekday trough 0.35 at 03:00–05:00, peak 1.0 at 13:00–16:00, weekend 0.7 × weekday; daily cycles are documented in public cluster traces (Alibaba cluster-trace-v2018); the numbers are an estimate',
  },
  // Host hardware
  num('host', 'both', 'host.sockets', 'Sockets per host', 'CPUs', 2, [1, 8], '-', 'Host configuration', INT),
  num(
    'host',
    'both',
    'host.coresPerSocket',
    'Cores per socket',
    'cores',
    32,
    [1, 256],
    '-',
    'Host configuration',
    INT
  ),
  num('host', 'both', 'host.ramGib', 'RAM per host', 'GiB', 1024, [16, 24_576], 'E', 'Estimate'),
  num(
    'host',
    'both',
    'host.capexUsd',
    'Host price',
    'USD',
    25_000,
    [0, 1e7],
    'E',
    '2 × 32-core, 1 TiB RAM, 2 × 25 GbE'
  ),
  num(
    'host',
    'both',
    'host.depreciationYears',
    'Depreciation',
    'years',
    5,
    [1, 10],
    'S',
    'Hyperscalers depreciate servers over 5–6 years (10-K filings 2022–2025)',
    INT
  ),
  num(
    'host',
    'both',
    'host.hwSupportPerYear',
    'Hardware support',
    'fraction of capex per year',
    0.08,
    [0, 0.5],
    'E',
    'Estimate'
  ),
  num(
    'host',
    'both',
    'host.facilityUsdPerYear',
    'Facility cost per host',
    'USD per host per year',
    600,
    [0, 1e5],
    'E',
    'Rack space, ports, cabling'
  ),
  num(
    'host',
    'both',
    'host.idleWatts',
    'Idle power',
    'W',
    156,
    [10, 5000],
    'P',
    'Median active-idle of 2-socket SPECpower_ssj2008 results published 2022–2026 (n≈165)'
  ),
  num(
    'host',
    'both',
    'host.maxWatts',
    'Full-load power',
    'W',
    732,
    [10, 10_000],
    'P',
    'Median 100 %-load power, SPECpower_ssj2008 2-socket results 2022–2026'
  ),
  num(
    'host',
    'both',
    'host.standbyWatts',
    'Standby power',
    'W',
    10,
    [0, 200],
    'E',
    'Powered off with the BMC alive'
  ),
  num(
    'host',
    'both',
    'host.vcpuPerCore',
    'vCPU per core',
    'vCPU per physical core',
    4,
    [0.25, 32],
    'E',
    'CPU overcommit'
  ),
  num(
    'host',
    'both',
    'host.ramUsableFraction',
    'Usable RAM',
    'fraction',
    0.9,
    [0.5, 1],
    'E',
    'After hypervisor overhead'
  ),
  num(
    'host',
    'both',
    'host.maxCpuUtilization',
    'CPU sizing ceiling',
    'fraction of physical cores busy at the weekly peak',
    0.8,
    [0.1, 1],
    'E',
    'Sizing ceiling'
  ),
  num(
    'host',
    'both',
    'host.ramOvercommit',
    'RAM overcommit',
    'allocated RAM ÷ physical RAM allowed',
    1,
    [1, 4],
    'E',
    '1 = no memory overcommit; limits how far power management can consolidate at night'
  ),
  num('host', 'both', 'host.nicGbps', 'Migration network', 'Gbit/s', 25, [1, 800], '-', 'Migration network'),
  // VMware
  choice(
    'vmware',
    'vmware',
    'vmware.edition',
    'Edition',
    'vcf',
    ['vvs', 'vvep', 'vvf', 'vcf'],
    'vSphere Standard, vSphere Enterprise Plus, VMware vSphere Foundation, VMware Cloud Foundation'
  ),
  num(
    'vmware',
    'vmware',
    'vmware.usdPerCoreYear.vvs',
    'vSphere Standard price',
    'USD per core per year',
    50,
    [0, 10_000],
    'S',
    'vSphere Standard list, 2025–2026',
    PRICE
  ),
  num(
    'vmware',
    'vmware',
    'vmware.usdPerCoreYear.vvep',
    'vSphere Enterprise Plus price',
    'USD per core per year',
    150,
    [0, 10_000],
    'S',
    'vSphere Enterprise Plus list, 2025–2026',
    PRICE
  ),
  num(
    'vmware',
    'vmware',
    'vmware.usdPerCoreYear.vvf',
    'VVF price',
    'USD per core per year',
    135,
    [0, 10_000],
    'S',
    'VVF, 3-year term list (1-year 150, 5-year 120), 2026',
    { ...PRICE, range: [120, 150] }
  ),
  num(
    'vmware',
    'vmware',
    'vmware.usdPerCoreYear.vcf',
    'VCF price',
    'USD per core per year',
    350,
    [0, 10_000],
    'S',
    'VCF, 3-year term list (1-year 395, 5-year 315); reported paid prices 185–275, 2026',
    { ...PRICE, range: [185, 395] }
  ),
  num(
    'vmware',
    'vmware',
    'vmware.minCoresPerCpu',
    'Minimum cores per CPU',
    'cores',
    16,
    [0, 256],
    'P',
    'Licensed cores = Σ over sockets of max(cores, 16) (VMware docs)',
    INT
  ),
  bool(
    'vmware',
    'vmware',
    'vmware.minCoresPerOrderEnabled',
    '72-core order minimum applies',
    true,
    'Disputed: reported in force since April 2025 by some sources and withdrawn by others; default on'
  ),
  num(
    'vmware',
    'vmware',
    'vmware.minCoresPerOrder',
    'Minimum cores per order',
    'cores',
    72,
    [0, 10_000],
    'D',
    'Reported in force since April 2025 by some sources and withdrawn by others',
    { ...INT, range: [16, 72] }
  ),
  num(
    'vmware',
    'vmware',
    'vmware.lateRenewalPenalty',
    'Late-renewal penalty',
    'fraction of first-year subscription, once',
    0,
    [0, 1],
    'S',
    '20 % when a renewal is late; 0 unless the renewal is late'
  ),
  num(
    'vmware',
    'vmware',
    'vmware.vsanTibPerCore.vcf',
    'vSAN entitlement (VCF)',
    'TiB per licensed core',
    1,
    [0, 100],
    'S',
    'VCF includes vSAN capacity'
  ),
  num(
    'vmware',
    'vmware',
    'vmware.vsanTibPerCore.vvf',
    'vSAN entitlement (VVF)',
    'TiB per licensed core',
    0.25,
    [0, 100],
    'D',
    'Reported as 100 GiB, 250 GiB and more',
    { range: [0.1, 1] }
  ),
  num(
    'vmware',
    'vmware',
    'vmware.vsanAddOnUsdPerTibYear',
    'vSAN add-on price',
    'USD per TiB per year',
    200,
    [0, 1e5],
    'E',
    'Capacity beyond the entitlement'
  ),
  num(
    'vmware',
    'vmware',
    'vmware.mgmtHosts.vcf',
    'Management hosts (VCF)',
    'hosts',
    4,
    [0, 100],
    'P',
    'A VCF management domain needs at least 4 hosts',
    INT
  ),
  num(
    'vmware',
    'vmware',
    'vmware.mgmtHosts.other',
    'Management hosts (other editions)',
    'hosts',
    0,
    [0, 100],
    '-',
    'vCenter runs as a VM in the workload cluster',
    INT
  ),
  num(
    'vmware',
    'vmware',
    'vmware.clusterMaxHosts',
    'Cluster size limit',
    'hosts',
    64,
    [2, 96],
    'P',
    'vSphere cluster maximum',
    INT
  ),
  num(
    'vmware',
    'vmware',
    'vmware.haHostFailures',
    'HA host failures tolerated',
    'hosts per cluster',
    1,
    [0, 10],
    'P',
    'HA admission control tolerates 1 host failure unless set',
    INT
  ),
  num(
    'vmware',
    'vmware',
    'vmware.schedulerEfficiency',
    'Placement efficiency (DRS)',
    'fraction of host capacity usable at placement',
    0.95,
    [0.3, 1],
    'E',
    'DRS balances continuously'
  ),
  bool('vmware', 'vmware', 'vmware.dpmEnabled', 'DPM power-down', true, 'Distributed Power Management'),
  num(
    'vmware',
    'vmware',
    'vmware.dpmTargetUtilization',
    'DPM target utilization',
    'fraction',
    0.63,
    [0.2, 0.95],
    'P',
    'DemandCapacityRatioTarget 63 % ± tolerance 18 % (power off below 45 %, on above 81 %)'
  ),
  num(
    'vmware',
    'vmware',
    'vmware.ftMaxVmsPerHost',
    'FT VMs per host',
    'VMs (0 = no limit)',
    4,
    [0, 64],
    'P',
    'das.maxftvmsperhost',
    INT
  ),
  num(
    'vmware',
    'vmware',
    'vmware.ftMaxVcpusPerHost',
    'FT vCPU per host',
    'vCPU (0 = no limit)',
    8,
    [0, 512],
    'P',
    'das.maxftvcpusperhost',
    INT
  ),
  choice(
    'vmware',
    'vmware',
    'vmware.storage',
    'Storage',
    'vsan',
    ['vsan', 'san', 'local'],
    'vSAN on host drives, an external SAN, or local disks without shared storage'
  ),
  // OpenStack
  choice(
    'openstack',
    'openstack',
    'openstack.support',
    'Support model',
    'perNode',
    ['none', 'perNode', 'perSocketPair'],
    'none = upstream, self-supported'
  ),
  num(
    'openstack',
    'openstack',
    'openstack.supportUsdPerNodeYear',
    'Support per node',
    'USD per node per year',
    225,
    [0, 1e5],
    'S',
    'Ubuntu Pro (infra) per physical node; covers unlimited guests',
    PRICE
  ),
  num(
    'openstack',
    'openstack',
    'openstack.supportUsdPerSocketPairYear',
    'Support per socket pair',
    'USD per socket pair per year',
    0,
    [0, 1e5],
    'E',
    'Quote-based distributions: enter your quote'
  ),
  num(
    'openstack',
    'openstack',
    'openstack.controllers',
    'Controllers',
    'nodes',
    3,
    [0, 100],
    'E',
    'HA control plane',
    INT
  ),
  num(
    'openstack',
    'openstack',
    'openstack.computesPerExtraController',
    'Computes per extra controller',
    'hosts',
    200,
    [10, 10_000],
    'E',
    'One more controller per this many computes',
    INT
  ),
  num(
    'openstack',
    'openstack',
    'openstack.haHostFailures',
    'Host failures reserved',
    'hosts per aggregate, applied to the pet share',
    1,
    [0, 10],
    'E',
    'Instance evacuation needs spare capacity too',
    INT
  ),
  num(
    'openstack',
    'openstack',
    'openstack.aggregateMaxHosts',
    'Aggregate size',
    'hosts',
    64,
    [2, 1000],
    'E',
    'Estimate',
    INT
  ),
  num(
    'openstack',
    'openstack',
    'openstack.schedulerEfficiency',
    'Placement efficiency (Nova)',
    'fraction',
    0.85,
    [0.3, 1],
    'E',
    'Placement only at boot; no continuous rebalancing'
  ),
  bool(
    'openstack',
    'openstack',
    'openstack.consolidationEnabled',
    'Consolidation power-down',
    false,
    'Watcher consolidation + host power-off, the DPM analogue'
  ),
  num(
    'openstack',
    'openstack',
    'openstack.consolidationTargetUtilization',
    'Consolidation target utilization',
    'fraction',
    0.8,
    [0.2, 0.95],
    'P',
    'Watcher VM-workload-consolidation capacity coefficient example 0.8'
  ),
  choice(
    'openstack',
    'openstack',
    'openstack.ftStrategy',
    'Fault tolerance',
    'duplicateVms',
    ['duplicateVms', 'none'],
    'No VM-level fault tolerance: FT VMs become app-level pairs (2 × resources)'
  ),
  choice(
    'openstack',
    'openstack',
    'openstack.storage',
    'Storage',
    'ceph',
    ['ceph', 'san', 'local'],
    'Ceph on dedicated storage nodes, an external SAN, or local disks without shared storage'
  ),
  // Staff
  num('staff', 'vmware', 'staff.vmware.minFte', 'VMware minimum staff', 'FTE', 2, [0, 1000], 'E', 'Estimate'),
  num('staff', 'vmware', 'staff.vmware.fixedFte', 'VMware fixed staff', 'FTE', 0, [0, 1000], 'E', 'Estimate'),
  num(
    'staff',
    'vmware',
    'staff.vmware.hostsPerFte',
    'VMware hosts per engineer',
    'hosts',
    40,
    [1, 100_000],
    'E',
    'Surveys report ~75–500 VMs per admin (EMA c. 2009, Gartner 2010)'
  ),
  num(
    'staff',
    'openstack',
    'staff.openstack.minFte',
    'OpenStack minimum staff',
    'FTE',
    4,
    [0, 1000],
    'E',
    '24 × 7 rotation with OpenStack expertise'
  ),
  num(
    'staff',
    'openstack',
    'staff.openstack.fixedFte',
    'OpenStack fixed staff',
    'FTE',
    4,
    [0, 1000],
    'S',
    "A vendor's DIY estimate is 22 FTE fixed (Mirantis 2016); a supported distribution needs far fewer"
  ),
  num(
    'staff',
    'openstack',
    'staff.openstack.hostsPerFte',
    'OpenStack hosts per engineer',
    'hosts',
    60,
    [1, 100_000],
    'E',
    'Estimate'
  ),
  num(
    'staff',
    'both',
    'staff.salaryUsd',
    'Salary',
    'USD per FTE per year',
    95_360,
    [0, 1e7],
    'P',
    'BLS median, network and computer systems administrators, May 2023'
  ),
  num(
    'staff',
    'both',
    'staff.loadedMultiplier',
    'Loaded-cost multiplier',
    '×',
    1.42,
    [1, 3],
    'P',
    'Wages ≈ 70.5 % of employer compensation cost (BLS ECEC)'
  ),
  num(
    'staff',
    'openstack',
    'staff.openstack.salaryPremium',
    'OpenStack salary premium',
    'fraction',
    0.15,
    [0, 2],
    'E',
    'Estimate'
  ),
  num(
    'staff',
    'both',
    'staff.hoursPerFteYear',
    'Working hours per FTE',
    'hours per year',
    1800,
    [1000, 2500],
    'E',
    'Added: converts maintenance hours into cost (about 225 working days × 8 h)',
    INT
  ),
  num(
    'staff',
    'vmware',
    'staff.vmware.adoptionUsd',
    'VMware adoption cost',
    'USD, once',
    0,
    [0, 1e9],
    '-',
    'Training, migration project'
  ),
  num(
    'staff',
    'openstack',
    'staff.openstack.adoptionUsd',
    'OpenStack adoption cost',
    'USD, once',
    250_000,
    [0, 1e9],
    'E',
    'Build-out, training, migration off the incumbent'
  ),
  // Storage and migration
  num(
    'storage',
    'both',
    'storage.headroom',
    'Free-space headroom',
    'fraction',
    0.25,
    [0, 5],
    'E',
    'Free space kept on top of VM disks'
  ),
  num(
    'storage',
    'both',
    'storage.sanUsdPerUsableTb',
    'SAN price',
    'USD per usable TB',
    1000,
    [0, 1e6],
    'E',
    'Enterprise array incl. 5-year support'
  ),
  num(
    'storage',
    'both',
    'storage.sanDepreciationYears',
    'SAN depreciation',
    'years',
    5,
    [1, 10],
    'E',
    'Estimate',
    INT
  ),
  num(
    'storage',
    'both',
    'storage.sanSupportPerYear',
    'SAN support',
    'fraction of capex per year',
    0,
    [0, 1],
    'E',
    'Set when support is not in the price'
  ),
  num(
    'storage',
    'both',
    'storage.driveUsdPerRawTb',
    'Drive price',
    'USD per raw TB',
    120,
    [0, 1e5],
    'E',
    'Data-centre NVMe/SSD, for vSAN, Ceph and local disks'
  ),
  num(
    'storage',
    'vmware',
    'storage.vsanOverhead',
    'vSAN overhead',
    'raw ÷ usable',
    2,
    [1, 4],
    'P',
    'RAID-1, FTT = 1'
  ),
  num(
    'storage',
    'openstack',
    'storage.cephReplicas',
    'Ceph replicas',
    'raw ÷ usable',
    3,
    [1, 6],
    'P',
    'Ceph replicated pool size 3 (erasure coding 4+2 = 1.5)'
  ),
  num(
    'storage',
    'openstack',
    'storage.cephNodeUsd',
    'Ceph node price',
    'USD per storage node',
    15_000,
    [0, 1e6],
    'E',
    'Estimate'
  ),
  num(
    'storage',
    'openstack',
    'storage.cephRawTbPerNode',
    'Ceph node capacity',
    'TB',
    150,
    [1, 10_000],
    'E',
    'Estimate'
  ),
  num(
    'storage',
    'openstack',
    'storage.cephNodeWatts',
    'Ceph node power',
    'W',
    350,
    [0, 5000],
    'E',
    'Added: average draw of a storage node, which never powers down'
  ),
  num(
    'storage',
    'both',
    'storage.localOverhead',
    'Local disk overhead',
    'raw ÷ usable',
    2,
    [1, 4],
    'E',
    'RAID-1 mirror'
  ),
  num(
    'storage',
    'both',
    'maintenance.eventsPerHostYear',
    'Evacuations per host',
    'host evacuations per year',
    4,
    [0, 365],
    'E',
    'Quarterly patching'
  ),
  num(
    'storage',
    'both',
    'maintenance.engineerHoursPerEvent',
    'Engineer hours per evacuation',
    'hours',
    0.5,
    [0, 100],
    'E',
    'Fixed work per evacuation'
  ),
  num(
    'storage',
    'both',
    'maintenance.attendedFraction',
    'Attended fraction',
    'fraction of evacuation time an engineer watches',
    0.25,
    [0, 1],
    'E',
    'Estimate'
  ),
  num(
    'storage',
    'both',
    'migration.linkEfficiency',
    'Link efficiency',
    'fraction of NIC speed',
    0.8,
    [0.1, 1],
    'E',
    'Estimate'
  ),
  num(
    'storage',
    'both',
    'migration.dirtyFactor',
    'Dirty-page factor',
    '× RAM sent',
    1.2,
    [1, 10],
    'E',
    'Pre-copy rounds'
  ),
  num(
    'storage',
    'both',
    'migration.concurrentLive',
    'Concurrent live migrations',
    'per host',
    8,
    [1, 64],
    'P',
    'vMotion on ≥10 GbE',
    INT
  ),
  num(
    'storage',
    'both',
    'migration.concurrentBlock',
    'Concurrent block migrations',
    'per host',
    2,
    [1, 64],
    'P',
    'Migration without shared storage',
    INT
  ),
  num(
    'storage',
    'both',
    'migration.setupSecondsPerVm',
    'Set-up time per migration',
    's',
    10,
    [0, 600],
    'E',
    'Added: pre-checks and switch-over per VM, paid once per wave of concurrent migrations'
  ),
  // Power, carbon and money
  num(
    'power',
    'both',
    'power.usdPerKwh',
    'Electricity price',
    'USD per kWh',
    0.125,
    [0, 10],
    'E',
    'US commercial; EIA 2023 state averages range 0.074–0.39'
  ),
  num('power', 'both', 'power.pue', 'PUE', '×', 1.56, [1, 4], 'P', 'Uptime Institute industry average, 2024'),
  num(
    'power',
    'both',
    'power.kgCo2PerKwh',
    'Grid carbon intensity',
    'kg CO2e per kWh',
    0.37,
    [0, 2],
    'E',
    "Replace with your grid's factor"
  ),
  num(
    'power',
    'both',
    'power.managementUtilization',
    'Management node load',
    'fraction of cores busy',
    0.2,
    [0, 1],
    'E',
    'Added: average load of management, controller nodes (they never power down)'
  ),
  num('power', 'both', 'finance.horizonYears', 'Horizon', 'years', 5, [1, 15], '-', 'Planning horizon', INT),
  num(
    'power',
    'both',
    'finance.discountRate',
    'Discount rate',
    'fraction per year',
    0.08,
    [0, 1],
    'E',
    'Estimate'
  ),
  num(
    'power',
    'vmware',
    'finance.vmwarePriceEscalation',
    'VMware price escalation',
    'fraction per year',
    0,
    [-0.5, 2],
    '-',
    'Renewal uplift'
  ),
  {
    kind: 'currency',
    group: 'power',
    concerns: 'both',
    key: 'finance.currency',
    label: 'Display currency',
    unit: 'ISO 4217 code',
    default: 'USD',
    flag: '-',
    source: 'Display currency',
  },
  num(
    'power',
    'both',
    'finance.usdToCurrency',
    'Exchange rate',
    'currency units per USD',
    1,
    [0, 1e6],
    '-',
    'User-entered; no live rates',
    { minExclusive: true }
  ),
  ...TRANSITION_ENTRIES,
]

const BY_KEY: ReadonlyMap<string, Assumption> = new Map(CATALOG.map((a) => [a.key, a]))

/** The catalog entry for a key, or undefined for an unknown key. */
export function findAssumption(key: string): Assumption | undefined {
  return BY_KEY.get(key)
}

/** True when the key names a numeric assumption. */
export function isNumberAssumption(a: Assumption | undefined): a is NumberAssumption {
  return a?.kind === 'number'
}

/** The allowed range as people read it, e.g. "0–10,000" or "> 0". */
export function describeRange(a: Assumption): string {
  switch (a.kind) {
    case 'number': {
      const fmt = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: 6 })
      if (a.minExclusive) return `greater than ${fmt(a.min)} and at most ${fmt(a.max)}`
      return `${fmt(a.min)} to ${fmt(a.max)}${a.isInteger ? ', whole numbers' : ''}`
    }
    case 'boolean':
      return 'true or false'
    case 'choice':
      return 'one of ' + a.options.join(', ')
    case 'currency':
      return 'a three-letter ISO 4217 code such as USD, EUR or CNY'
    case 'profile':
      return '168 hourly values 0–1 whose maximum is 1'
  }
}

/**
 * The default low/high range of a numeric assumption for sensitivity and Monte Carlo (ASSUMPTIONS.md):
 * the source's range where one is given, else ±30 % of the default for estimates, disputed values and
 * list prices, clamped to the allowed range. Null for other assumptions (they are inputs, not estimates).
 */
export function defaultUncertaintyRange(a: NumberAssumption): readonly [number, number] | null {
  if (a.range) return a.range
  if (a.flag !== 'E' && a.flag !== 'D' && !a.isListPrice) return null
  if (a.default === 0) return null
  const low = Math.max(a.min, a.default * 0.7)
  const high = Math.min(a.max, a.default * 1.3)
  return a.isInteger ? [Math.round(low), Math.round(high)] : [low, high]
}
