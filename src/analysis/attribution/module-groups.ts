// Which newly eager (or no longer imported) module explains the others: the decision of how
// a module diff is grouped, made once, for every report. Pure.

/** A module now imported or no longer imported, with the chain of imports that loaded it. */
export interface ChainedModule {
  name: string
  /** Outermost importer first; empty when no -X importtime record loaded it (an alias). */
  chain: readonly string[]
}

export interface ModuleGroup<T> {
  lead: T
  /** How many of the other changed modules it pulled in. */
  more: number
  /**
   * Leads of their own chains merged into this one (a package and its
   * submodule each nested in the other's log): the largest cumulative time among
   * them and the lead is the group's.
   */
  merged: T[]
}

/**
 * Where following leads from `lead` ends: a lead of its own, or, for a cycle,
 * the package the others are under (its import is where the time and the
 * modules are), else the deepest name.
 */
function settled(lead: string, leadOf: ReadonlyMap<string, string>): string {
  const seen: string[] = []
  let current = lead
  while (!seen.includes(current)) {
    seen.push(current)
    const next = leadOf.get(current)
    if (next === undefined || next === current) return current
    current = next
  }
  const cycle = seen.slice(seen.indexOf(current))
  const pkg = cycle.find((p) => cycle.every((m) => m === p || m.startsWith(`${p}.`)))
  if (pkg !== undefined) return pkg
  return cycle.sort((a, b) => b.length - a.length || a.localeCompare(b))[0]!
}

/**
 * Each changed module's lead (see grouped): from its own chain alone, the
 * topmost link of the run of changed links that ends in it, then settled
 * where leads point at each other; and, per lead, the leads settled into it.
 * Modules without a chain have none.
 */
export function leadsOf(changes: readonly ChainedModule[]): {
  leadOf: Map<string, string>
  merged: Map<string, string[]>
} {
  const names = new Set(changes.map((c) => c.name))
  // Judging a module by its importer's chain instead lost whole packages when
  // chains disagree: sklearn 1.9's `narwhals.stable.v2` and `narwhals.stable`
  // each had the other as importer, so neither was a lead and 58 new modules went unnamed.
  const own = new Map<string, string>()
  for (const c of changes) {
    let lead: string | null = null
    for (let i = c.chain.length - 1; i >= 0 && names.has(c.chain[i]!); i--) lead = c.chain[i]!
    if (lead !== null) own.set(c.name, lead)
  }
  // A lead whose own chain leads to another lead that leads back (a package and
  // the submodule requested first: the log nests each in the other) is one
  // group: the package's. fastapi's `from pydantic.version import VERSION` loads
  // all of pydantic under it; naming `pydantic.version` (−177 µs of its own, "30
  // modules") told a reviewer a leaf was the cause (issue 48: 7).
  const leadOf = new Map([...own].map(([name, lead]) => [name, settled(lead, own)]))
  const merged = new Map<string, string[]>()
  for (const lead of new Set(own.values())) {
    const into = leadOf.get(lead)
    if (into !== undefined && into !== lead) merged.set(into, [...(merged.get(into) ?? []), lead])
  }
  return { leadOf, merged }
}

/**
 * Groups of modules: the one that pulled the others in, and how many it
 * brought. A module's lead is the topmost link of the run of changed links
 * that ends in it, up its chain: that link's importer did not change, and its
 * import of the link is what appeared or went, so the cause is there. A
 * module belongs to another lead's group only when every link between them
 * changed too: a module loaded on both sides breaks
 * the chain (base reached `inspect` through `pkg.A` → `pkg.B`, head still loads
 * `pkg.B`, which dropped `import inspect`: the cause is `pkg.B`'s import, not
 * `pkg.A`). Modules with no import chain (aliases placed in sys.modules) are
 * left out of the groups and counted by the caller.
 */
export function grouped<T extends ChainedModule>(changes: readonly T[]): ModuleGroup<T>[] {
  const { leadOf, merged } = leadsOf(changes)
  const leadNames = new Set(leadOf.values())
  const byName = new Map(changes.map((c) => [c.name, c]))
  const leads = changes.filter((c) => leadNames.has(c.name) && c.chain.length > 0)
  // One pass over the modules, not one per lead: a diff of 5,000 modules took 7 s to group.
  const pulled = new Map<string, number>()
  // A lead is its own group's, never counted in another's.
  for (const [name, lead] of leadOf)
    if (!leadNames.has(name)) pulled.set(lead, (pulled.get(lead) ?? 0) + 1)
  return leads.map((lead) => ({
    lead,
    more: pulled.get(lead.name) ?? 0,
    merged: (merged.get(lead.name) ?? []).map((name) => byName.get(name)!),
  }))
}
