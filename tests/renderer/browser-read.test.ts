import { describe, expect, it } from 'vitest'
import { readPickedFile } from '../../renderer/src/host/browser-host'

describe('the browser build reads picked files by the one decoding rule', () => {
  it('refuses bytes that are not UTF-8 instead of replacing them', async () => {
    // "Caf" then 0xE9 (é in Latin-1), which is not UTF-8 on its own.
    const bytes = new Uint8Array([0x7b, 0x22, 0x43, 0x61, 0x66, 0xe9, 0x22, 0x7d])
    expect(await readPickedFile(new File([bytes], 'latin1.stackplan'))).toEqual({
      status: 'error',
      name: 'latin1.stackplan',
      message: 'This is not a Stackplan planning file: it is not UTF-8 text (or it is damaged).',
    })
  })

  it('reads UTF-8 and drops a byte order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":"Café"}')])
    expect(await readPickedFile(new File([bytes], 'ok.stackplan'))).toEqual({
      status: 'opened',
      doc: { ref: null, name: 'ok.stackplan', text: '{"a":"Café"}' },
    })
  })

  it('refuses a file over the size cap before reading it', async () => {
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.stackplan')
    const result = await readPickedFile(big)
    expect(result).toEqual({
      status: 'error',
      name: 'big.stackplan',
      message: 'This file is too large to be a planning file (10.1 MB); the limit is 10 MB.',
    })
  })
})
