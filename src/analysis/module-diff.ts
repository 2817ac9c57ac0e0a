// Which modules importing a target loads in head but not base (now eager),
// the reverse (now lazy), and whose own time changed most. Pure.
import type { ModuleCost } from './module-costs.js'

export interface ModuleSide {
  /** Modules the import added to sys.modules. */
  added: readonly string[]
  /** -X importtime costs with chains, by module. */
  costs: ReadonlyMap<string, ModuleCost>
}

export interface ModuleChange {
  name: string
  /** From the import tree of the side where the module is loaded. */
  chain: string[]
  selfMs: number
  cumulativeMs: number
}

export interface SelfTimeChange {
  name: string
  baseSelfMs: number | null
  headSelfMs: number | null
  deltaMs: number
}

export interface ModuleDiff {
  /** In head, not base: now eager. Costliest first. */
  added: ModuleChange[]
  /** In base, not head: now lazy. Costliest first. */
  removed: ModuleChange[]
  /** Largest changes of own (self) time, either way, largest first. */
  selfTimeChanges: SelfTimeChange[]
}

function change(name: string, costs: ReadonlyMap<string, ModuleCost>): ModuleChange {
  const cost = costs.get(name)
  return {
    name,
    // No -X importtime record: put in sys.modules directly (as importlib does
    // for importlib._bootstrap), so there is no import chain to show.
    chain: cost?.chain ?? [],
    selfMs: cost?.selfMs ?? 0,
    cumulativeMs: cost?.cumulativeMs ?? 0,
  }
}

/**
 * Modules that became eager or lazy as a group are listed under the module
 * that pulled them in too; sorting by cumulative time puts that one first.
 */
const costliest = (a: ModuleChange, b: ModuleChange) =>
  b.cumulativeMs - a.cumulativeMs || a.name.localeCompare(b.name)

export function diffModules(base: ModuleSide, head: ModuleSide, topChanges = 10): ModuleDiff {
  const inBase = new Set(base.added)
  const inHead = new Set(head.added)
  const added = [...inHead].filter((m) => !inBase.has(m)).map((m) => change(m, head.costs))
  const removed = [...inBase].filter((m) => !inHead.has(m)).map((m) => change(m, base.costs))
  const names = new Set([...base.costs.keys(), ...head.costs.keys()])
  const selfTimeChanges = [...names]
    .map((name) => {
      const b = base.costs.get(name)?.selfMs ?? null
      const h = head.costs.get(name)?.selfMs ?? null
      return { name, baseSelfMs: b, headSelfMs: h, deltaMs: (h ?? 0) - (b ?? 0) }
    })
    .filter((c) => c.deltaMs !== 0)
    .sort((a, b) => Math.abs(b.deltaMs) - Math.abs(a.deltaMs) || a.name.localeCompare(b.name))
    .slice(0, topChanges)
  return { added: added.sort(costliest), removed: removed.sort(costliest), selfTimeChanges }
}
