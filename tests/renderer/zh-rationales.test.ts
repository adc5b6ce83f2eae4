import { describe, expect, it } from 'vitest'
import { CATALOG } from '@models'
import { zhAssumptionRationales } from '../../renderer/src/i18n/zh-rationales'
import { assumptionRationale } from '../../renderer/src/i18n'

/** Every number as written ("7,000", "2.5", "2026"), so a translation cannot drop or change one. */
function numbers(text: string): string[] {
  return [...new Set(text.match(/\d+(?:[.,]\d+)*/g) ?? [])]
}

/** Titles and quotations the catalog cites in double quotes: they stay in their original language. */
function quoted(text: string): string[] {
  return [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '')
}

const rows = CATALOG.map(
  (a) => [a.key, a.source, zhAssumptionRationales[a.key as keyof typeof zhAssumptionRationales]] as const
)

describe('Chinese rationales of the catalog', () => {
  it('cover exactly the catalog’s keys', () => {
    expect(Object.keys(zhAssumptionRationales).sort()).toEqual(CATALOG.map((a) => a.key).sort())
  })

  it.each(rows)('%s has a Chinese rationale', (_key, _english, chinese) => {
    expect(chinese?.trim().length).toBeGreaterThan(0)
    // At least one CJK ideograph: a copied English note is not a translation.
    expect(chinese).toMatch(/[\u4e00-\u9fff]/)
  })

  it.each(rows)('%s keeps every number of the original', (_key, english, chinese) => {
    for (const n of numbers(english)) expect(chinese).toContain(n)
  })

  it.each(rows)('%s keeps cited titles in their original language', (_key, english, chinese) => {
    for (const title of quoted(english)) expect(chinese).toContain(title)
  })

  it('the window shows the English note in English and the Chinese one in 中文', () => {
    const a = CATALOG.find((x) => x.key === 'staff.openstack.minFte')
    if (!a) throw new Error('staff.openstack.minFte is missing')
    expect(assumptionRationale(a, 'en')).toBe(a.source)
    const zh = assumptionRationale(a, 'zh-CN')
    expect(zh).toContain('值班的最低配置')
    expect(zh).toContain('“The Dollars and Cents of How to Consume a Private Cloud”，2016-12-19')
  })
})
