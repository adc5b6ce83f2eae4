import { describe, expect, it } from 'vitest'
import { createNumberFormatter } from '../../renderer/src/format/numbers'

const MINUS = '\u2212'

describe('negative money is written the reader’s way', () => {
  it.each([
    // locale, display, value → text
    ['en', 'code', -12_345, `USD ${MINUS}12.3k`],
    ['en', 'code', -4.5, `USD ${MINUS}4.50`],
    ['en', 'symbol', -12_345, `${MINUS}$12.3k`],
    ['en', 'code', 12_345, 'USD 12.3k'],
  ] as const)('%s %s money(%d) is %j', (locale, display, value, text) => {
    expect(createNumberFormatter(locale, 'USD', display).money(value).replace(/\u00a0/g, ' ')).toBe(text)
  })

  it('full precision keeps the code first and the minus at the number: USD −1,234,567', () => {
    const text = createNumberFormatter('en', 'USD', 'code').moneyFull(-1_234_567).replace(/\u00a0/g, ' ')
    expect(text).toBe(`USD ${MINUS}1,234,567`)
  })

  it('Chinese with the code writes the minus next to the number too', () => {
    const text = createNumberFormatter('zh-CN', 'CNY', 'code').money(-20_000)
    expect(text.startsWith('CNY')).toBe(true)
    expect(text).toContain(`${MINUS}2`)
    expect(text).not.toContain('-')
  })

  it('a negative amount and its positive differ only by the minus', () => {
    const f = createNumberFormatter('en', 'EUR', 'code')
    for (const v of [3, 999, 1_000, 88_000, 2.5e6, 7e9]) {
      expect(f.money(-v).replace(MINUS, '')).toBe(f.money(v))
    }
  })
})
