import { FLEET_VMS_LIMITS } from '../models/index'

/**
 * Limits that keep a hostile or mistaken file from exhausting memory or time. Each is refused before the
 * work that would exceed it, with a message naming the limit (docs/IMPORT.md, "Limits").
 */
export const INVENTORY_LIMITS = {
  /** A file given to the import, as stored on disk. */
  maxFileBytes: 512 * 1024 * 1024,
  /** Entries listed in one zip's central directory (RVTools writes about 30). */
  maxZipEntries: 10_000,
  /** Uncompressed bytes of one zip entry that is read (a 100,000-VM vInfo sheet is about 300 MB). */
  maxEntryBytes: 1024 * 1024 * 1024,
  /** Uncompressed bytes of all entries read from one file together. */
  maxTotalInflatedBytes: 1536 * 1024 * 1024,
  /**
   * Highest uncompressed ÷ compressed ratio accepted for an entry larger than 1 MiB. Spreadsheet XML
   * compresses 10–40×; a decompression bomb reaches about 1,000×.
   */
  maxCompressionRatio: 200,
  /** Rows of one sheet or CSV: one VM a row, so as many as fleet.vms allows. */
  maxRows: FLEET_VMS_LIMITS.max,
  /** Bytes of the small workbook parts (workbook.xml, relationships). */
  maxWorkbookPartBytes: 16 * 1024 * 1024,
} as const
