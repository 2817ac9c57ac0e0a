// Which modules importing a target loads in head but not base (now eager),
// the reverse (no longer imported), and whose own time changed most. Pure.
import type { ImportMechanism } from './import-mechanism.js'
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
  /**
   * Its cumulative time less that of the modules loaded on both sides that it
   * happened to load first on this side: what it and the changed modules
   * under it cost. A module deferred in the same change as a still-loaded
   * module's dropped import no longer takes that module's time with it.
   */
  groupMs: number
  /** No longer imported, where the importer's source says how: the mechanism and its line. */
  how?: ImportMechanism
}

export interface SelfTimeChange {
  name: string
  baseSelfMs: number | null
  headSelfMs: number | null
  deltaMs: number
  /**
   * The runs' own spread on both sides together (max − min of each): a change
   * smaller than this is not listed. Null for a module one side did not load.
   */
  noiseMs: number | null
}

export interface ModuleDiff {
  /** In head, not base: now eager. Costliest first. */
  added: ModuleChange[]
  /** In base, not head: no longer imported. Costliest first. */
  removed: ModuleChange[]
  /** Largest changes of own (self) time, either way, that stand out from the runs' spread; largest first. */
  selfTimeChanges: SelfTimeChange[]
}

function change(
  name: string,
  costs: ReadonlyMap<string, ModuleCost>,
  loaded: ReadonlySet<string>,
): ModuleChange {
  const cost = costs.get(name)
  return {
    name,
    // No -X importtime record: put in sys.modules directly (as importlib does
    // for importlib._bootstrap), so there is no import chain to show.
    // A link the side tried and failed to import (an optional dependency's
    // probe: requests.adapters → urllib3.contrib.socks, without PySocks) is
    // in neither side's modules; left in, it read as a module both sides load
    // and split what it loaded on the way (urllib3.contrib) into a cause of
    // its own, apart from the import that brought it.
    chain: (cost?.chain ?? []).filter((link, i) => i === 0 || link === name || loaded.has(link)),
    selfMs: cost?.selfMs ?? 0,
    cumulativeMs: cost?.cumulativeMs ?? 0,
    groupMs: cost?.cumulativeMs ?? 0,
  }
}

/**
 * Takes off each changed module's `groupMs` the cumulative time of the
 * unchanged modules first loaded under it through changed modules only (their
 * subtrees hold whatever else they load, changed or not, which are causes of
 * their own). One pass over the side's modules and their chains.
 */
function subtractUnchanged(
  changes: ModuleChange[],
  costs: ReadonlyMap<string, ModuleCost>,
  isChanged: (name: string) => boolean,
): void {
  const byName = new Map(changes.map((c) => [c.name, c]))
  for (const cost of costs.values()) {
    if (isChanged(cost.name)) continue
    // The nearest link above it; it counts against that link if it is changed.
    const importer = cost.chain[cost.chain.length - 2]
    const change = importer === undefined ? undefined : byName.get(importer)
    if (!change) continue
    // Every changed link above, up to the first unchanged one, loaded it within its subtree.
    for (let i = cost.chain.length - 2; i >= 0; i--) {
      const link = byName.get(cost.chain[i]!)
      if (!link) break
      link.groupMs = Math.max(0, link.groupMs - cost.cumulativeMs)
    }
  }
}

/**
 * Modules that became eager or stopped being imported as a group are listed under the module
 * that pulled them in too; sorting by cumulative time puts that one first.
 */
const costliest = (a: ModuleChange, b: ModuleChange) =>
  b.cumulativeMs - a.cumulativeMs || a.name.localeCompare(b.name)

/**
 * The fewest untimed runs a side whose spread can tell a change from noise.
 * Two cannot: under load, two runs of runpod #466 put `fcntl` (one C module)
 * at 181 µs → 116 ms, "beyond" a spread two runs cannot know.
 */
export const MIN_RUNS = 3

/**
 * The spread of a module's own time over the runs of both sides. With fewer
 * than MIN_RUNS runs on a side there is no spread to go by: nothing can be
 * told from noise, so no change of a module both sides load is listed. Costs without run counts
 * (hand-made) carry no noise estimate.
 */
function noise(b: ModuleCost, h: ModuleCost): number | null {
  if (b.runs === undefined || h.runs === undefined) return null
  if (b.runs < MIN_RUNS || h.runs < MIN_RUNS) return Number.POSITIVE_INFINITY
  return (b.selfSpreadMs ?? 0) + (h.selfSpreadMs ?? 0)
}

/**
 * `floorMs`: own-time changes smaller than this are not listed whatever the
 * noise (the gate's min-delta: nothing smaller can matter to the verdict).
 */
export function diffModules(
  base: ModuleSide,
  head: ModuleSide,
  topChanges = 10,
  floorMs = 0,
): ModuleDiff {
  const inBase = new Set(base.added)
  const inHead = new Set(head.added)
  const added = [...inHead].filter((m) => !inBase.has(m)).map((m) => change(m, head.costs, inHead))
  const removed = [...inBase]
    .filter((m) => !inHead.has(m))
    .map((m) => change(m, base.costs, inBase))
  subtractUnchanged(added, head.costs, (m) => !inBase.has(m))
  subtractUnchanged(removed, base.costs, (m) => !inHead.has(m))
  const names = new Set([...base.costs.keys(), ...head.costs.keys()])
  const selfTimeChanges = [...names]
    .map((name) => {
      const b = base.costs.get(name)
      const h = head.costs.get(name)
      const deltaMs = (h?.selfMs ?? 0) - (b?.selfMs ?? 0)
      const noiseMs = b && h ? noise(b, h) : null
      return {
        name,
        baseSelfMs: b?.selfMs ?? null,
        headSelfMs: h?.selfMs ?? null,
        deltaMs,
        noiseMs,
      }
    })
    .filter(
      (c) =>
        c.deltaMs !== 0 &&
        Math.abs(c.deltaMs) >= floorMs &&
        (c.noiseMs === null || Math.abs(c.deltaMs) > c.noiseMs),
    )
    .sort((a, b) => Math.abs(b.deltaMs) - Math.abs(a.deltaMs) || a.name.localeCompare(b.name))
    .slice(0, topChanges)
  return { added: added.sort(costliest), removed: removed.sort(costliest), selfTimeChanges }
}
