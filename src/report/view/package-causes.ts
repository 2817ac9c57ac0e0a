// Which cause brought (or dropped) a package, for the package table's rows:
// "gone with `datachain.lib.files`" instead of repeating the cause. Pure.
import type { ModuleChangeJson } from '../../results/schema.js'
import { leadsOf } from '../../analysis/attribution/module-groups.js'
import { topLevel, type Cause, type ModuleCause, type TargetChanges } from './view-causes.js'

/** Each change list's leads, worked out once: the package table asks for every row of it. */
const leadsCache = new WeakMap<readonly ModuleChangeJson[], Map<string, string>>()
function leadsCached(changes: readonly ModuleChangeJson[]): Map<string, string> {
  let leads = leadsCache.get(changes)
  if (!leads) leadsCache.set(changes, (leads = leadsOf(changes).leadOf))
  return leads
}

/**
 * The cause that brought (or dropped) every module of `pkg` in `target`, when
 * one did, and the module of it that did (the lead of the first module's
 * group): the package table then says "gone with `datachain.lib.files`"
 * instead of repeating it, naming the module that did it rather than its
 * package. A module belongs to a lead as grouped() says: through changed links only.
 */
export function packageExplainedBy(
  causes: readonly Cause[],
  target: TargetChanges,
  pkg: string,
): { cause: ModuleCause; lead: string } | null {
  for (const [changes, eager] of [
    [target.added, true],
    [target.removed, false],
  ] as const) {
    // Aliases (no chain: set in sys.modules, never imported) go with their package.
    const inPackage = changes.filter((c) => topLevel(c.name) === pkg && c.chain.length > 0)
    if (!inPackage.length) continue
    const leadOf = leadsCached(changes)
    const candidates = causes.filter(
      (c): c is ModuleCause =>
        c.kind === 'module' && c.eager === eager && c.targets.includes(target.target),
    )
    const leads = inPackage.map((m) => leadOf.get(m.name))
    for (const cause of candidates)
      if (leads.every((lead) => lead !== undefined && cause.leads.includes(lead)))
        return { cause, lead: leads[0]! }
  }
  return null
}

/**
 * A package row's Why in words, `code` rendering names: "no longer imported
 * (above)" only when none of its modules is left; "65 of its modules no
 * longer imported (above)" when head still loads some (matplotlib 94 → 29
 * read "no longer imported", issue 48: 12).
 */
export function packageCauseText(
  row: { name: string; base_modules: number; head_modules: number },
  explained: { cause: ModuleCause; lead: string },
  code: (s: string) => string,
): string {
  const { cause, lead } = explained
  const left = cause.eager ? row.base_modules : row.head_modules
  const moved = Math.abs(row.head_modules - row.base_modules)
  const some = left > 0 ? `${moved} of its modules ` : ''
  if (cause.package === row.name)
    return `${some}${cause.eager ? 'now imported' : 'no longer imported'} (above)`
  if (left > 0) return `${moved} of its modules ${cause.eager ? 'came' : 'went'} with ${code(lead)}`
  return `${cause.eager ? 'with' : 'gone with'} ${code(lead)}`
}
