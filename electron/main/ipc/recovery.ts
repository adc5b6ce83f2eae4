import type { RecoveryStore } from '../files/recovery'
import type { KnownPaths } from '../known-paths'
import { handle } from './handle'

export interface RecoveryServices {
  store: Pick<RecoveryStore, 'write' | 'discard' | 'list'>
  knownPaths: KnownPaths
}

/** recovery:snapshot, recovery:discard, recovery:list. */
export function registerRecoveryHandlers(services: RecoveryServices): void {
  handle('recovery:snapshot', async (_event, snapshot) => {
    // A snapshot may only name a file main handed out, because recovery:list hands that path back as known.
    if (snapshot.path !== null && !services.knownPaths.has(snapshot.path)) {
      throw new Error(
        'recovery:snapshot refused: the snapshot names a file that was not opened or chosen in Stackplan'
      )
    }
    await services.store.write(snapshot)
  })

  handle('recovery:discard', async (_event, request) => {
    await services.store.discard(request.docId)
  })

  handle('recovery:list', async () => {
    const snapshots = await services.store.list()
    for (const snapshot of snapshots) {
      if (snapshot.path !== null) services.knownPaths.add(snapshot.path)
    }
    return snapshots
  })
}
