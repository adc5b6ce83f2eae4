import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Hostile planning files, generated from a seed: what a careless tool, a damaged disk or an attacker could
 * hand Stackplan. Every file must end in a plan or a typed refusal — never a crash, a hang, or an exit code
 * other than 0, 2 or 3 from the command line. tests/cli/hostile-corpus.test.ts runs a CI-sized corpus;
 * bench/hostile-corpus.bench.ts a larger one and prints counts by outcome.
 */
export const CORPUS_CLASSES = [
  'truncation',
  'byteFlips',
  'wrongTypes',
  'extremeNumbers',
  'depth',
  'size',
  'prototypeKeys',
  'duplicateKeys',
  'encodings',
  'controlCharacters',
  'longStrings',
  'versions',
] as const

export type CorpusClass = (typeof CORPUS_CLASSES)[number]

export interface CorpusFile {
  corpusClass: CorpusClass
  /** A file name that says what it holds, unique within one corpus. */
  name: string
  bytes: Uint8Array
}

const BASE_TEXT = readFileSync(join(import.meta.dirname, '../fixtures/format-v1-full.stackplan'), 'utf8')
const BASE_BYTES = new TextEncoder().encode(BASE_TEXT)

/** A small deterministic generator (mulberry32): the same seed gives the same corpus on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function baseDoc(): { [key: string]: Json } {
  return JSON.parse(BASE_TEXT) as { [key: string]: Json }
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** Every path to a value in the document, as keys and indexes. */
function valuePaths(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path)
  if (Array.isArray(value)) value.forEach((v, i) => valuePaths(v, [...path, i], out))
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) valuePaths(v, [...path, k], out)
  return out
}

function setAt(doc: Json, path: (string | number)[], value: Json): void {
  let node = doc as Record<string | number, Json>
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, Json>
  node[path[path.length - 1] as string | number] = value
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T
}

const WRONG_VALUES: Json[] = [null, true, false, 0, -1, '', 'x', [], {}, [1, 2], { a: 1 }, '1e3', 'NaN']
const EXTREME_NUMBERS = [
  '1e309',
  '-1e309',
  '1e-400',
  '-0',
  '9007199254740993',
  '123456789012345678901234567890',
  '0.1e-999999',
  '1E+2',
  '5e-324',
  '1.7976931348623157e308',
]
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype']
const CONTROL_TEXTS = [
  '\u001b]0;pwned\u0007',
  '\u001b[2J\u001b[H',
  'line\r\nforged: ok',
  '\u202eevil\u202c',
  '\u0000nul',
  '\u0085next',
  '\u2028sep',
  '\ufffe\uffff',
]

