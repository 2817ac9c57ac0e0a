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
  mechanismOf,
  type FileImports,
} from '../analysis/attribution/import-mechanism.js'
import type { ModuleChange } from '../analysis/attribution/module-diff.js'
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

/** The changed modules whose importer both sides load: where the import changed. */
function leads(changes: readonly ModuleChange[]): { change: ModuleChange; importer: string }[] {
  const changed = new Set(changes.map((c) => c.name))
  return changes.flatMap((change) => {
    const importer = change.chain[change.chain.length - 2]
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
}
