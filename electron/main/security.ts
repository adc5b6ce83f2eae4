import type { WebPreferences } from 'electron'

/**
 * The webPreferences of every Stackplan window. The renderer gets no Node.js, runs in Chromium's sandbox,
 * and sees the preload's `window.stackplan` only through the context bridge.
 */
export function createWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  }
}

/**
 * The Content-Security-Policy every app:// response carries (as a header, so `frame-ancestors` counts).
 *
 * `style-src 'unsafe-inline'` is the one relaxation: Vue's `:style` bindings and Chart.js write inline
 * `style` attributes (canvas sizing, tooltips), which CSP treats as inline styles. Inline styles cannot run
 * code; scripts stay 'self' only, with no 'unsafe-inline' and no 'unsafe-eval'.
 * `blob:` for workers and images: the analysis worker and chart PNG exports may be created from blobs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

/** Headers sent with every response of the app:// protocol and of the browser fallback server. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
}
