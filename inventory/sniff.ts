/** What a file's first bytes say it is. */
export type FileShape = 'empty' | 'zip' | 'ole' | 'text'

/** OLE2 compound file: a binary .xls, or an encrypted .xlsx (Office wraps those in the same container). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export function sniffShape(bytes: Uint8Array): FileShape {
  if (bytes.length === 0) return 'empty'
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))
    return 'zip'
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return 'ole'
  return 'text'
}

/**
 * True when an OLE2 file holds an encrypted OOXML package: Office stores a password-protected .xlsx as an
 * OLE2 file with streams named "EncryptionInfo" and "EncryptedPackage" (MS-OFFCRYPTO), written in UTF-16LE
 * in the directory.
 */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage'
  const pattern = new Uint8Array(name.length * 2)
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i)
  const first = pattern[0] as number
  for (
    let at = bytes.indexOf(first);
    at >= 0 && at + pattern.length <= bytes.length;
    at = bytes.indexOf(first, at + 1)
  ) {
    let i = 1
    while (i < pattern.length && bytes[at + i] === pattern[i]) i++
    if (i === pattern.length) return true
  }
  return false
}
