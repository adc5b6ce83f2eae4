import { InventoryError } from './errors'
import { LT, nameIs, readTagHead, type TagHead } from './xml-scan'
import { xmlText } from './xml-text'

/**
 * The workbook's shared-string table, indexed once and decoded lazily: a sheet refers to strings by
 * number, and most of them (VM names, annotations) are never needed, so they are never decoded.
 */
export class SharedStrings {
  private readonly starts: Int32Array
  private readonly ends: Int32Array
  private readonly decoded: (string | undefined)[]
  readonly count: number

  constructor(
    private readonly bytes: Uint8Array,
    fileName: string,
    maxCount: number
  ) {
    const starts: number[] = []
    const ends: number[] = []
    const head: TagHead = { isClosing: false, nameStart: 0, nameEnd: 0 }
    let open = -1
    let at = 0
    for (;;) {
      const lt = bytes.indexOf(LT, at)
      if (lt < 0) break
      const gt = bytes.indexOf(0x3e, lt)
      if (gt < 0) break
      readTagHead(bytes, lt, head)
      if (nameIs(bytes, head.nameStart, head.nameEnd, 'si')) {
        if (!head.isClosing) {
          open = gt + 1
          if (bytes[gt - 1] === 0x2f) {
            starts.push(open)
            ends.push(open)
            open = -1
          }
        } else if (open >= 0) {
          starts.push(open)
          ends.push(lt)
          open = -1
          if (starts.length > maxCount) {
            throw new InventoryError(
              fileName,
              'too-many-rows',
              `the workbook holds more than ${maxCount.toLocaleString('en-US')} shared strings`
            )
          }
        }
      }
      at = gt + 1
    }
    this.starts = Int32Array.from(starts)
    this.ends = Int32Array.from(ends)
    this.count = starts.length
    this.decoded = new Array(starts.length)
  }

  /** String number `index`: the text of its `<t>` runs, phonetic runs (`<rPh>`) left out; null if absent. */
  get(index: number): string | null {
    if (index < 0 || index >= this.count) return null
    const cached = this.decoded[index]
    if (cached !== undefined) return cached
    const text = this.decode(this.starts[index] as number, this.ends[index] as number)
    this.decoded[index] = text
    return text
  }

  private decode(start: number, end: number): string {
    const bytes = this.bytes
    const head: TagHead = { isClosing: false, nameStart: 0, nameEnd: 0 }
    let text = ''
    let inPhonetic = false
    let at = start
    while (at < end) {
      const lt = bytes.indexOf(LT, at)
      if (lt < 0 || lt >= end) break
      const gt = bytes.indexOf(0x3e, lt)
      readTagHead(bytes, lt, head)
      if (nameIs(bytes, head.nameStart, head.nameEnd, 'rPh')) inPhonetic = !head.isClosing
      else if (
        !head.isClosing &&
        !inPhonetic &&
        bytes[gt - 1] !== 0x2f &&
        nameIs(bytes, head.nameStart, head.nameEnd, 't')
      ) {
        const close = bytes.indexOf(LT, gt + 1)
        text += xmlText(bytes, gt + 1, close < 0 || close > end ? end : close)
        at = close < 0 ? end : close
        continue
      }
      at = gt + 1
    }
    return text
  }
}
