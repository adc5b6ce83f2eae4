// ESLint rule: no import cycle among the project's own files. The file being linted is read from its AST;
// every other file is read from disk (relative imports, type imports included, as
// ../shared/checks/import-cycles.py reads them). No installed plugin offers this rule, hence a local one.
import fs from 'node:fs'
import path from 'node:path'

const IMPORT_SPEC = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g

/** The file a relative import names, or null when it is not one of the project's .ts/.vue files. */
function resolveImport(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec)
  const candidates = [
    base,
    base + '.ts',
    base + '.vue',
    path.join(base, 'index.ts'),
    base.replace(/\.js$/, '.ts'),
  ]
  for (const candidate of candidates) {
    if (!/\.(ts|vue)$/.test(candidate)) continue
    try {
      if (fs.statSync(candidate).isFile()) return candidate
    } catch {
      // Not this candidate; try the next one.
    }
  }
  return null
}

/** Relative imports of a file on disk, resolved; cached by modification time for one lint run. */
const depsCache = new Map()
function depsOnDisk(file) {
  let mtimeMs
  try {
    mtimeMs = fs.statSync(file).mtimeMs
  } catch {
    return []
  }
  const cached = depsCache.get(file)
  if (cached && cached.mtimeMs === mtimeMs) return cached.deps
  const text = fs.readFileSync(file, 'utf8')
  const deps = []
  for (const m of text.matchAll(IMPORT_SPEC)) {
    const target = resolveImport(file, m[1] ?? m[2])
    if (target) deps.push(target)
  }
  depsCache.set(file, { mtimeMs, deps })
  return deps
}

/** A path of imports from `start` back to `goal`, or null (depth-first; each file visited once). */
function pathBack(start, goal) {
  const seen = new Set()
  const stack = [[start, [start]]]
  while (stack.length > 0) {
    const [file, trail] = stack.pop()
    if (file === goal) return trail
    if (seen.has(file)) continue
    seen.add(file)
    for (const dep of depsOnDisk(file)) if (!seen.has(dep)) stack.push([dep, [...trail, dep]])
  }
  return null
}

/** @type {import('eslint').Rule.RuleModule} */
export const noImportCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles among the project files' },
    messages: { cycle: 'Import cycle: {{cycle}}' },
    schema: [],
  },
  create(context) {
    const file = context.physicalFilename
    const root = context.cwd
    const sources = []
    const collect = (node) => {
      const source = node.source ?? node.argument
      const value = source?.type === 'Literal' ? source.value : source?.literal?.value
      if (typeof value === 'string' && value.startsWith('.')) sources.push({ node, spec: value })
    }
    return {
      ImportDeclaration: collect,
      ExportNamedDeclaration: collect,
      ExportAllDeclaration: collect,
      ImportExpression: collect,
      TSImportType: collect,
      'Program:exit'() {
        for (const { node, spec } of sources) {
          const target = resolveImport(file, spec)
          if (!target) continue
          const trail = pathBack(target, file)
          if (!trail) continue
          const cycle = [file, ...trail].map((f) => path.relative(root, f)).join(' → ')
          context.report({ node, messageId: 'cycle', data: { cycle } })
        }
      },
    }
  },
}

export default { rules: { 'no-import-cycles': noImportCycles } }
