// For each module head no longer imports, or now imports, how: the importer's
// source read on both sides (import_sites.py, by head's interpreter) gives the
// mechanism and the line. No longer imported: a `lazy import`, an entry in
// `__lazy_modules__`, an import moved into a function or a module-level
// `__getattr__`, one under `if TYPE_CHECKING:`, or the import removed. Now
// imported: head's module-level import, new in head or made eager (with what
// base had). Set on the module's change.
import type { TargetFinding } from '../analysis/verdict/finding.js'
import {
  eagerMechanismOf,
  importedElsewhere,
  mechanismOf,
  type FileImports,
  type ImportMechanism,
} from '../analysis/attribution/import-mechanism.js'
import type { ModuleChange } from '../analysis/attribution/module-diff.js'
import { leadsOf } from '../analysis/attribution/module-groups.js'
import { sourcePath } from '../analysis/attribution/source-paths.js'
import { trackedFiles } from '../git/worktrees.js'
import type { GitOptions } from '../process/git.js'
import type { Side } from '../model/target.js'

/** Reads the import statements of each (module, file). */
export type ReadSites = (
  files: { module: string; file: string }[],
) => Promise<Map<string, FileImports>>

/** Leads read per target and direction: the reports show no more. */
const LEADS = 20

/**
 * The changed modules whose importer both sides load: where the import changed.
 * A lead whose chain runs through changed modules of its own group (a package
 * its importer reached through a submodule, `from pydantic.version import …`)
 * is imported by the first link above them that both sides load.
 */
function leads(changes: readonly ModuleChange[]): { change: ModuleChange; importer: string }[] {
  const changed = new Set(changes.map((c) => c.name))
  const { leadOf } = leadsOf(changes)
  return changes.flatMap((change) => {
    let at = change.chain.length - 2
    if (leadOf.get(change.name) === change.name)
      while (
        at >= 0 &&
        changed.has(change.chain[at]!) &&
        leadOf.get(change.chain[at]!) === change.name
      )
        at--
    const importer = change.chain[at]
    return importer !== undefined && !changed.has(importer) ? [{ change, importer }] : []
  })
}

export async function explainImportChanges(
  findings: TargetFinding[],
  worktrees: Record<Side, string>,
  git: GitOptions,
  read: ReadSites,
): Promise<void> {
  const work = findings.flatMap((finding) => {
    const files = {
      base: finding.base?.profile?.functions?.files ?? {},
      head: finding.head?.profile?.functions?.files ?? {},
    }
    const directions = [
      { changes: finding.modules?.removed ?? [], of: mechanismOf },
      { changes: finding.modules?.added ?? [], of: eagerMechanismOf },
    ]
    return directions.flatMap(({ changes, of }) =>
      leads(changes)
        .slice(0, LEADS)
        .map((lead) => ({
          ...lead,
          of,
          base: files.base[lead.importer],
          head: files.head[lead.importer],
        }))
        .filter((lead) => lead.head),
    )
  })
  if (!work.length) return
  const wanted = new Map<string, string>()
  for (const lead of work)
    for (const file of [lead.base, lead.head]) if (file) wanted.set(file, lead.importer)
  const sites = await read([...wanted].map(([file, module]) => ({ module, file })))
  const tracked = {
    base: await trackedFiles(worktrees.base, git),
    head: await trackedFiles(worktrees.head, git),
  }
  for (const lead of work) {
    const how = lead.of(
      lead.change.name,
      lead.importer,
      (lead.base && sites.get(lead.base)) || null,
      sites.get(lead.head!) ?? null,
    )
    if (!how) continue
    const file = how.side === 'head' ? lead.head! : lead.base!
    lead.change.how = { ...how, path: sourcePath(file, worktrees[how.side], tracked[how.side]) }
  }
  const added = work.flatMap((lead) =>
    lead.change.how?.mechanism === 'import-added'
      ? [{ module: lead.change.name, how: lead.change.how }]
      : [],
  )
  if (added.length) await whereBaseHadIt(added, findings, worktrees.base, tracked.base, read)
}

/** The project's own files base loads, read at most: the place is a hint, not a search. */
const BASE_FILES = 200

/**
 * For each module head imports anew: where base's own source had an import of
 * it that did not run at import, in another module (the mirror of "its import
 * … in base was removed"). Reads the project's files that base's import loads.
 */
async function whereBaseHadIt(
  added: { module: string; how: ImportMechanism }[],
  findings: TargetFinding[],
  worktree: string,
  tracked: readonly string[],
  read: ReadSites,
): Promise<void> {
  const own = new Map<string, string>()
  for (const finding of findings)
    for (const [module, file] of Object.entries(finding.base?.profile?.functions?.files ?? {}))
      if (own.size < BASE_FILES && sourcePath(file, worktree, tracked)) own.set(file, module)
  if (!own.size) return
  const sites = await read([...own].map(([file, module]) => ({ module, file })))
  const files = new Map(
    [...own].flatMap(([file, importer]) => {
      const imports = sites.get(file)
      return imports ? [[file, { importer, imports }] as const] : []
    }),
  )
  for (const { module, how } of added) {
    const found = importedElsewhere(module, files)
    if (!found || found.importer === how.importer) continue
    how.before = {
      mechanism: found.mechanism,
      line: found.line,
      function: found.function,
      importer: found.importer,
      path: sourcePath(found.file, worktree, tracked),
    }
  }
}
