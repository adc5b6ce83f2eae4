/** What is wrong with an inventory file as a whole: each has its own message in both languages. */
export type InventoryProblem =
  | 'empty'
  | 'too-large'
  | 'encrypted-workbook'
  | 'legacy-xls'
  | 'not-a-workbook'
  | 'corrupt-zip'
  | 'encrypted-zip'
  | 'zip-limits'
  | 'missing-sheet'
  | 'missing-column'
  | 'too-many-rows'
  | 'no-vms'
  | 'cancelled'

/**
 * A file the import cannot use. The message names the file and the problem in one sentence; `problem`
 * and `detail` (a sheet or column name, a limit) let the window say the same in its own language.
 */
export class InventoryError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: InventoryProblem,
    message: string,
    readonly detail: string | null = null
  ) {
    super(`${fileName}: ${message}`)
    this.name = 'InventoryError'
  }
}
