import type { AssumptionKey } from '@models'
import type { Locale } from '../stores/settings'

/**
 * The words for each choice of each choice assumption, by assumption: the same code can mean different
 * things ("standard" is a support tier of OpenStack and a VCF management-domain layout), so a choice is
 * named by its assumption and its code together. Every option of every choice assumption has a label in
 * both languages (tests/renderer/choice-labels.test.ts).
 */
type ChoiceLabels = Partial<Record<AssumptionKey, Readonly<Record<string, string>>>>

const EN: ChoiceLabels = {
  'vmware.edition': {
    vvs: 'vSphere Standard',
    vvep: 'vSphere Enterprise Plus',
    vvf: 'VMware vSphere Foundation (VVF)',
    vcf: 'VMware Cloud Foundation (VCF)',
  },
  'vmware.storage': { vsan: 'vSAN', san: 'SAN', local: 'Local disks' },
  'vmware.vsanPolicy': {
    raid1: 'RAID-1, 1 failure (2× raw)',
    raid5: 'RAID-5, 1 failure (1.33× raw)',
    raid6: 'RAID-6, 2 failures (1.5× raw)',
    raid1ftt2: 'RAID-1, 2 failures (3× raw)',
  },
  'vmware.vcfManagementDomain': {
    standard: 'Standard (own management hosts)',
    simple: 'Simple (fewer management hosts)',
    consolidated: 'Consolidated (in the workload cluster)',
  },
  'vmware.vvfVsanOverage': {
    wholeCapacity: 'License the whole capacity',
    excessOnly: 'License only the excess',
  },
  'vmware.termYears': { '1': '1 year', '3': '3 years', '5': '5 years' },
  'openstack.support': {
    none: 'None (self-supported)',
    infra: 'Security patching only',
    standard: 'Weekday support',
    advanced: '24×7 support',
    perSocketPair: 'Per socket pair (quote)',
  },
  'openstack.ftStrategy': { duplicateVms: 'Duplicate VMs (app-level pairs)', none: 'None' },
  'openstack.storage': { ceph: 'Ceph', san: 'SAN', local: 'Local disks' },
}

const ZH: ChoiceLabels = {
  'vmware.edition': {
    vvs: 'vSphere Standard',
    vvep: 'vSphere Enterprise Plus',
    vvf: 'VMware vSphere Foundation (VVF)',
    vcf: 'VMware Cloud Foundation (VCF)',
  },
  'vmware.storage': { vsan: 'vSAN', san: 'SAN', local: '本地磁盘' },
  'vmware.vsanPolicy': {
    raid1: 'RAID-1，容忍 1 次故障（2× 裸容量）',
    raid5: 'RAID-5，容忍 1 次故障（1.33× 裸容量）',
    raid6: 'RAID-6，容忍 2 次故障（1.5× 裸容量）',
    raid1ftt2: 'RAID-1，容忍 2 次故障（3× 裸容量）',
  },
  'vmware.vcfManagementDomain': {
    standard: '标准（独立管理主机）',
    simple: '精简（较少管理主机）',
    consolidated: '合并（在工作负载集群内）',
  },
  'vmware.vvfVsanOverage': {
    wholeCapacity: '为全部容量授权',
    excessOnly: '只为超出部分授权',
  },
  'vmware.termYears': { '1': '1 年', '3': '3 年', '5': '5 年' },
  'openstack.support': {
    none: '无（自行支持）',
    infra: '仅安全补丁',
    standard: '工作日支持',
    advanced: '7×24 支持',
    perSocketPair: '按每对 CPU 插槽（报价）',
  },
  'openstack.ftStrategy': { duplicateVms: '复制虚拟机（应用级双机）', none: '无' },
  'openstack.storage': { ceph: 'Ceph', san: 'SAN', local: '本地磁盘' },
}

export const CHOICE_LABELS: Readonly<Record<Locale, ChoiceLabels>> = { en: EN, 'zh-CN': ZH }

/** A choice's words in the locale, by its assumption; an unknown code stays as it is. */
export function choiceLabel(key: string, option: string, locale: string): string {
  const table = CHOICE_LABELS[locale === 'zh-CN' ? 'zh-CN' : 'en'][key as AssumptionKey]
  return table?.[option] ?? option
}
