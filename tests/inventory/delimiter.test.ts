import { describe, expect, it } from 'vitest'
import { detectDelimiter } from '../../inventory/csv'

describe('detectDelimiter reads the header line', () => {
  it.each([
    ['comma', 'VM,Powerstate,CPUs\nweb-01,poweredOn,2\n', ','],
    ['semicolon (decimal-comma locales)', 'VM;Powerstate;CPUs\nweb-01;poweredOn;2,5\n', ';'],
    ['tab', 'VM\tPowerstate\tCPUs\nweb-01\tpoweredOn\t2\n', '\t'],
    ['bar', 'VM|Powerstate|CPUs\n', '|'],
    ['a BOM and blank lines before the header', '\uFEFF\r\n\r\nVM;Powerstate;CPUs\r\nx;poweredOn;1\r\n', ';'],
    ['delimiters inside quoted names do not count', '"VM, name";"Power, state";CPUs\n', ';'],
    ['a single column reads as comma', 'VM\nweb-01\n', ','],
  ])('%s', (_what, text, want) => {
    expect(detectDelimiter(text)).toBe(want)
  })

  it('is not swayed by VM names full of other delimiters (a VM named "||" once made it pick the bar)', () => {
    const header = 'VM,Powerstate,Template,CPUs,Memory,Provisioned MiB'
    const rows = [
      '||,poweredOn,False,1,1,0',
      '"a;b;c;d;e;f;g",poweredOn,False,1,1,0',
      'anchor,poweredOn,False,1,1,1',
    ]
    expect(detectDelimiter([header, ...rows].join('\n'))).toBe(',')
  })
})
