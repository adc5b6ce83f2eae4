import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** Lint messages of one rule for `code` as if it were a file at `path` in the project. */
async function ruleErrors(ruleId: string, path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) })
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message)
}

/** Lint messages of the layer rule for `code` as if it were a file at `path` in the project. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  return ruleErrors('no-restricted-imports', path, code)
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

describe('the layer rule of every other layer, and of the rooms of models/', () => {
  it.each([
    // The rooms of models/: imports run catalog → plan → cost → analysis, plan → plan-file.
    ['models/catalog/probe.ts', "import { computeTco } from '../cost/tco'", '../cost/tco'],
    ['models/catalog/probe.ts', "import { createDefaultPlan } from '../plan/plan'", '../plan/plan'],
    ['models/plan/probe.ts', "import { evaluatePlan } from '../cost/evaluate'", '../cost/evaluate'],
    [
      'models/cost/probe.ts',
      "import { sensitivity } from '../analysis/sensitivity'",
      '../analysis/sensitivity',
    ],
    [
      'models/analysis/probe.ts',
      "import { parsePlanFile } from '../plan-file/plan-file'",
      '../plan-file/plan-file',
    ],
    [
      'models/plan-file/probe.ts',
      "import { monteCarlo } from '../analysis/montecarlo'",
      '../analysis/montecarlo',
    ],
    // The schema kit is shared by every room and by the IPC payloads: it imports no room.
    ['models/schema/probe.ts', "import { PLAN_FILE_LIMITS } from '../plan/limits'", '../plan/limits'],
    // The window: no main process, no Node, no CLI, and models/ only through its index.
    [
      'renderer/src/stores/probe.ts',
      "import { handle } from '../../../electron/main/ipc/handle'",
      '../../../electron/main/ipc/handle',
    ],
    ['renderer/src/stores/probe.ts', "import { readFile } from 'node:fs'", 'node:fs'],
    [
      'renderer/src/stores/probe.ts',
      "import { writeFileAtomic } from '../../../file-service/atomic-write'",
      '../../../file-service/atomic-write',
    ],
    ['renderer/src/stores/probe.ts', "import { ipcRenderer } from 'electron'", 'electron'],
    [
      'renderer/src/stores/probe.ts',
      "import { computeTco } from '../../../models/cost/tco'",
      '../../../models/cost/tco',
    ],
    // The main process: no window code, no CLI, and models/ only through its index.
    [
      'electron/main/probe.ts',
      "import { usePlanStore } from '../../renderer/src/stores/plan'",
      '../../renderer/src/stores/plan',
    ],
    ['electron/main/probe.ts', "import { main } from '../../cli/src/main'", '../../cli/src/main'],
    [
      'electron/main/probe.ts',
      "import { parsePlanFile } from '../../models/plan-file/plan-file'",
      '../../models/plan-file/plan-file',
    ],
    // The command line: no window and nothing of electron/, not even its plain-Node parts.
    ['cli/src/probe.ts', "import { useHost } from '../../renderer/src/host'", '../../renderer/src/host'],
    [
      'cli/src/probe.ts',
      "import { handle } from '../../electron/main/ipc/handle'",
      '../../electron/main/ipc/handle',
    ],
    ['cli/src/probe.ts', "import { app } from 'electron'", 'electron'],
    [
      'cli/src/probe.ts',
      "import { createPlanStore } from '../../electron/main/files/plan-store'",
      '../../electron/main/files/plan-store',
    ],
    [
      'cli/src/probe.ts',
      "import type { PushChannels } from '../../electron/contract'",
      '../../electron/contract',
    ],
    // The file service: plain Node shared by main and the CLI, so nothing of Electron, the window or the CLI.
    ['file-service/probe.ts', "import { app } from 'electron'", 'electron'],
    [
      'file-service/probe.ts',
      "import { createPlanStore } from '../electron/main/files/plan-store'",
      '../electron/main/files/plan-store',
    ],
    ['file-service/probe.ts', "import { main } from '../cli/src/main'", '../cli/src/main'],
    ['file-service/probe.ts', "import { useHost } from '../renderer/src/host'", '../renderer/src/host'],
    [
      'file-service/probe.ts',
      "import { checkPlanFileSize } from '../models/plan-file/plan-file'",
      '../models/plan-file/plan-file',
    ],
    [
      'cli/src/probe.ts',
      "import { CATALOG } from '../../models/catalog/catalog'",
      '../../models/catalog/catalog',
    ],
    // Export layouts: pure, and models/ only through its index.
    [
      'export/probe.ts',
      "import { usePlanStore } from '../renderer/src/stores/plan'",
      '../renderer/src/stores/plan',
    ],
    ['export/probe.ts', "import { computeTco } from '../models/cost/tco'", '../models/cost/tco'],
  ])('fails the lint when %s does %s', async (path, code, source) => {
    const errors = await layerErrors(path, `${code}\nexport const x = 1\n`)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`'${source}'`)
  })

  it.each([
    ['models/catalog/probe.ts', "import { FLEET_VMS_LIMITS } from '../plan/limits'"],
    ['models/analysis/probe.ts', "import { computeTco } from '../cost/tco'"],
    ['models/plan-file/probe.ts', "import { createDefaultPlan } from '../plan/plan'"],
    ['models/plan-file/probe.ts', "import { createSchemaRules } from '../schema/rules'"],
    ['renderer/src/stores/probe.ts', "import type { StackplanApi } from '../../../electron/contract'"],
    ['renderer/src/stores/probe.ts', "import { CATALOG } from '@models'"],
    ['electron/main/probe.ts', "import { parsePlanFile } from '../../models/index'"],
    ['cli/src/probe.ts', "import { writeFileAtomic } from '../../file-service/atomic-write'"],
    ['electron/main/probe.ts', "import { writeFileAtomic } from '../../file-service/atomic-write'"],
    ['file-service/probe.ts', "import { readFile } from 'node:fs/promises'"],
  ])('lets %s do %s', async (path, code) => {
    expect(await layerErrors(path, `${code}\nexport const x = 1\n`)).toEqual([])
  })
})

describe('the no-import-cycles rule', () => {
  it.each([
    // capacity → types → power → capacity, the cycle this rule was added after.
    [
      'models/cost/types.ts',
      "import type { PowerWeekResult } from './power'\nexport type X = PowerWeekResult\n",
      'models/cost/types.ts → models/cost/power.ts → models/cost/types.ts',
    ],
    // A store that the store it imports imports back.
    [
      'renderer/src/stores/plan.ts',
      "import { useAnalysisStore } from './analysis'\nexport const x = useAnalysisStore\n",
      'renderer/src/stores/plan.ts → renderer/src/stores/analysis.ts → renderer/src/stores/plan.ts',
    ],
    // A type-only import through import('…') counts too.
    [
      'models/catalog/profile.ts',
      "export type X = import('./values').AssumptionValues\n",
      'models/catalog/profile.ts → models/catalog/values.ts → models/catalog/profile.ts',
    ],
  ])('fails the lint for a cycle through %s', async (path, code, cycle) => {
    expect(await ruleErrors('stackplan/no-import-cycles', path, code)).toEqual([`Import cycle: ${cycle}`])
  })

  it('passes the same files as they are', async () => {
    const text = readFileSync(resolve(root, 'models/cost/types.ts'), 'utf8')
    expect(await ruleErrors('stackplan/no-import-cycles', 'models/cost/types.ts', text)).toEqual([])
  })
})

describe('the inventory/ layer rule', () => {
  it.each([
    ["import { readFile } from 'node:fs'", 'node:fs'],
    ["import { ref } from 'vue'", 'vue'],
    ["import { app } from 'electron'", 'electron'],
    ["import { csvField } from '../export/csv'", '../export/csv'],
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
