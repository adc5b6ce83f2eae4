import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  define: { __STACKPLAN_HOST__: JSON.stringify('browser') },
  resolve: { alias: { '@models': resolve(import.meta.dirname, 'models') } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
          // Some suites build a workbook or a CLI bundle before their tests: generous on a loaded machine.
          hookTimeout: 60_000,
          globalSetup: ['tests/support/build-cli.global.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll waits for an outcome, not a speed: a loaded machine may take seconds to get there.
          expect: { poll: { timeout: 30_000 } },
          globalSetup: ['tests/support/chromium.global.ts'],
        },
      },
    ],
  },
})
