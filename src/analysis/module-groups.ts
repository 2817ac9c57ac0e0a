// Which newly eager (or lazy) module explains the others: the decision of how
// a module diff is grouped, made once, for every report. Pure.

/** A module that became eager or lazy, with the chain of imports that loaded it. */
export interface ChainedModule {
  name: string
  /** Outermost importer first; empty when no -X importtime record loaded it (an alias). */
  chain: readonly string[]
}

/**
 * Groups of modules: the one that pulled the others in, and how many it
 * brought. Modules with no import chain (aliases placed in sys.modules) are
 * left out of the groups and counted by the caller.
 */
export function grouped<T extends ChainedModule>(
  changes: readonly T[],
): { lead: T; more: number }[] {
  const names = new Set(changes.map((c) => c.name))
  const leads = changes.filter((c) => {
    if (c.chain.length === 0) return false
    const importer = c.chain[c.chain.length - 2]
    return importer === undefined || !names.has(importer)
  })
  return leads.map((lead) => ({
    lead,
    more: changes.filter((c) => c !== lead && c.chain.includes(lead.name)).length,
  }))
}
