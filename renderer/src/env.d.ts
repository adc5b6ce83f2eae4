/// <reference types="vite/client" />
import type { StackplanApi } from '../../electron/contract'

declare global {
  /** Which host the bundle was built for: 'electron' (app://, preload bridge) or 'browser'. */
  const __STACKPLAN_HOST__: 'electron' | 'browser'

  interface Window {
    /** Set by the Electron preload; absent in the browser build. */
    stackplan?: StackplanApi
  }
}

export {}
