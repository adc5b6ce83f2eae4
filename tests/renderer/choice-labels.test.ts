import { describe, expect, it } from 'vitest'
import { CATALOG } from '@models'
import { CHOICE_LABELS, choiceLabel } from '../../renderer/src/i18n/choice-labels'

const choiceAssumptions = CATALOG.flatMap((a) => (a.kind === 'choice' ? [a] : []))

describe('choice labels', () => {
  it('covers the catalog’s choice assumptions (there are some to cover)', () => {
    // 9 today: edition, both storages, vSAN policy, VCF management domain, VVF vSAN overage, term, support, FT.
    expect(choiceAssumptions.length).toBeGreaterThanOrEqual(9)
  })

  it.each(['en', 'zh-CN'] as const)(
    'names every option of every choice assumption in %s, each differently',
    (locale) => {
      for (const a of choiceAssumptions) {
        const labels = a.options.map(
          (o) => CHOICE_LABELS[locale][a.key as keyof (typeof CHOICE_LABELS)['en']]?.[o]
        )
        expect(
          labels.every((l) => typeof l === 'string' && l.length > 0),
          a.key
        ).toBe(true)
        expect(new Set(labels).size, a.key).toBe(a.options.length)
      }
    }
  )

  it('tells apart the same code under two assumptions', () => {
    expect(choiceLabel('openstack.support', 'standard', 'en')).toBe('Weekday support')
    expect(choiceLabel('vmware.vcfManagementDomain', 'standard', 'en')).toBe(
      'Standard (own management hosts)'
    )
    expect(choiceLabel('openstack.support', 'standard', 'zh-CN')).toBe('工作日支持')
    expect(choiceLabel('vmware.vsanPolicy', 'raid5', 'zh-CN')).toBe('RAID-5，容忍 1 次故障（1.33× 裸容量）')
  })

  it('keeps an unknown code as it is', () => {
    expect(choiceLabel('vmware.edition', 'vsphere9', 'en')).toBe('vsphere9')
    expect(choiceLabel('no.such.key', 'raid1', 'zh-CN')).toBe('raid1')
  })
})
