/** One cell as a reader hands it on: text, number, boolean, or nothing. */
export type Cell = string | number | boolean | null

/**
 * What a table reader (a worksheet or a CSV) reports to its consumer. The header row is decoded whole;
 * afterwards only the columns the consumer asked for are decoded, which is what keeps a 90-column sheet fast.
 */
export interface TableVisitor {
  /** The header row's texts; returns the indexes of the columns wanted, in the order `row` receives them. */
  header(names: readonly string[]): readonly number[]
  /** One data row: the wanted columns' values; `rowNumber` as a spreadsheet shows it (header = 1). */
  row(values: readonly Cell[], rowNumber: number): void
}
