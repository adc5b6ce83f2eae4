import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CATALOG } from '@models'
import { wrapLabel } from '../../renderer/src/charts/wrap-label'
import { assumptionLabel } from '../../renderer/src/i18n'

describe('chart labels wrap over two lines instead of being cut at 30 characters', () => {
  it.each([
    // text, columns per line → lines
    ['VCF price', 26, ['VCF price']],
    // 42 characters: "Concurrent vMotions" (19) + " without" would make 27 > 26
    ['Concurrent vMotions without shared storage', 26, ['Concurrent vMotions', 'without shared storage']],
    ['Throughput of one live migration (QEMU)', 26, ['Throughput of one live', 'migration (QEMU)']],
    // three lines' worth: the second line takes the rest and is cut to 10 columns (9 + "…")
    ['one two three four five six', 10, ['one two', 'three fou…']],
    // a single word longer than a line is cut
    ['Supercalifragilistic', 10, ['Supercali…']],
    // Chinese breaks between any two characters; each takes two columns: 10 columns = 5 characters
    ['并发无共享存储迁移数', 10, ['并发无共享', '存储迁移数']],
    ['VCF 价格', 10, ['VCF 价格']],
    // mixed: "每位 " (5) + "OpenStack" (9) = 14 fits; the rest "工程师的再培训" (14) fits the second line
    ['每位 OpenStack 工程师的再培训', 14, ['每位 OpenStack', '工程师的再培训']],
  ])('%j in %d columns', (text, max, lines) => {
    expect(wrapLabel(text, max)).toEqual(lines)
  })

  it('never loses a label: at most two lines, each within its width, and the words in order', () => {
    const word = fc.stringMatching(/^[A-Za-z()]{1,12}$/)
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 12, max: 40 }),
        (words, max) => {
          const text = words.join(' ')
          const lines = wrapLabel(text, max)
          expect(lines.length).toBeGreaterThanOrEqual(1)
          expect(lines.length).toBeLessThanOrEqual(2)
          for (const l of lines) expect(l.length).toBeLessThanOrEqual(max)
          // Read in order, the lines are the label itself, or its beginning followed by "…".
          const shown = lines.join(' ')
          expect(text.startsWith(shown.replace(/…$/, '').trimEnd())).toBe(true)
          expect(shown === text || shown.endsWith('…')).toBe(true)
        }
      )
    )
  })
})

describe('every assumption name fits the tornado whole', () => {
  // 22 columns is the window's narrowest label column, 28 the report's.
  it.each([
    ['en', 22],
    ['en', 28],
    ['zh-CN', 22],
    ['zh-CN', 28],
  ])('in %s over two lines of %d columns', (locale, max) => {
    const cut = CATALOG.map((a) => assumptionLabel(a, locale)).filter((label) => {
      const lines = wrapLabel(label, max)
      return lines.length > 2 || lines.join(' ').includes('…')
    })
    expect(cut).toEqual([])
  })
})
