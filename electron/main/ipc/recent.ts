import type { DocumentServices } from '../documents'
import { handle } from './handle'

/** recent:list — the paths it returns become paths the renderer may open. */
export function registerRecentHandlers(services: DocumentServices): void {
  handle('recent:list', async () => {
    const paths = await services.recent.list()
    services.knownPaths.addAll(paths)
    return paths
  })
}
