import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { RENDERER_CHUNK_LIMIT_KB } from './build/renderer-chunks'

/** The browser build of the same renderer: used by `npm start`'s fallback and the end-to-end tests. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [vue()],
  define: { __STACKPLAN_HOST__: JSON.stringify('browser') },
  resolve: { alias: { '@models': resolve(import.meta.dirname, 'models') } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: RENDERER_CHUNK_LIMIT_KB,
  },
  worker: { format: 'es' },
})
