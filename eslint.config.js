import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import noImportCycles from './scripts/lint/no-import-cycles.js'

/** Imports models/ may never make: it is pure TypeScript shared by renderer, main and CLI. */
const modelsForbidden = [
  'vue',
  'vue/*',
  'pinia',
  'electron',
  'electron/*',
  'chart.js',
  'chart.js/*',
  'vue-chartjs',
  'node:*',
  'fs',
  'path',
  'os',
  '**/renderer/**',
  '**/electron/**',
  '**/cli/**',
  '**/file-service/**',
]

/** The pure layers' restricted imports as one pattern group. */
const modelsPure = {
  group: modelsForbidden,
  message:
    'models/ and export/ are pure TypeScript shared by the window, main and the CLI (DESIGN.md, Layers).',
}

/** Outside models/, only its front door: models/index.ts (or the `@models` alias). */
const modelsInternals = {
  group: ['**/models/**', '!**/models/index', '!**/models/index.ts'],
  message: 'Import models/ only through models/index.ts (the `@models` alias in the renderer).',
}

/**
 * Rooms of models/ and the rooms each may not import: catalog → plan → cost → analysis, plan → plan-file.
 * plan/limits.ts imports nothing, so every room may use it. schema/ (the valibot rules shared by the
 * planning file and the IPC payloads) imports no other room, so every room may use it.
 */
const roomGroups = {
  schema: ['**/catalog/**', '**/plan/**', '**/cost/**', '**/analysis/**', '**/plan-file/**'],
  catalog: ['**/cost/**', '**/analysis/**', '**/plan-file/**', '**/plan/*', '!**/plan/limits'],
  plan: ['**/cost/**', '**/analysis/**', '**/plan-file/**'],
  cost: ['**/analysis/**', '**/plan-file/**'],
  analysis: ['**/plan-file/**'],
  'plan-file': ['**/cost/**', '**/analysis/**'],
}

/** One layer's restricted imports: a regular expression over the import source, and other pattern groups. */
function layer(regex, ...groups) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex, message: 'This layer may not import it (DESIGN.md, Layers).' }, ...groups] },
    ],
  }
}

/** Packages and folders only one layer uses. */
const NODE = 'node:.*|fs|path|os|child_process'
const UI = 'vue|pinia|chart\\.js|vue-chartjs'

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'cli/dist/**',
      'node_modules/**',
      'test-results/**',
      '.tools/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': ['error', { ignores: ['App'] }],
      // Prettier owns formatting; these layout rules would fight it.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  {
    plugins: { stackplan: noImportCycles },
    rules: { 'stackplan/no-import-cycles': 'error' },
  },
  {
    files: ['models/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [modelsPure] }] },
  },
  ...Object.entries(roomGroups).map(([room, group]) => ({
    files: [`models/${room}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            modelsPure,
            {
              group,
              message: `models/${room}/ may not import this room: imports run catalog → plan → cost → analysis, plan → plan-file, and schema/ imports no room.`,
            },
          ],
        },
      ],
    },
  })),
  {
    // Export layouts are shared by the window and the CLI: pure like models/, plus exceljs.
    files: ['export/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [modelsPure, modelsInternals] }] },
  },
  {
    // Inventory readers run in a Web Worker and in the CLI: pure over bytes (fflate, papaparse), and they
    // reach models/ only through its entry, models/index.ts.
    files: ['inventory/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            modelsPure,
            modelsInternals,
            { group: ['**/export/**'], message: 'inventory/ reads files; it does not use export layouts.' },
          ],
        },
      ],
    },
  },
  {
    // The window: no main process, no Node; the contract only as types (electron/contract.ts).
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: layer(
      `^(electron|${NODE})(/.*)?$|(^|/)(electron/(main|preload)|cli|file-service)(/|$)`,
      modelsInternals
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: layer(`^(${UI})(/.*)?$|(^|/)(renderer|cli)(/|$)`, modelsInternals),
  },
  {
    // The file service (atomic writes, bounded reads, typed errors) is plain Node shared by the main process
    // and the command line: no Electron, no window code, no CLI, and models/ only through its index.
    files: ['file-service/**/*.ts'],
    rules: layer(`^(electron|${UI})(/.*)?$|(^|/)(renderer|electron|cli)(/|$)`, modelsInternals),
  },
  {
    // The command line: no window code and nothing of Electron; files go through file-service/.
    files: ['cli/**/*.ts'],
    rules: layer(`^(electron|${UI})(/.*)?$|(^|/)(renderer|electron)(/|$)`, modelsInternals),
  }
)
