import path from 'node:path'
import { app, BrowserWindow, dialog, protocol, session } from 'electron'
import { CloseGuard } from './close-guard'
import { showAboutDialog } from './dialogs/about'
import { openKnownPlan } from './documents'
import type { DocumentServices } from './documents'
import { HELP_URL, openExternalSafely } from './external-links'
import { RecentFiles } from './files/recent'
import { RecoveryStore } from './files/recovery'
import { devServerUrl } from './ipc/handle'
import { registerIpcHandlers } from './ipc/index'
import { KnownPaths } from './known-paths'
import { createMainWindow } from './main-window'
import { installMenu } from './menu'
import { languageForLocale, setShellLanguage } from './shell-text'
import { denyAllPermissions, lockDownWebContents } from './navigation'
import { ExternalOpenQueue, findPlanPathsInArgv } from './os-open'
import { registerAppProtocol, registerAppScheme } from './protocol'
import { sendPush } from './push'

const PRELOAD_PATH = path.join(import.meta.dirname, '../preload/index.cjs')
const RENDERER_DIR = path.join(import.meta.dirname, '../renderer')

// Both must happen before 'ready'.
app.enableSandbox()
registerAppScheme(protocol)

if (!app.requestSingleInstanceLock()) {
  // Another Stackplan is running: it received our argv through 'second-instance' and opens the file.
  app.quit()
} else {
  startApp()
}

function startApp(): void {
  const knownPaths = new KnownPaths()
  const openQueue = new ExternalOpenQueue()
  const closeGuard = new CloseGuard(() => app.quit())
  const waitingOsPaths: string[] = []
  let mainWindow: BrowserWindow | null = null
  let documents: DocumentServices | null = null
  let recentPaths: string[] = []

  const targetWindow = () => BrowserWindow.getFocusedWindow() ?? mainWindow

  const refreshMenu = () =>
    installMenu({
      isPackaged: app.isPackaged,
      platform: process.platform,
      recent: recentPaths,
      send: (channel, ...args) => sendPush(targetWindow(), channel, ...args),
      showAbout: () => void showAboutDialog(targetWindow()),
      openHelp: () => void openExternalSafely(HELP_URL),
    })

  const focusMainWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  }

  /** A file from the OS: launch argv, a second launch, or macOS 'open-file'. */
  const openFromOs = async (filePath: string) => {
    if (documents === null) {
      waitingOsPaths.push(filePath)
      return
    }
    knownPaths.add(filePath)
    openQueue.push(await openKnownPlan(documents, filePath))
    // macOS keeps running without windows: a file opened then needs a window to show in.
    if (mainWindow === null || mainWindow.isDestroyed()) await openMainWindow()
    else focusMainWindow()
  }

  let windowInFlight: Promise<void> | null = null
  const openMainWindow = (): Promise<void> => {
    // Two files opened at once while no window exists must not open two windows.
    windowInFlight ??= createMainWindow({
      preloadPath: PRELOAD_PATH,
      windowStateFile: path.join(app.getPath('userData'), 'window-state.json'),
      devServerUrl: devServerUrl(),
      closeGuard,
      onPageReady: (win) => openQueue.setReceiver((result) => sendPush(win, 'plan:openedExternally', result)),
      onPageGone: () => openQueue.clearReceiver(),
    })
      .then((win) => {
        mainWindow = win
        win.on('closed', () => {
          mainWindow = null
          openQueue.clearReceiver()
        })
      })
      .finally(() => {
        windowInFlight = null
      })
    return windowInFlight
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow()
    for (const filePath of findPlanPathsInArgv(argv, workingDirectory)) void openFromOs(filePath)
  })
  app.on('open-file', (event, filePath) => {
    event.preventDefault()
    void openFromOs(filePath)
  })
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, devServerUrl()))
  app.on('before-quit', () => closeGuard.markQuitting())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) void openMainWindow()
  })

  app
    .whenReady()
    .then(async () => {
      denyAllPermissions(session.defaultSession)
      registerAppProtocol(protocol, RENDERER_DIR)

      // The OS locale speaks until the window says which language it shows.
      setShellLanguage(languageForLocale(app.getLocale()))
      const userData = app.getPath('userData')
      const recent = new RecentFiles(path.join(userData, 'recent.json'))
      const services: DocumentServices = {
        knownPaths,
        recent,
        onRecentChanged: (paths, addedPath) => {
          app.addRecentDocument(addedPath)
          recentPaths = paths
          knownPaths.addAll(paths)
          refreshMenu()
        },
      }
      documents = services
      registerIpcHandlers({
        documents: services,
        recovery: { store: new RecoveryStore(path.join(userData, 'recovery')), knownPaths },
        closeGuard,
        onLanguageChanged: refreshMenu,
      })

      recentPaths = await recent.list().catch(() => [])
      knownPaths.addAll(recentPaths)
      refreshMenu()
      await openMainWindow()

      const launchPaths = findPlanPathsInArgv(process.argv, process.cwd())
      for (const filePath of [...launchPaths, ...waitingOsPaths.splice(0)]) void openFromOs(filePath)
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Stackplan could not start', error instanceof Error ? error.message : String(error))
      app.exit(1)
    })
}
