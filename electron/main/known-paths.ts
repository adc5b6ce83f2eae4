import path from 'node:path'

/**
 * The file paths main has handed to the renderer: dialog results, the recent list and files opened by the
 * OS. The renderer may only read or write these, so a compromised page cannot name arbitrary files.
 */
export class KnownPaths {
  private readonly keys = new Set<string>()

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  /** Case-insensitive on Windows and macOS, whose default file systems are. */
  private key(filePath: string): string | null {
    if (typeof filePath !== 'string' || filePath.length === 0 || filePath.includes('\0')) return null
    const pathApi = this.platform === 'win32' ? path.win32 : path.posix
    if (!pathApi.isAbsolute(filePath)) return null
    const normalized = pathApi.normalize(filePath)
    return this.platform === 'win32' || this.platform === 'darwin' ? normalized.toLowerCase() : normalized
  }

  add(filePath: string): void {
    const key = this.key(filePath)
    if (key !== null) this.keys.add(key)
  }

  addAll(filePaths: Iterable<string>): void {
    for (const filePath of filePaths) this.add(filePath)
  }

  has(filePath: string): boolean {
    const key = this.key(filePath)
    return key !== null && this.keys.has(key)
  }
}
