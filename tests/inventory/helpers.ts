import { createDefaultPlan, planInputs } from '../../models/index'
import {
  readInventory,
  summarizeInventory,
  type EstateSummary,
  type InventoryInput,
  type LicensingTerms,
} from '../../inventory/index'

/** The default plan's licensing terms: 16 cores per CPU, 72-core order minimum, list prices (VCF 350, VVF 135 …). */
export function defaultTerms(): LicensingTerms {
  const { vmware } = planInputs(createDefaultPlan()).inputs
  return {
    minCoresPerCpu: vmware.minCoresPerCpu,
    minCoresPerOrder: vmware.minCoresPerOrderEnabled ? vmware.minCoresPerOrder : null,
    usdPerCoreYear: vmware.usdPerCoreYear,
  }
}

/** Reads and summarizes files the way the CLI and the window do. */
export async function importSummary(
  inputs: InventoryInput[],
  options: { includePoweredOff?: boolean; includeTemplates?: boolean } = {}
): Promise<EstateSummary> {
  return summarizeInventory(await readInventory(inputs), { ...options, licensing: defaultTerms() })
}

/** Named bytes as import inputs. */
export function inputsOf(files: Record<string, Uint8Array>): InventoryInput[] {
  return Object.entries(files).map(([name, bytes]) => ({ name, bytes }))
}
