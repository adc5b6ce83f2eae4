import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)
vi.mock('../../electron/main/files/plan-store', () => ({
  FileServiceError: class extends Error {},
  readPlanText: vi.fn(),
  savePlanText: vi.fn(),
}))
vi.mock('../../electron/main/files/recent', () => ({ RecentFiles: vi.fn() }))
vi.mock('../../electron/main/files/recovery', () => ({ RecoveryStore: vi.fn() }))
vi.mock('../../models/index', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../models/index')>()),
  parsePlanFile: vi.fn(),
}))

const { app, ipcHandlers } = await import('./support/electron-mock')

describe('a second launch', () => {
  it('quits at once when another instance holds the lock, opening nothing', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false)
    await import('../../electron/main/index')
    expect(app.quit).toHaveBeenCalledTimes(1)
    expect(app.whenReady).not.toHaveBeenCalled()
    expect(app.listenerCount('second-instance')).toBe(0)
    expect(ipcHandlers.size).toBe(0)
  })
})