function generate(corpusClass: CorpusClass, next: () => number, index: number): Uint8Array {
  switch (corpusClass) {
    case 'truncation':
      return BASE_BYTES.slice(0, Math.floor(next() * BASE_BYTES.length))
    case 'byteFlips': {
      const bytes = BASE_BYTES.slice()
      const flips = 1 + Math.floor(next() * 8)
      for (let f = 0; f < flips; f++) {
        const at = Math.floor(next() * bytes.length)
        bytes[at] = (bytes[at] as number) ^ (1 << Math.floor(next() * 8))
      }
      return bytes
    }
    case 'wrongTypes': {
      const doc = baseDoc()
      const paths = valuePaths(doc).filter((p) => p.length > 0)
      setAt(doc, pick(next, paths), pick(next, WRONG_VALUES))
      return utf8(JSON.stringify(doc, null, 2))
    }
    case 'extremeNumbers': {
      const doc = baseDoc()
      const paths = valuePaths(doc).filter((p) => p.length > 0)
      const marker = `__extreme_${index}__`
      setAt(doc, pick(next, paths), marker)
      return utf8(JSON.stringify(doc, null, 2).replace(`"${marker}"`, pick(next, EXTREME_NUMBERS)))
    }
    case 'depth': {
      const depth = 10 + Math.floor(next() * 5000)
      const open = next() < 0.5 ? '[' : '{"a":'
      const close = open === '[' ? ']' : '}'
      const nested = open.repeat(depth) + '1' + close.repeat(depth)
      return utf8(BASE_TEXT.replace('"extensions": {', `"extensions": {"deep": ${nested},`))
    }
    case 'size': {
      const kind = Math.floor(next() * 4)
      if (kind === 0) return utf8(BASE_TEXT + ' '.repeat(10 * 1024 * 1024))
      if (kind === 1) {
        const keys = Array.from({ length: 10_001 + Math.floor(next() * 100) }, (_, i) => `"k${i}":${i}`)
        return utf8(BASE_TEXT.replace('"extensions": {', `"extensions": {"many": {${keys.join(',')}},`))
      }
      if (kind === 2) {
        const items = new Array(100_001).fill('0').join(',')
        return utf8(BASE_TEXT.replace('"extensions": {', `"extensions": {"long": [${items}],`))
      }
      const scenarios = Array.from({ length: 1001 }, (_, i) => ({
        id: `s${i}`,
        name: `S${i}`,
        overrides: {},
      }))
      const doc = baseDoc()
      ;(doc.plan as { [key: string]: Json }).scenarios = scenarios
      return utf8(JSON.stringify(doc))
    }
    case 'prototypeKeys': {
      const doc = baseDoc()
      const objects = valuePaths(doc).filter((p) => {
        let node: Json = doc
        for (const step of p) node = (node as Record<string | number, Json>)[step] as Json
        return node !== null && typeof node === 'object' && !Array.isArray(node)
      })
      const path = pick(next, objects)
      const key = pick(next, PROTOTYPE_KEYS)
      const marker = `__marker_${index}__`
      setAt(doc, [...path, marker], { polluted: true })
      return utf8(JSON.stringify(doc, null, 2).replace(`"${marker}"`, JSON.stringify(key)))
    }
    case 'duplicateKeys': {
      const keys = ['"name"', '"notes"', '"formatVersion"', '"view"', '"assumptions"']
      const key = pick(next, keys)
      const at = BASE_TEXT.indexOf(`${key}:`)
      const escaped = next() < 0.5 ? key : `"\\u00${key.charCodeAt(1).toString(16)}${key.slice(2)}`
      return utf8(`${BASE_TEXT.slice(0, at)}${escaped}: null, ${BASE_TEXT.slice(at)}`)
    }
    case 'encodings': {
      const kind = Math.floor(next() * 5)
      if (kind === 0) return Uint8Array.from(Buffer.from(BASE_TEXT, 'utf16le'))
      if (kind === 1) return Uint8Array.from([0xff, 0xfe, ...Buffer.from(BASE_TEXT, 'utf16le')])
      if (kind === 2) return Uint8Array.from(Buffer.from(BASE_TEXT.replace('"', '"é'), 'latin1'))
      if (kind === 3) return Uint8Array.from([0xef, 0xbb, 0xbf, ...BASE_BYTES])
      // an overlong encoding of "/" and a lone continuation byte inside a name
      const at = BASE_TEXT.indexOf('"name": "') + 9
      return Uint8Array.from([...BASE_BYTES.slice(0, at), 0xc0, 0xaf, 0x80, ...BASE_BYTES.slice(at)])
    }
    case 'controlCharacters': {
      const doc = baseDoc()
      const text = pick(next, CONTROL_TEXTS)
      const plan = doc.plan as { [key: string]: Json }
      const where = Math.floor(next() * 4)
      if (where === 0) plan.name = text
      else if (where === 1) (plan.scenarios as { [key: string]: Json }[])[0]!.name = text
      else if (where === 2) (plan.assumptions as { [key: string]: Json })[text] = 1
      else (plan.scenarios as { [key: string]: Json }[])[0]!.id = text
      return utf8(JSON.stringify(doc, null, 2))
    }
    case 'longStrings': {
      const doc = baseDoc()
      // Each just over its field's limit (name 200, notes 100,000 characters) or far over it.
      const plan = doc.plan as { [key: string]: Json }
      const where = Math.floor(next() * 3)
      if (where === 0) plan.name = 'n'.repeat(pick(next, [201, 1_000_000]))
      else if (where === 1) plan.notes = 'n'.repeat(pick(next, [100_001, 5_000_000]))
      else (plan.assumptions as { [key: string]: Json })['k'.repeat(pick(next, [201, 1_000_000]))] = 1
      return utf8(JSON.stringify(doc))
    }
    case 'versions': {
      const doc = baseDoc()
      const field = pick(next, ['formatVersion', 'minReaderVersion', 'format'])
      const value = pick(next, [
        -1,
        0,
        2,
        99,
        1.5,
        2 ** 53,
        '1',
        null,
        'stackplan',
        'stackplan2',
        'x'.repeat(1000),
      ] as Json[])
      doc[field] = value
      return utf8(JSON.stringify(doc, null, 2))
    }
  }
}

/** `perClass` files of every class from `seed`, in a fixed order. */
export function* hostileCorpus(seed: number, perClass: number): Generator<CorpusFile> {
  const next = random(seed)
  for (const corpusClass of CORPUS_CLASSES) {
    for (let i = 0; i < perClass; i++) {
      yield { corpusClass, name: `${corpusClass}-${i}.stackplan`, bytes: generate(corpusClass, next, i) }
    }
  }
}
