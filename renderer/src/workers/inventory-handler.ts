import { InventoryError, readInventory } from '../../../inventory/index'
import type { InventoryReply, InventoryRequest } from './inventory-protocol'

/**
 * Reads inventory files off the window's thread and answers with the rows (sizes only: names never leave
 * the reader) or one error naming the file. Progress is posted at most every 2 % of a file.
 */
export async function handleInventoryRequest(
  request: InventoryRequest,
  post: (reply: InventoryReply) => void
): Promise<void> {
  let lastFraction = -1
  let lastFile = ''
  try {
    const rows = await readInventory(request.files, {
      onProgress: ({ fileName, fraction }) => {
        if (fileName === lastFile && fraction - lastFraction < 0.02 && fraction < 1) return
        lastFile = fileName
        lastFraction = fraction
        post({ type: 'progress', fileName, fraction })
      },
    })
    post({ type: 'done', rows })
  } catch (error) {
    if (error instanceof InventoryError) {
      post({
        type: 'error',
        fileName: error.fileName,
        problem: error.problem,
        detail: error.detail,
        message: error.message,
      })
    } else {
      const names = request.files.map((f) => f.name).join(', ')
      post({
        type: 'error',
        fileName: names,
        problem: 'internal',
        detail: null,
        message: `${names}: ${(error as Error).message}`,
      })
    }
  }
}
