// Where in the head checkout one module imports another, for annotations.
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { importRoot } from '../env/import-root.js'
import {
  importStatement,
  within,
  type ImportStatement,
} from '../analysis/attribution/python-imports.js'

export interface Location {
  /** Relative to the workspace, as annotations want it. */
  file: string
  line: number
}

/**
 * The first line of `importer`'s source that imports `imported` (import x,
 * import x.y, from x import y, from package import x), or null when the
 * importer's source is not in the project (an installed dependency).
 */
export function importLocation(
  workspace: string,
  projectDir: string,
  importer: string,
  imported: string,
): Location | null {
  const path = importer.split('.')
  const roots = [...new Set([importRoot(projectDir), projectDir])]
  const candidates = roots.flatMap((root) => [
    join(root, ...path) + '.py',
    join(root, ...path, '__init__.py'),
  ])
  const file = candidates.find((c) => existsSync(c))
  if (!file) return null
  const parts = imported.split('.')
  const last = parts[parts.length - 1]!
  const parent = parts.slice(0, -1).join('.')
  const top = parts[0]!
  // In order: `import x.y`; `from x.y import …`; `from x import y` (or relative); any import of x's package.
  const tests = [
    (s: ImportStatement) => s.kind === 'import' && s.modules.some((m) => within(m, imported)),
    (s: ImportStatement) => s.kind === 'from' && within(s.modules[0]!, imported),
    (s: ImportStatement) =>
      !!parent &&
      (s.modules[0] === parent || /^\.+$/.test(s.modules[0] ?? '')) &&
      s.names.includes(last),
    (s: ImportStatement) => s.modules.some((m) => within(m, top)),
  ]
  const statements = readFileSync(file, 'utf8').split('\n').map(importStatement)
  for (const test of tests) {
    const index = statements.findIndex((s) => s !== null && test(s))
    if (index >= 0) return { file: relative(workspace, file), line: index + 1 }
  }
  return null
}
