import { describe, expect, it } from 'vitest'
import { CATALOG } from '@models'
import zhCN, { zhAssumptionUnits } from '../../renderer/src/i18n/zh-CN'
import { zhAssumptionRationales } from '../../renderer/src/i18n/zh-rationales'
import { assumptionUnit } from '../../renderer/src/i18n'
import { createNumberFormatter } from '../../renderer/src/format/numbers'
import { isShare } from '../../renderer/src/format/share'

/** Every text of a message tree. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node]
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts)
  return []
}

describe('currency wording in 中文', () => {
  it('amounts are written with the ISO code, as units are', () => {
    const fmt = createNumberFormatter('zh-CN', 'USD', 'code')
    // 123,456 in Chinese compact notation, three significant digits: 12.3 万.
    expect(fmt.money(123_456)).toBe('USD\u00a012.3万')
    expect(fmt.moneyFull(1_234)).toBe('USD\u00a01,234')
  })

  it('no message, unit or rationale calls the dollar 美元', () => {
    const all = [
      ...texts(zhCN),
      ...Object.values(zhAssumptionUnits),
      ...Object.values(zhAssumptionRationales),
    ]
    expect(all.filter((t) => t.includes('美元'))).toEqual([])
  })

  const ENGLISH_WORDS = /\b(per|of|fraction|hosts?|VMs|years?|months|hours|cores|nodes|CPUs|once|physical)\b/
  const numbers = CATALOG.filter((a) => a.kind === 'number' && !isShare(a))

  it.each(numbers.map((a) => [a.key, a] as const))('%s has a Chinese unit', (_key, a) => {
    expect(zhAssumptionUnits[a.unit]?.length).toBeGreaterThan(0)
  })

  it.each(numbers.filter((a) => a.unit.includes('USD')).map((a) => [a.key, a] as const))(
    '%s keeps the code USD in its Chinese unit',
    (_key, a) => {
      expect(assumptionUnit(a, 'zh-CN')).toContain('USD')
    }
  )

  // Units with English words are translated; symbols such as GiB, W, Gbit/s and × read alike in both.
  it.each(numbers.filter((a) => ENGLISH_WORDS.test(a.unit)).map((a) => [a.key, a] as const))(
    '%s has no English words left in its Chinese unit',
    (_key, a) => {
      expect(assumptionUnit(a, 'zh-CN')).not.toMatch(ENGLISH_WORDS)
    }
  )
})
