import type { CloseGuard } from '../close-guard'
import type { DocumentServices } from '../documents'
import { registerAppHandlers } from './app'
import { registerExportHandlers } from './export'
import { registerPlanHandlers } from './plan'
import { registerRecentHandlers } from './recent'
import { registerRecoveryHandlers } from './recovery'
import type { RecoveryServices } from './recovery'

/** Registers a handler for every invoke channel of the contract. */
export function registerIpcHandlers(services: {
  documents: DocumentServices
  recovery: RecoveryServices
  closeGuard: CloseGuard
  /** Called after the window switched the shell's language. */
  onLanguageChanged: () => void
}): void {
  registerAppHandlers(services.closeGuard, services.onLanguageChanged)
  registerPlanHandlers(services.documents)
  registerRecentHandlers(services.documents)
  registerRecoveryHandlers(services.recovery)
  registerExportHandlers()
}
