import type { InventoryProblem, InventoryRows } from '../../../inventory/index'

/** A file handed to the import worker; its bytes are transferred, not copied. */
export interface InventoryFileBytes {
  name: string
  bytes: Uint8Array
}

export type InventoryRequest = { type: 'read'; files: InventoryFileBytes[] }

export type InventoryReply =
  | { type: 'progress'; fileName: string; fraction: number }
  | { type: 'done'; rows: InventoryRows }
  | {
      type: 'error'
      fileName: string
      problem: InventoryProblem | 'internal'
      detail: string | null
      message: string
    }
