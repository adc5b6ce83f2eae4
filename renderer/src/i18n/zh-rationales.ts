import type { AssumptionKey } from '@models'

/** The part of three VMware term notes that the catalog shares between them (TERM_SOURCE there). */
const TERM =
  'Broadcom 销售 1 年、3 年和 5 年期订阅，期限越长每核单价越低（Redress Compliance，“VCF vs VVF licensing and ' +
  'pricing”，2026；Atonement Licensing，“VMware Cloud Foundation Licensing”，2026）。目录中的版本价格为 3 年期目录价' +
  '（VCF 350，VVF 135）'

const ESTIMATE = '估算值'
const TYPICAL_VM = '典型的通用虚拟机'
const HOST_CONFIG = '主机配置'

/**
 * The catalog's source note of every assumption (its rationale with the citation) in Simplified Chinese, one
 * for every key. Publishers, titles, dates, KB numbers, configuration names and product names stay as
 * published, and every number keeps the original's value and unit, so a reader can find the cited page.
 */
export const zhAssumptionRationales: Readonly<Record<AssumptionKey, string>> = {
  'fleet.vms': '您的虚拟机规模',
  'workload.vcpuPerVm': TYPICAL_VM,
  'workload.ramGibPerVm': TYPICAL_VM,
  'workload.diskGibPerVm': TYPICAL_VM,
  'workload.peakCpuUtilization': '在 4:1 的 CPU 超配下，峰值利用率高于约 0.2 就会使主机饱和',
  'workload.petShare': '宠物型与牛群型：传统的客户端/服务器应用依靠平台完成故障切换',
  'workload.ftShare': ESTIMATE,
  'workload.growthPerYear': '规划期内虚拟机数量的年增长率',
  'workload.profile':
    '工作日低谷 0.35（03:00–05:00），高峰 1.0（13:00–16:00），周末 = 0.7 × 工作日；公开的集群追踪数据记录了' +
    '这种日周期（Alibaba cluster-trace-v2018）；具体数值为估算',
  'host.sockets': HOST_CONFIG,
  'host.coresPerSocket': HOST_CONFIG,
  'host.ramGib': ESTIMATE,
  'host.capexUsd':
    '2 × 32 核、1 TiB 内存、2 × 25 GbE，按 2025–2026 年 DRAM 涨价后重新推算：CPU ≈ 7,000 + 16 × 64 GB DDR5 ' +
    'RDIMM，按 ≈ 14 USD/GB 计 ≈ 14,300（≈ 2024 年的 2.5 倍；TrendForce 2025：Q3 DRAM 合约价同比 +172 %）+ ' +
    '主板、机箱、电源、启动盘 ≈ 4,500 + 网卡 ≈ 800 + 组装与保修 ≈ 1,400',
  'host.depreciationYears': '超大规模云厂商按 5–6 年折旧服务器（10-K 年报，2022–2025）',
  'host.hwSupportPerYear': ESTIMATE,
  'host.facilityUsdPerYear': '机柜空间、交换机端口、布线',
  'host.idleWatts':
    '2022–2026 年发布的 2 路 SPECpower_ssj2008 结果中 active-idle 功率的中位数（n≈165）；测试机配置精简：' +
    'host.configUpliftWatts 补上实际配置主机的内存、网卡和磁盘',
  'host.maxWatts': '2022–2026 年 2 路 SPECpower_ssj2008 结果中 100 % 负载功率的中位数',
  'host.standbyWatts': '已关机，BMC 仍在运行',
  'host.configUpliftWatts':
    '新增：SPECpower_ssj2008 测试机只插少量内存条、一块磁盘，没有附加网卡；实际配置的主机多出 16 条 RDIMM、' +
    '2 × 25 GbE 和数据盘：空闲和满载时都多耗这么多功率',
  'host.vcpuPerCore': 'CPU 超配',
  'host.ramUsableFraction': '扣除虚拟化层开销之后',
  'host.maxCpuUtilization': '容量规划上限',
  'host.ramOvercommit': '1 = 不超配内存；它限制夜间电源管理能把虚拟机整合到什么程度',
  'host.nicGbps': '迁移网络',
  'vmware.edition':
    '四个版本：vSphere Standard、vSphere Enterprise Plus、VMware vSphere Foundation、VMware Cloud Foundation',
  'vmware.usdPerCoreYear.vvs': 'vSphere Standard 目录价，2025–2026',
  'vmware.usdPerCoreYear.vvep': 'vSphere Enterprise Plus 目录价，2025–2026',
  'vmware.usdPerCoreYear.vvf':
    '有争议：135 为 3 年期目录价（Redress Compliance，“VVF licensing guide”，2026），另有来源称 1 年期约 190' +
    '（vmwaremadesimple.com，“vSphere Foundation vs VCF”，2026-03-30，引用 2025 年 3 月的 MSRP）',
  'vmware.usdPerCoreYear.vcf': 'VCF 3 年期目录价（1 年期 395，5 年期 315）；报道的实际成交价为 185–275，2026',
  'vmware.minCoresPerCpu': '许可核数 = Σ 各插槽的 max(核数, 16)（VMware 文档）',
  'vmware.minCoresPerOrderEnabled':
    '有争议：按每个产品、每张订单执行（Redress Compliance，“VMware core count compliance”，2026）；另有报道称' +
    ' 2025 年 4 月之后已取消（anystackarchitect.com，2025），且并非所有地区都执行；默认开启',
  'vmware.minCoresPerOrder':
    '按每个产品、每张订单：首张订单以及之后每张增加核数的订单（Redress Compliance，2026）；另有报道称已取消' +
    '（anystackarchitect.com，2025）',
  'vmware.lateRenewalPenalty': '逾期续订时为 20 %；未逾期则为 0',
  'vmware.vsanTibPerCore.vcf': 'VCF 包含 vSAN 容量',
  'vmware.vsanTibPerCore.vvf':
    '有争议：每核 100 GiB（Broadcom KB 326663），而 2026 年的打包方案为每核 0.25 TiB（vmwaremadesimple.com，' +
    '2026-03-30）',
  'vmware.vsanAddOnUsdPerTibYear': '超出授权容量的部分',
  'vmware.mgmtHosts.vcf':
    '标准（高可用）VCF 管理域需要 4 台主机（VCF 9 文档，William Lam 引用，“Clarifying minimum required ESX ' +
    'hosts for VCF deployments”，2026-06）',
  'vmware.mgmtHosts.other': 'vCenter 作为虚拟机运行在工作负载集群中',
  'vmware.clusterMaxHosts':
    '自 vSphere 7.0 U1 起每个集群最多 96 台主机（二手资料，2024–2026）；无论此处如何设置，vSAN 集群最多 64 台' +
    '（VMware vSAN 6.6 configuration maximums；Duncan Epping，Yellow Bricks，2022-12-20）',
  'vmware.haHostFailures': '除非另行设置，HA 准入控制容忍 1 台主机故障',
  'vmware.schedulerEfficiency': 'DRS 持续进行负载均衡（带 DRS 的版本：Enterprise Plus、VVF、VCF）',
  'vmware.staticSchedulerEfficiency':
    '新增：vSphere Standard 没有 DRS（VMware vSphere 5.0 licensing；Broadcom 2024–2026），因此虚拟机只在开机时' +
    '放置，与 Nova 相同',
  'vmware.dpmEnabled':
    'Distributed Power Management（分布式电源管理）；依赖 DRS（vSphere API ClusterDpmConfigInfo，Broadcom ' +
    'developer docs 8.0U2），因此 vSphere Standard 无法使用；不支持 vSAN（VMware，vSphere 5.5 Storage，' +
    '“Limitations of Virtual SAN”）',
  'vmware.dpmTargetUtilization':
    'DemandCapacityRatioTarget 63 % ± 容差 18 %（低于 45 % 时关闭主机，高于 81 % 时开启主机）',
  'vmware.ftMaxVmsPerHost': 'vSphere HA 高级选项 das.maxftvmsperhost',
  'vmware.ftMaxVcpusPerHost': 'vSphere HA 高级选项 das.maxftvcpusperhost',
  'vmware.storage': '主机磁盘上的 vSAN、外部 SAN，或无共享存储的本地磁盘',
  'vmware.vsanPolicy':
    '新增：RAID-1 FTT=1 2×（3 台主机），RAID-5 1.33×（4 台主机），RAID-6 1.5×（6 台主机），RAID-1 FTT=2 3×' +
    '（5 台主机）（VMware vSAN 8.0 Planning；Cormac Hogan，“VSAN 6.2 Part 2 – RAID-5 and RAID-6 ' +
    'configurations”，2016-02-15）',
  'vmware.vsanCpuOverhead':
    '新增：每台 vSAN 主机被 vSAN 自身占用的核数比例（没有公开数据；容量规划指南通常按 5–15 % 计）',
  'vmware.vsanRamOverheadGib':
    '新增：按 VMware 的 OSA 公式，一个含 4 块磁盘的全闪存磁盘组约需 ≈14.4 GiB（5,426 MB + 636 MB + 每 GB 缓存 ' +
    '14 MB，最多计 600 GB + 每块磁盘 70 MB；VMware KB 2113954，转引自 randombud.com）；ESA 的开销不同',
  'vmware.vcfManagementDomain':
    '新增：standard = 上面的管理主机数；simple = 使用 vSAN 时 3 台主机，使用外部存储时 2 台（VCF 9 文档，转引自 ' +
    'William Lam，2026-06）；consolidated = 管理组件运行在工作负载集群中',
  'vmware.vvfVsanOverage':
    '新增：vSAN 裸容量一旦超出 VVF 授权，整个集群的容量都必须授权，而不仅是超出部分（Broadcom KB 326663）；' +
    'excessOnly 只对超出部分计价',
  'openstack.support':
    'none = 上游版本，自行支持；infra = 仅安全补丁；standard = 工作日支持；advanced = 7×24 支持（Canonical，' +
    '“Ubuntu Pro description”，2024-05-09）；perSocketPair = 按报价。默认 advanced：运行宠物型应用的生产云' +
    '在夜间也需要厂商支持',
  'openstack.supportUsdPerNodeYear.infra':
    'Ubuntu Pro (Infra-only)，按物理节点计，不限虚拟机数量，不含技术支持（Canonical store，“Ubuntu Pro ' +
    '(Infra-only) at $225.00 / year”）',
  'openstack.supportUsdPerNodeYear.standard':
    'Infra 补丁加工作日支持，按物理节点计；Canonical 公布了服务级别，价格为估算：请填入您的报价',
  'openstack.supportUsdPerNodeYear.advanced':
    'Infra 补丁加 7×24 支持，按物理节点计；Canonical 公布了服务级别，价格为估算：请填入您的报价',
  'openstack.supportUsdPerSocketPairYear':
    '按报价销售的发行版，例如 Red Hat；Red Hat OpenStack Services on OpenShift 还需要其控制平面的订阅（每个承载' +
    '控制平面的 OpenShift 工作节点一份；Red Hat subscription overview）：请一并计入报价',
  'openstack.controllers': '高可用控制平面',
  'openstack.computesPerExtraController': '每多这么多台计算节点，增加一个控制节点',
  'openstack.haHostFailures': '实例疏散（evacuate）同样需要空闲容量',
  'openstack.aggregateMaxHosts': ESTIMATE,
  'openstack.schedulerEfficiency': '只在启动时放置；没有持续的再平衡',
  'openstack.consolidationEnabled': 'Watcher 整合 + 主机断电，相当于 DPM',
  'openstack.consolidationTargetUtilization': 'Watcher VM-workload-consolidation 策略的容量系数示例为 0.8',
  'openstack.ftStrategy': '没有虚拟机级容错：FT 虚拟机改为应用层的双实例（2 × 资源）',
  'openstack.storage': '专用存储节点上的 Ceph、外部 SAN，或无共享存储的本地磁盘',
  'staff.vmware.minFte': '值班的最低配置：两人互为备份，订阅中包含 Broadcom 生产支持（7×24）',
  'staff.vmware.fixedFte': '无论规模大小都需要的平台负责人（架构、生命周期、许可状况）',
  'staff.vmware.hostsPerFte': '调查显示每名管理员管理约 75–500 台虚拟机（EMA 约 2009 年，Gartner 2010）',
  'staff.openstack.minFte':
    '值班的最低配置：7×24 轮班（每周 168 小时，每人约 40 小时，计入休假 ≈ 5 人），即 Mirantis 文中的 5 名 L1 ' +
    '工程师，“The Dollars and Cents of How to Consume a Private Cloud”，2016-12-19',
  'staff.openstack.fixedFte':
    '无论规模大小都存在的平台团队：一名架构师和一名 L3 工程师，即使用商业发行版时仍留在内部的那部分固定 IT/Ops ' +
    '团队（Mirantis，2016-12-19：自建 DIY = 13 名工程 + 9 名 IT/Ops 固定人员）',
  'staff.openstack.hostsPerFte':
    '估算值；Mirantis（2016-12-19）在固定团队之外按每 100 个节点 1.1 名工程师计（≈ 每人 91 个节点）',
  'staff.salaryUsd':
    'BLS Occupational Employment and Wages，2024 年 5 月，15-1244 网络与计算机系统管理员，年薪中位数',
  'staff.loadedMultiplier':
    'BLS Employer Costs for Employee Compensation，2025 年 6 月（USDL-25-1358）：私营行业每小时总计 45.65 USD，' +
    '其中工资 32.07（70.2 %）→ 1.42',
  'staff.openstack.salaryPremium': ESTIMATE,
  'staff.hoursPerFteYear': '新增：把维护工时折算为成本（约 225 个工作日 × 8 小时）',
  'staff.wholeEngineers': '新增：关 = FTE 可为小数（共享或兼职人员）；开 = FTE 向上取整为整人',
  'staff.vmware.adoptionUsd': '培训、迁移项目',
  'staff.openstack.adoptionUsd': '平台建设、培训、从现有平台迁出',
  'storage.headroom': '在虚拟机磁盘之外保留的空闲空间',
  'storage.sanUsdPerUsableTb': '企业级存储阵列，含 5 年维保',
  'storage.sanDepreciationYears': ESTIMATE,
  'storage.sanSupportPerYear': '价格不含维保时填写',
  'storage.driveUsdPerRawTb': '数据中心级 NVMe/SSD，用于 vSAN、Ceph 和本地磁盘',
  'storage.cephReplicas':
    'Ceph 副本池 size 3（纠删码 4+2 = 1.5）；size 3 可承受丢失两份副本，且节点故障后 Ceph 需要“副本数 + 1”个' +
    '存储节点才能重新复制',
  'storage.cephNodeUsd': ESTIMATE,
  'storage.cephRawTbPerNode': ESTIMATE,
  'storage.cephNodeWatts': '新增：存储节点的平均功耗，存储节点从不断电',
  'storage.localOverhead': 'RAID-1 镜像',
  'maintenance.eventsPerHostYear': '每季度打一次补丁',
  'maintenance.engineerHoursPerEvent': '每次疏散的固定工作量',
  'maintenance.attendedFraction': ESTIMATE,
  'migration.linkEfficiency': ESTIMATE,
  'migration.dirtyFactor': '预拷贝轮次',
  'migration.vmware.concurrentLive':
    'vCenter 在 10 GbE 及更快的网络上允许每台主机 8 个并发 vMotion，1 GbE 上允许 4 个（VMware，“Limits on ' +
    'Simultaneous Migrations”，vSphere 6.7；VMware Performance blog，“vCenter Limits for Concurrent vMotion”，' +
    '2021-02）',
  'migration.vmware.concurrentBlock':
    '无共享存储的 vMotion：推算上限为每台主机 2 个（VMware，“Limits on Simultaneous Migrations”，vSphere 6.7）',
  'migration.openstack.concurrentLive':
    'Nova 的 max_concurrent_live_migrations 默认为 1，并注明“not recommended that you change this”（不建议修改）' +
    '（OpenStack Nova，nova/conf/compute.py）',
  'migration.openstack.concurrentBlock':
    '同一个 Nova 限制（max_concurrent_live_migrations = 1）也适用于块热迁移',
  'migration.vmware.gbpsPerMigration':
    '新增：一个 stream helper 约可传输 15 Gbit/s；自 vSphere 7 U2 起，vMotion 会开启多个流以跑满 25–100 GbE' +
    '（Niels Hagoort，VMware，“Auto-Tuning vMotion Streams”，2021-03-09；Broadcom KB 323379）',
  'migration.openstack.gbpsPerMigration':
    '新增：QEMU 通过单个流迁移，在 10 Gbit/s 及以上速率时 CPU 成为瓶颈（QEMU wiki，“Features/Migration-' +
    'Multiple-fds”）；Nova 未启用 multifd（blueprint libvirt-migrate-parallel，2025）',
  'migration.setupSecondsPerVm': '新增：每台虚拟机的预检查与切换时间，每一波并发迁移计一次',
  'power.usdPerKwh':
    '美国商业用电平均价，2025：EIA Electric Power Monthly 显示 2025 年商业电价同比上涨 2.5–5 %，2024 年约为 ' +
    '12.9 ¢，各州平均为 8–26 ¢（2025 年 4 月）；2025 年的全国数值为估算',
  'power.pue':
    'Uptime Institute Global Data Center Survey 2025（2025 年 7 月）：行业平均约 1.54，连续第六年持平',
  'power.kgCo2PerKwh': '请替换为您所在电网的排放因子',
  'power.managementUtilization': '新增：管理节点和控制节点的平均负载（它们从不断电）',
  'finance.horizonYears': '规划期',
  'finance.discountRate': ESTIMATE,
  'finance.vmwarePriceEscalation': '续订涨价',
  'finance.wageEscalation':
    '新增：人员与维护成本（以及留下还是迁移视图）每年按此比例上涨；自 2022 年以来美国私营行业工资每年上涨约 ' +
    '3–4 %（BLS Employment Cost Index）',
  'finance.energyEscalation': '新增：电价年涨幅（EIA 报告 2025 年同比上涨 2.5–5 %）',
  'finance.openstackSupportEscalation': '新增：OpenStack 支持订阅的年涨价幅度',
  'finance.currency': '显示货币',
  'finance.usdToCurrency': '由用户输入；不获取实时汇率',
  'vmware.termYears': '留在 VMware 时续订的期限；' + TERM,
  'vmware.termPriceFactor.1y':
    TERM +
    '；据报道 VCF 1 年期目录价为 395（395 ÷ 350 = 1.13，VVF 150 ÷ 135 = 1.11）。新增；也用于过渡期续订的定价',
  'vmware.termPriceFactor.5y':
    TERM + '；据报道 VCF 5 年期目录价为 315（315 ÷ 350 = 0.90，VVF 120 ÷ 135 = 0.89）。新增',
  'vmware.discount':
    '默认按目录价。有可信退出方案的买家从首次报价中争取到 20–35 % 的折扣；VCF 实际成交价为 185–275，目录价为 ' +
    '350（折扣 21–47 %）（Redress Compliance，VVF negotiation framework 与 VCF licensing brief，2026 年 6 月）。' +
    '适用于所有 VMware 许可价格',
  'vmware.renewalMonth': '您的合同：当前期限持续到该月，两种路径都要为其付费',
  'transition.enabled': '开启后，标题给出迁移的回本时间，而不是稳态下的成本差',
  'transition.startMonth': '您的计划：第一批虚拟机在该月开始迁移',
  'transition.vmsPerMonth': '对团队迁移速度的估算；请在试点批次中实测，并填入您自己的数值',
  'transition.hoursPerVm':
    '转换（virt-v2v 或迁移工具）、切换、测试与验收；简单的虚拟机用时更少，需要应用负责人参与的宠物型虚拟机更多。' +
    '按 OpenStack 工程师的人力成本（含附加成本）计价',
  'transition.toolingUsdPerVm': '商业迁移工具的许可费；使用开源工具（virt-v2v）时为 0',
  'transition.consultancyUsd': '设计与“迁移工厂”的外部协助，在迁移开始时支付',
  'transition.retrainingUsdPerFte': 'OpenStack 平台所需的每名工程师的课程与认证费用',
  'transition.buildAheadMonths': 'OpenStack 主机在迁入的虚拟机到达之前先运行（并付费）这么多个月',
  'transition.reuseHosts': '腾空的 VMware 主机重装为 OpenStack 计算节点，而不是提前退役',
  'transition.strandedLifeFraction':
    '在更新周期之前退役的 VMware 主机会浪费其剩余寿命；在分批错开更新的机群中，平均损失半个折旧期',
}
