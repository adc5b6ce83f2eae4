import fc from 'fast-check'
import { strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Cell } from '../../inventory/cell'
import { SheetScanner } from '../../inventory/xlsx-sheet'

/** A small worksheet with the forms cells take: shared strings, inline rich text, numbers, booleans, prefixes, no `r`. */
function sheetXml(prefix: string): string {
  const p = prefix ? `${prefix}:` : ''
  return (
    `<?xml version="1.0"?><${p}worksheet><${p}dimension ref="A1:CZ1048576"/><${p}sheetData>` +
    `<${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>Name</${p}t></${p}is></${p}c><${p}c r="B1" t="inlineStr"><${p}is><${p}t>CPUs</${p}t></${p}is></${p}c>` +
    `<${p}c r="C1" t="inlineStr"><${p}is><${p}r><${p}t>Temp</${p}t></${p}r><${p}r><${p}t>late</${p}t></${p}r></${p}is></${p}c><${p}c r="D1" t="inlineStr"><${p}is><${p}t>Note</${p}t></${p}is></${p}c></${p}row>` +
    `<${p}row r="2"><${p}c r="A2" t="inlineStr"><${p}is><${p}t>a &amp; b</${p}t></${p}is></${p}c><${p}c r="B2"><${p}v>4</${p}v></${p}c><${p}c r="C2" t="b"><${p}v>1</${p}v></${p}c><${p}c r="D2" t="str"><${p}v>x&lt;y</${p}v></${p}c></${p}row>` +
    `<${p}row r="3"/>` +
    `<${p}row r="5"><${p}c r="B5" s="3"><${p}v>2.5</${p}v></${p}c><${p}c r="C5" t="b"><${p}v>0</${p}v></${p}c><${p}c r="D5" t="e"><${p}v>#N/A</${p}v></${p}c></${p}row>` +
    `<${p}row><${p}c><${p}v>7</${p}v></${p}c><${p}c><${p}v>8</${p}v></${p}c></${p}row>` +
    `</${p}sheetData></${p}worksheet>`
  )
}

/** Scans `xml` fed in the given piece lengths; returns the header and rows the visitor saw. */
function scan(xml: Uint8Array, pieces: number[]): { header: string[]; rows: [number, Cell[]][] } {
  const seen = { header: [] as string[], rows: [] as [number, Cell[]][] }
  const scanner = new SheetScanner(
    {
      header: (names) => {
        seen.header = [...names]
        return [1, 2, 3, 0]
      },
      row: (values, rowNumber) => seen.rows.push([rowNumber, [...values]]),
    },
    null,
    { fileName: 'f.xlsx', sheetName: 'vInfo', maxRows: 100 }
  )
  let at = 0
  for (const length of pieces) {
    if (at >= xml.length) break
    scanner.push(xml.subarray(at, at + length))
    at += length
  }
  if (at < xml.length) scanner.push(xml.subarray(at))
  scanner.finish()
  return seen
}

const EXPECTED = {
  header: ['Name', 'CPUs', 'Template', 'Note'],
  rows: [
    [2, [4, true, 'x<y', 'a & b']],
    [5, [2.5, false, null, null]],
    // A row without `r` follows row 5; cells without `r` fill columns A, B in order.
    [6, [8, null, null, 7]],
  ],
}

describe('the worksheet scanner', () => {
  it.each(['', 'x'])('reads every cell form, with namespace prefix "%s"', (prefix) => {
    expect(scan(strToU8(sheetXml(prefix)), [])).toEqual(EXPECTED)
  })

  it('reads the same rows however the XML is cut into pieces', () => {
    const xml = strToU8(sheetXml('x'))
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 200 }), (pieces) => {
        expect(scan(xml, pieces)).toEqual(EXPECTED)
      }),
      { numRuns: 300 }
    )
  })
})
