import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { RENDERER_CHUNK_LIMIT_KB } from './build/renderer-chunks'

const root = import.meta.dirname
const modelsDir = resolve(root, 'models')

/** Renderer-only libraries: a main or preload import of one is a mistake, so the build fails on it. */
function forbidRendererLibraries(processName: string): Plugin {
  const forbidden = /^(vue|pinia|chart\.js|vue-chartjs|vue-i18n)(\/|$)/
  return {
    name: 'stackplan:forbid-renderer-libraries',
    enforce: 'pre',
    resolveId(source, importer) {
      if (forbidden.test(source)) {
        throw new Error(`${processName} must not import "${source}" (imported from ${importer ?? '?'})`)
      }
      return null
    },
  }
}

export default defineConfig({
  main: {
    plugins: [forbidRendererLibraries('The main process')],
    resolve: { alias: { '@models': modelsDir } },
    build: {
      outDir: resolve(root, 'out/main'),
      lib: { entry: resolve(root, 'electron/main/index.ts') },
      // Everything main needs is bundled: the packaged app ships no node_modules.
      externalizeDeps: false,
    },
  },
  preload: {
    plugins: [forbidRendererLibraries('The preload script')],
    build: {
      outDir: resolve(root, 'out/preload'),
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      // Sandboxed preloads can only be CommonJS, and can require nothing but 'electron': bundle it all.
      externalizeDeps: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [vue()],
    define: { __STACKPLAN_HOST__: JSON.stringify('electron') },
    resolve: { alias: { '@models': modelsDir } },
    worker: { format: 'es' },
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: RENDERER_CHUNK_LIMIT_KB,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
})
