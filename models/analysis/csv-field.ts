/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; null is an empty field. */
export function csvField(value: number | string | boolean | null): string {
  const text = value === null ? '' : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
