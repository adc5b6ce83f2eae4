// Readers of VMware inventories (RVTools .xlsx, RVTools CSV files or a zip of them, plain VM CSVs) into an
// estate summary and a workload mix. Pure TypeScript over bytes — no vue, electron or node:* — shared by the
// window's import worker and the command line. Formulas stay in models/ (imported through models/index).
export { InventoryError, type InventoryProblem } from './errors'
export { INVENTORY_LIMITS } from './limits'
export { readInventory, type InventoryInput, type ReadInventoryOptions } from './read'
export type { HostRow, InventoryRows, InventoryWarning, SourceFile, VmColumns } from './rows'
export { MAX_SIZE_CLASSES, sizeClasses, type VmSizeClass } from './classes'
export {
  importedEstateOf,
  workloadClassesOf,
  summarizeHosts,
  summarizeInventory,
  type EstateSummary,
  type HostGroup,
  type HostSummary,
  type LicensingTerms,
  type SummaryOptions,
} from './summary'
export {
  predominantHosts,
  suggestedPeakCpu,
  type PredominantHosts,
  type SuggestedPeakCpu,
} from './host-suggestions'
export type { RawInflater } from './zip'
export { VHOST_COLUMNS, VINFO_COLUMNS } from './rvtools'
export { PLAIN_COLUMNS } from './plain-csv'
