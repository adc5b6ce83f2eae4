import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

/** The browser build of the same renderer: used by `npm start`'s fallback and the end-to-end tests. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [vue()],
  define: { __STACKPLAN_HOST__: JSON.stringify('browser') },
  resolve: { alias: { '@models': resolve(import.meta.dirname, 'models') } },
  build: { outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true, sourcemap: false },
  worker: { format: 'es' },
})
