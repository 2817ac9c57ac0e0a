// The base and head -X importtime trees of one target merged into one tree,
// each module with its times on either side: the data of the HTML report's
// diff icicle. Pure.
import type { ImportTreeJson } from '../../results/schema.js'

export interface SideTimes {
  /** Own time, ms. */
  s: number
  /** Cumulative time, ms. */
  c: number
}

/** One module of the merged tree; short keys keep the embedded data small. */
export interface DiffNode {
  n: string
  b: SideTimes | null
  h: SideTimes | null
  k: DiffNode[]
  /**
   * Set on a node only one side has here while the other side loads the module
   * under another importer: it moved, and is neither new nor gone.
   */
  m?: true
}

const times = (t: ImportTreeJson | null): SideTimes | null =>
  t ? { s: t.self_ms, c: t.cumulative_ms } : null

const size = (d: DiffNode) => Math.max(d.b?.c ?? 0, d.h?.c ?? 0)

/** Every module name in a tree. */
function namesOf(tree: ImportTreeJson | null, into = new Set<string>()): Set<string> {
  if (!tree) return into
  into.add(tree.name)
  for (const child of tree.children) namesOf(child, into)
  return into
}

/**
 * One tree from two: a module under the same parent on both sides is one node
 * with both times; one only a side loads has the other's null. A module that
 * moved to another parent appears under each (once per side), as it was
 * imported, marked as moved (`m`): coloured as new or gone, it read as a new
 * cost under its new importer.
 */
export function mergeTrees(base: ImportTreeJson | null, head: ImportTreeJson | null): DiffNode {
  return merged(base, head, { base: namesOf(base), head: namesOf(head) })
}

function merged(
  base: ImportTreeJson | null,
  head: ImportTreeJson | null,
  loaded: { base: ReadonlySet<string>; head: ReadonlySet<string> },
): DiffNode {
  const byName = new Map<string, { b: ImportTreeJson | null; h: ImportTreeJson | null }>()
  for (const child of base?.children ?? []) byName.set(child.name, { b: child, h: null })
  for (const child of head?.children ?? []) {
    const seen = byName.get(child.name)
    if (seen) seen.h = child
    else byName.set(child.name, { b: null, h: child })
  }
  const children = [...byName.values()].map(({ b, h }) => merged(b, h, loaded))
  children.sort((x, y) => size(y) - size(x) || x.n.localeCompare(y.n))
  const name = (head ?? base)!.name
  const moved = (!base && loaded.base.has(name)) || (!head && loaded.head.has(name))
  return { n: name, b: times(base), h: times(head), k: children, ...(moved ? { m: true } : {}) }
}
