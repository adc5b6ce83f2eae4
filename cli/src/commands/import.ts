import { access } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  importedEstateOf,
  InventoryError,
  readInventory,
  summarizeInventory,
  workloadClassesOf,
  type EstateSummary,
} from '../../../inventory/index'
import {
  createDefaultPlan,
  planInputs,
  planWithImportedWorkload,
  PLAN_FILE_LIMITS,
  serializePlanFile,
} from '../../../models/index'
import { InputFileProblem, PlanFileProblem, UsageError } from '../errors'
import { number, terminalText } from '../format'
import { importReport } from '../import-report'
import { parseCommandArgs } from '../options'
import { readSources, zlibInflater } from '../read-sources'
import { APP_VERSION } from '../version'
import { writeOutputFile } from '../write-output'

/** The public JSON shape of `stackplan import --json` (docs/CLI.md). */
export function importJson(s: EstateSummary) {
  return {
    source: {
      files: s.files.map((f) => ({ name: f.name, kind: f.kind, vmRows: f.vmRows, hostRows: f.hostRows })),
      vcenters: s.vcenters,
      includePoweredOff: s.includePoweredOff,
      includeTemplates: s.includeTemplates,
    },
    vms: {
      rows: s.vms.rows,
      templates: s.vms.templates,
      poweredOn: s.vms.poweredOn,
      poweredOff: s.vms.poweredOff,
      included: s.vms.included,
    },
    included: { vcpu: s.included.vcpu, ramGib: s.included.ramGib, diskGib: s.included.diskGib },
    classes: s.classes.map((c) => ({ vcpu: c.vcpu, ramGib: c.ramGib, diskGib: c.diskGib, count: c.count })),
    hosts: s.hosts
      ? {
          count: s.hosts.count,
          sockets: s.hosts.sockets,
          cores: s.hosts.cores,
          ramGib: s.hosts.ramGib,
          licensedCores: s.hosts.licensedCores,
        }
      : null,
    warnings: s.warnings.map((w) => ({
      file: w.file,
      sheet: w.sheet,
      column: w.column,
      code: w.code,
      count: w.count,
      firstRow: w.firstRow,
      message: w.message,
    })),
  }
}

/**
 * `stackplan import SOURCE... [--include-powered-off] [--include-templates] [--json] [--out PLAN]`: reads
 * RVTools exports (.xlsx, a CSV folder or its .zip) and plain VM CSVs, prints the estate, and with --out
 * writes a planning file whose fleet is the included VMs.
 */
export async function runImport(args: string[]): Promise<string> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      'include-powered-off': { type: 'boolean' },
      'include-templates': { type: 'boolean' },
      json: { type: 'boolean' },
      out: { type: 'string' },
    },
    Number.POSITIVE_INFINITY
  )
  if (positionals.length === 0)
    throw new UsageError('import needs at least one SOURCE (an .xlsx, .csv, .zip or folder)')
  const out = values.out as string | undefined
  if (out !== undefined) {
    if (out.trim() === '') throw new UsageError('--out needs a file name')
    // A planning file is the user's work: import writes a new one and never replaces an existing one.
    const exists = await access(out).then(
      () => true,
      () => false
    )
    if (exists) throw new PlanFileProblem(`cannot write ${terminalText(out)}: the file already exists`)
  }
  const inputs = await readSources(positionals)
  const plan = createDefaultPlan()
  const { vmware } = planInputs(plan).inputs
  let summary: EstateSummary
  try {
    const rows = await readInventory(inputs, { inflater: zlibInflater })
    summary = summarizeInventory(rows, {
      includePoweredOff: values['include-powered-off'] === true,
      includeTemplates: values['include-templates'] === true,
      licensing: {
        minCoresPerCpu: vmware.minCoresPerCpu,
        minCoresPerOrder: vmware.minCoresPerOrderEnabled ? vmware.minCoresPerOrder : null,
        usdPerCoreYear: vmware.usdPerCoreYear,
      },
    })
  } catch (error) {
    if (error instanceof InventoryError) throw new InputFileProblem(terminalText(error.message))
    throw error
  }
  let written = ''
  if (out !== undefined) {
    if (summary.vms.included === 0) {
      throw new InputFileProblem(
        'no VMs are included, so there is no fleet to plan (add --include-powered-off or --include-templates?)'
      )
    }
    const imported = planWithImportedWorkload(plan, {
      vms: summary.vms.included,
      vcpu: summary.included.vcpu,
      ramGib: summary.included.ramGib,
      diskGib: summary.included.diskGib,
      classes: workloadClassesOf(summary),
      estate: importedEstateOf(summary, new Date()),
    })
    imported.plan.name =
      `Imported: ${summary.files.map((f) => basename(f.name.split(' › ')[0] ?? f.name)).join(', ')}`.slice(
        0,
        PLAN_FILE_LIMITS.maxNameChars
      )
    await writeOutputFile(
      out,
      serializePlanFile(imported.plan, { appVersion: APP_VERSION, savedAt: new Date() })
    )
    const adjusted = imported.adjustments.map(
      (a) => `${a.key} ${number(a.imported, 2)} → ${number(a.used, 2)}`
    )
    written =
      `Wrote the plan to ${terminalText(out)}: ${number(summary.vms.included)} VMs` +
      (adjusted.length > 0 ? ` (kept inside the allowed ranges: ${adjusted.join(', ')})` : '')
  }
  if (values.json === true) {
    if (written) process.stderr.write(written + '\n')
    return JSON.stringify(importJson(summary), null, 2)
  }
  return importReport(summary) + (written ? `\n\n${written}` : '')
}
