// Export layouts shared by the window and the command line: pure, formula-free (numbers come from models/),
// no vue, electron or node:* — so both bundles can import them. The workbook lives in ./workbook (it pulls
// in exceljs; the window loads it on demand).
export * from './table'
export * from './csv'
export * from './tables'
