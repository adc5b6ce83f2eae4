/** Chinese, Japanese and Korean characters, and full-width forms: two columns wide, no spaces between words. */
const WIDE = '\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6'
const IS_WIDE = new RegExp(`[${WIDE}]`)
/** A wide character alone, or a run of other non-space characters (a word), with the spaces before it. */
const TOKEN = new RegExp(`(\\s*)([${WIDE}]|[^\\s${WIDE}]+)`, 'g')

const columns = (text: string): number => [...text].reduce((sum, ch) => sum + (IS_WIDE.test(ch) ? 2 : 1), 0)

/** Cuts `text` to at most `max` columns, ending in "…" when something was cut. */
function clip(text: string, max: number): string {
  if (columns(text) <= max) return text
  let out = ''
  for (const ch of text) {
    if (columns(out + ch) > max - 1) break
    out += ch
  }
  return `${out.trimEnd()}…`
}

/**
 * A chart label over at most `maxLines` lines of `maxColumns` columns each: broken between words, or between
 * any two characters in Chinese, which has no spaces. Only what still does not fit ends in "…"; the full
 * name stays in the tooltip and the table. Chart.js draws an array label as one line per item.
 */
export function wrapLabel(text: string, maxColumns: number, maxLines = 2): string[] {
  const lines: string[] = []
  let line = ''
  for (const m of text.matchAll(TOKEN)) {
    const [, space = '', token = ''] = m
    if (line !== '' && columns(line + space + token) > maxColumns) {
      if (lines.length === maxLines - 1) {
        // The last line takes the rest of the text, cut to fit.
        lines.push(clip(line + text.slice(m.index).trimEnd(), maxColumns))
        return lines
      }
      lines.push(clip(line, maxColumns))
      line = token
    } else {
      line = line === '' ? token : line + space + token
    }
  }
  if (line !== '') lines.push(clip(line, maxColumns))
  return lines
}
