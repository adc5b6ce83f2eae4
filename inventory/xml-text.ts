const utf8 = new TextDecoder('utf-8')

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Replaces XML's five named entities and numeric character references; anything else is kept as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED_ENTITIES[body] ?? whole
  })
}

/** XML text between two offsets: UTF-8 decoded, entities replaced. */
export function xmlText(bytes: Uint8Array, start: number, end: number): string {
  return decodeEntities(utf8.decode(bytes.subarray(start, end)))
}

/** UTF-8 text of a whole (small) XML part. */
export function utf8Text(bytes: Uint8Array): string {
  return utf8.decode(bytes)
}

/** The attributes of one start tag's text (`name="value"` or single quotes), prefixes kept in the names. */
export function parseAttributes(tagText: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const m of tagText.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(m[1] as string, decodeEntities(m[2] ?? m[3] ?? ''))
  }
  return attributes
}

/** Start tags with this local name (any namespace prefix) in a small XML part, as attribute maps. */
export function findElements(xml: string, localName: string): Map<string, string>[] {
  const out: Map<string, string>[] = []
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])([^>]*)>`, 'g')
  for (const m of xml.matchAll(pattern)) out.push(parseAttributes(m[1] ?? ''))
  return out
}
