import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** Lint messages of the layer rule for `code` as if it were a file at `path` in the project. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('the models/ layer rule', () => {
  it.each([
    ["import { ref } from 'vue'", 'vue'],
    ["import { defineStore } from 'pinia'", 'pinia'],
    ["import { app } from 'electron'", 'electron'],
    ["import { Chart } from 'chart.js'", 'chart.js'],
    ["import { readFile } from 'node:fs'", 'node:fs'],
    ["import { join } from 'path'", 'path'],
    ["import { useHost } from '../renderer/src/host'", '../renderer/src/host'],
    ["import { handle } from '../electron/main/ipc/handle'", '../electron/main/ipc/handle'],
  ])('fails the lint when models/ does %s', async (code, source) => {
    const errors = await layerErrors('models/probe.ts', `${code}\nexport const x = 1\n`)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`'${source}'`)
  })

  it('lets models/ import models/ and lets the renderer import vue', async () => {
    expect(
      await layerErrors('models/probe.ts', "import { CATALOG } from './catalog'\nexport const x = CATALOG\n")
    ).toEqual([])
    expect(
      await layerErrors('renderer/src/probe.ts', "import { ref } from 'vue'\nexport const x = ref(1)\n")
    ).toEqual([])
  })
})

describe('the inventory/ layer rule', () => {
  it.each([
    ["import { readFile } from 'node:fs'", 'node:fs'],
    ["import { ref } from 'vue'", 'vue'],
    ["import { app } from 'electron'", 'electron'],
    ["import { csvField } from '../export/csv'", '../export/csv'],
    ["import { computeCapacity } from '../models/capacity'", '../models/capacity'],
    ["import { computeCapacity } from '../models/cost/capacity'", '../models/cost/capacity'],
    ["import { handle } from '../electron/main/ipc/handle'", '../electron/main/ipc/handle'],
  ])('fails the lint when inventory/ does %s', async (code, source) => {
    const errors = await layerErrors('inventory/probe.ts', `${code}\nexport const x = 1\n`)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`'${source}'`)
  })

  it('lets inventory/ import models/index, fflate and papaparse', async () => {
    const code =
      "import { vmwareLicensedCores } from '../models/index'\nimport { unzipSync } from 'fflate'\n" +
      "import Papa from 'papaparse'\nexport const x = [vmwareLicensedCores, unzipSync, Papa]\n"
    expect(await layerErrors('inventory/probe.ts', code)).toEqual([])
  })
})
