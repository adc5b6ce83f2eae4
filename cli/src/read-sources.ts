import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { createInflateRaw } from 'node:zlib'
import { INVENTORY_LIMITS, type InventoryInput, type RawInflater } from '../../inventory/index'
import { InputFileProblem } from './errors'
import { terminalText } from './format'

/**
 * zlib's raw inflater as a stream: several times faster than the portable one on large sheets. Output is
 * handed on chunk by chunk; a throw from `onChunk` (a limit) destroys the stream.
 */
export const zlibInflater: RawInflater = async (compressed, onChunk) => {
  const stream = createInflateRaw({ chunkSize: 256 * 1024 })
  stream.end(compressed)
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onChunk(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
  }
}

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return code ?? String(error)
}

async function readInput(path: string, name: string): Promise<InventoryInput> {
  const info = await stat(path)
  // Size is checked before reading, so a huge file is refused without loading it.
  if (info.size > INVENTORY_LIMITS.maxFileBytes) {
    throw new InputFileProblem(
      `${terminalText(name)}: the file is larger than ${INVENTORY_LIMITS.maxFileBytes / (1024 * 1024)} MiB, the most an import reads`
    )
  }
  const buffer = await readFile(path)
  return { name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) }
}

/**
 * Reads the SOURCE arguments: files as they are; a folder (an RVTools CSV export) as its .csv files, named
 * "folder/file.csv" in messages. A missing or unreadable path is an input problem (exit 3).
 */
export async function readSources(paths: readonly string[]): Promise<InventoryInput[]> {
  const inputs: InventoryInput[] = []
  for (const path of paths) {
    try {
      const info = await stat(path)
      if (info.isDirectory()) {
        const names = (await readdir(path)).filter((n) => /\.csv$/i.test(n)).sort()
        if (names.length === 0)
          throw new InputFileProblem(`${terminalText(path)}: the folder holds no .csv files`)
        for (const n of names) inputs.push(await readInput(join(path, n), `${basename(path)}/${n}`))
      } else {
        inputs.push(await readInput(path, basename(path)))
      }
    } catch (error) {
      if (error instanceof InputFileProblem) throw error
      throw new InputFileProblem(`cannot read ${terminalText(path)}: ${why(error)}`)
    }
  }
  return inputs
}
