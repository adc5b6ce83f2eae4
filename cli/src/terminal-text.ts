/**
 * Text from a planning file or the command line on its way to a terminal. A terminal obeys control
 * characters: ESC sequences retitle the window, clear the screen or rewrite what was printed; a bare CR
 * or a newline forges lines; bidirectional overrides reorder what is shown (CVE-2021-42574). Every such
 * character is written as a visible `\uXXXX` escape instead, which JSON reads back as the same character.
 */

/** C0 and C1 controls, DEL, line/paragraph separators and the bidirectional embedding/isolate controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this is for
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** The same, except tab and newline: the layout of a table or a CSV the command itself prints. */
const CONTROLS_BUT_LAYOUT =
  // eslint-disable-next-line no-control-regex -- finding control characters is what this is for
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Quoted values longer than this are cut, so one refusal never prints a megabyte of one line. */
export const MAX_QUOTED_CHARS = 80
/** A message on stderr is one line of at most this many characters. */
export const MAX_MESSAGE_CHARS = 500

function escapeOne(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** `text` with every control character written as a visible `\uXXXX` escape: always one line. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, escapeOne)
}

/** `text` cut to `maxChars` characters with "…" (never between the halves of a surrogate pair). */
export function cutText(text: string, maxChars = MAX_QUOTED_CHARS): string {
  if (text.length <= maxChars) return text
  let end = maxChars - 1
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

/** A value from a file as it appears in a message or table: escaped, cut, in double quotes. */
export function quoted(value: string, maxChars = MAX_QUOTED_CHARS): string {
  return `"${cutText(escapeControls(value), maxChars)}"`
}

/**
 * One line for stderr: controls escaped (a newline in a key cannot start a forged line), every quoted
 * run longer than MAX_QUOTED_CHARS cut, the whole at most MAX_MESSAGE_CHARS.
 */
export function terminalLine(message: string): string {
  const escaped = escapeControls(message).replace(
    /"([^"]{81,})"/g,
    (_match, inner: string) => `"${cutText(inner, MAX_QUOTED_CHARS)}"`
  )
  return cutText(escaped, MAX_MESSAGE_CHARS)
}

/**
 * A command's whole output for stdout: newlines and tabs stay (they are the table's or the CSV's own
 * layout), every other control character is escaped. JSON output stays valid and reads back the same.
 */
export function terminalOutput(text: string): string {
  return text.replace(CONTROLS_BUT_LAYOUT, escapeOne)
}
