// Where in the head checkout one module imports another, for annotations.
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { importRoot } from '../env/import-root.js'

export interface Location {
  /** Relative to the workspace, as annotations want it. */
  file: string
  line: number
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

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
  const last = escape(parts[parts.length - 1]!)
  const parent = escape(parts.slice(0, -1).join('.'))
  const top = escape(parts[0]!)
  const patterns = [
    new RegExp(`^\\s*import\\s+.*\\b${escape(imported)}\\b`),
    new RegExp(`^\\s*from\\s+${escape(imported)}(\\s|\\.)`),
    parent ? new RegExp(`^\\s*from\\s+(${parent}|\\.+)\\s+import\\s+.*\\b${last}\\b`) : null,
    new RegExp(`^\\s*(import|from)\\s+${top}\\b`),
  ].filter((p): p is RegExp => p !== null)
  const lines = readFileSync(file, 'utf8').split('\n')
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line))
    if (index >= 0) return { file: relative(workspace, file), line: index + 1 }
  }
  return null
}
