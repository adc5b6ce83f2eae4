import { shell } from 'electron'

/**
 * Hosts a link may open in the user's browser: reference documentation a plan's sources point to.
 * Exact host names only; a subdomain needs its own entry.
 */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'docs.openstack.org',
  'www.openstack.org',
  'techdocs.broadcom.com',
  'www.vmware.com',
  'github.com',
]

/** The Help menu's documentation link (its host is in the allowlist). */
export const HELP_URL = 'https://docs.openstack.org/'

const MAX_URL_LENGTH = 2048

/**
 * Whether `candidate` may be handed to the OS: an `https:` URL (scheme written in lowercase), without
 * credentials or a custom port, whose host is exactly one of `allowedHosts`. Decided on the parsed URL,
 * never on string prefixes (`https://github.com.attacker.example` starts with an allowed prefix).
 * Malformed or non-string input is refused, never thrown.
 */
export function isAllowedExternalUrl(
  candidate: unknown,
  allowedHosts: readonly string[] = EXTERNAL_HOST_ALLOWLIST
): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > MAX_URL_LENGTH)
    return false
  // The URL parser silently drops tabs/newlines and trims control characters; refuse them instead.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f]/.test(candidate)) return false
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (url.protocol !== 'https:') return false
  // `HtTpS:` parses as https:, but nothing legitimate writes it so: the scheme as written must already be
  // the parsed, lowercase one (odd casing is a common disguise in phishing links).
  if (candidate.slice(0, url.protocol.length) !== url.protocol) return false
  if (url.username !== '' || url.password !== '' || url.port !== '') return false
  return allowedHosts.includes(url.hostname)
}

/** Opens an allowlisted https URL in the default browser; returns whether it did. */
export async function openExternalSafely(
  candidate: unknown,
  allowedHosts: readonly string[] = EXTERNAL_HOST_ALLOWLIST
): Promise<boolean> {
  if (!isAllowedExternalUrl(candidate, allowedHosts)) return false
  try {
    await shell.openExternal(new URL(candidate as string).href)
    return true
  } catch {
    return false
  }
}
