import path from 'node:path'

export const PLAN_EXTENSION = 'stackplan'

/**
 * A file name the renderer suggested, made safe to offer in a save dialog: no folders, no characters
 * Windows refuses, no control characters, a sane length, and the expected extension.
 */
export function toSuggestedFileName(
  suggested: string,
  extension: string,
  fallback = 'Untitled plan'
): string {
  const base = path.win32.basename(path.posix.basename(suggested))
  let name = base
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const suffix = `.${extension}`
  if (name.toLowerCase().endsWith(suffix)) name = name.slice(0, -suffix.length).trim()
  name = name.replace(/^\.+/, '').slice(0, 200).trim()
  return `${name.length > 0 ? name : fallback}${suffix}`
}

/** Adds the extension when a save dialog (GTK, for one) returned a name without it. */
export function withExtension(filePath: string, extension: string): { path: string; isChanged: boolean } {
  if (filePath.toLowerCase().endsWith(`.${extension}`)) return { path: filePath, isChanged: false }
  return { path: `${filePath}.${extension}`, isChanged: true }
}
