import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'

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
]

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
    files: ['models/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: modelsForbidden }],
    },
  },
  {
    // Export layouts are shared by the window and the CLI: pure like models/, plus exceljs.
    files: ['export/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: modelsForbidden }],
    },
  },
  {
    // Inventory readers run in a Web Worker and in the CLI: pure over bytes (fflate, papaparse), and they
    // reach models/ only through its entry, models/index.ts.
    files: ['inventory/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...modelsForbidden, '**/export/**', '**/models/**', '!**/models/index'] },
      ],
    },
  }
)
