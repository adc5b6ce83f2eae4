/**
 * One-line explanations of assumptions a user can confuse with a neighbour, by catalog key, shown under the
 * label in the inspector. Staff follows the model: FTE = max(minimum, fixed + ⌈nodes ÷ hosts per engineer⌉).
 */
export const explanations: Readonly<Record<'en' | 'zh-CN', Readonly<Record<string, string>>>> = {
  en: {
    'staff.vmware.minFte':
      'A floor: never fewer engineers than this, however small the fleet (not added to the others).',
    'staff.vmware.fixedFte': 'Added on top of the engineers the host count needs, at every fleet size.',
    'staff.vmware.hostsPerFte': 'One more engineer for every this many hosts, on top of the fixed staff.',
    'staff.openstack.minFte':
      'A floor: never fewer engineers than this, however small the fleet (not added to the others).',
    'staff.openstack.fixedFte': 'Added on top of the engineers the host count needs, at every fleet size.',
    'staff.openstack.hostsPerFte': 'One more engineer for every this many hosts, on top of the fixed staff.',
    'workload.peakCpuUtilization': 'How busy the VMs’ own vCPUs are at the peak (a workload fact).',
    'host.maxCpuUtilization': 'How busy you let a host’s cores get at the peak (a sizing rule).',
    'host.vcpuPerCore': 'How many allocated vCPUs may share one physical core.',
    'host.ramUsableFraction': 'RAM left for VMs after the hypervisor’s own overhead, on every platform.',
    'host.ramOvercommit': 'How far allocated RAM may exceed the RAM left for VMs (1 = none).',
    'vmware.schedulerEfficiency': 'Capacity DRS can actually fill when it places VMs, after fragmentation.',
    'openstack.schedulerEfficiency': 'Capacity Nova can actually fill when it places VMs at boot.',
    'finance.discountRate': 'Discounts future years for the NPV; not a price discount.',
    'finance.vmwarePriceEscalation': 'Yearly rise of VMware prices over the horizon; not the NPV rate.',
  },
  'zh-CN': {
    'staff.vmware.minFte': '下限：无论规模多小，工程师都不少于此数（不与其他人数相加）。',
    'staff.vmware.fixedFte': '在主机数所需的工程师之外额外加上的人数，任何规模都计入。',
    'staff.vmware.hostsPerFte': '在固定人员之外，每多这么多台主机增加一名工程师。',
    'staff.openstack.minFte': '下限：无论规模多小，工程师都不少于此数（不与其他人数相加）。',
    'staff.openstack.fixedFte': '在主机数所需的工程师之外额外加上的人数，任何规模都计入。',
    'staff.openstack.hostsPerFte': '在固定人员之外，每多这么多台主机增加一名工程师。',
    'workload.peakCpuUtilization': '虚拟机自身 vCPU 在峰值时的繁忙程度（工作负载事实）。',
    'host.maxCpuUtilization': '允许主机物理核在峰值时达到的繁忙程度（规划规则）。',
    'host.vcpuPerCore': '一个物理核可分配多少个 vCPU。',
    'host.ramUsableFraction': '扣除虚拟化层开销后留给虚拟机的内存，各平台相同。',
    'host.ramOvercommit': '已分配内存可超出可用内存的倍数（1 = 不超配）。',
    'vmware.schedulerEfficiency': 'DRS 放置虚拟机时实际能用满的容量（扣除碎片）。',
    'openstack.schedulerEfficiency': 'Nova 在启动时放置虚拟机实际能用满的容量。',
    'finance.discountRate': '用于计算 NPV 的未来年份折现率，不是价格折扣。',
    'finance.vmwarePriceEscalation': '规划期内 VMware 价格的年涨幅，不是 NPV 折现率。',
  },
}
