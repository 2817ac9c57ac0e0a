// From a file the measured interpreter ran to its path in the repository, so a
// report can link the line: the worktree itself for an editable or in-place
// import, else the tracked file whose path ends the same way (an installed copy
// in site-packages of `src/mypkg/log.py` is `.../site-packages/mypkg/log.py`).
// Files outside the repository (the standard library, dependencies) get null:
// there is nothing in the pull request to link to, and an absolute path on the
// runner means nothing to a reviewer. Pure.

import type { Side } from '../../model/target.js'
import type { FunctionChange } from './function-diff.js'
import { callSites, importStatement, within } from './python-imports.js'

const parts = (path: string) => path.split('/').filter(Boolean)

/** Whether `tail`'s components are the last components of `path`'s. */
function endsWith(path: string[], tail: string[]): boolean {
  if (tail.length > path.length) return false
  return tail.every((part, i) => path[path.length - tail.length + i] === part)
}

/**
 * The repository-relative path of `file`, given the worktree `root` it was
 * checked out to and the files the commit tracks; null when it is not one of
 * them or could be several.
 */
export function sourcePath(
  file: string | null,
  root: string,
  tracked: readonly string[],
): string | null {
  if (!file || !file.endsWith('.py')) return null
  const prefix = root.endsWith('/') ? root : `${root}/`
  if (file.startsWith(prefix)) {
    const relative = file.slice(prefix.length)
    return tracked.includes(relative) ? relative : null
  }
  // An installed copy: the tracked file that shares the longest tail with it,
  // at least its package folder and name (a lone `util.py` could be anyone's).
  const path = parts(file)
  let best: string | null = null
  let bestLength = 0
  let tie = false
  for (const candidate of tracked) {
    const own = parts(candidate)
    for (let skip = 0; skip < own.length; skip++) {
      const tail = own.slice(skip)
      if (tail.length < Math.min(2, own.length) || !endsWith(path, tail)) continue
      if (tail.length > bestLength) {
        best = candidate
        bestLength = tail.length
        tie = false
      } else if (tail.length === bestLength && candidate !== best) {
        tie = true
      }
      break
    }
  }
  return tie ? null : best
}

/** The function changes with every file as a repository path (or null), each from its side. */
export function locateFunctions(
  changes: readonly FunctionChange[],
  locate: (file: string | null, side: Side) => string | null,
): FunctionChange[] {
  return changes.map((change) => ({
    ...change,
    file: locate(change.file, change.side),
    mostlyIn: change.mostlyIn && {
      ...change.mostlyIn,
      file: locate(change.mostlyIn.file, change.side),
    },
    callers: change.callers.map((caller) => ({
      ...caller,
      file: locate(caller.file, caller.side),
    })),
  }))
}

/**
 * The lines of a module's source that call `name` (by its last part, as code
 * calls an imported function) or apply it as a decorator, at most `limit`. A
 * textual match: good enough to point at the call, not a parse.
 */
export function callLines(source: string, name: string, limit = 3): number[] {
  const short = name.split('.').pop()!.replace(/[^\w]/g, '')
  return short ? callSites(source, short, limit) : []
}

/** Where a module shown in a report is, in the repository, on one side; the line that imports what follows it in a chain, when found. */
export interface ModuleSource {
  side: Side
  path: string
  line: number | null
}

/**
 * The line of a module's source that imports `imported` (`import x.y`, `from x
 * import y`, `from x.y import z`, by its full or top-level name), or null. A
 * textual match: relative imports and imports built at run time are not found.
 */
export function importLine(source: string, imported: string): number | null {
  const parts = imported.split('.')
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('.'))
  for (const [i, line] of source.split('\n').entries()) {
    const statement = importStatement(line)
    if (!statement) continue
    // `import a…` for any module of imported's package; `from p import …` for p imported or a package of it.
    const found =
      statement.kind === 'import'
        ? statement.modules.some((m) => within(m, parts[0]!))
        : prefixes.includes(statement.modules[0]!)
    if (found) return i + 1
  }
  return null
}
