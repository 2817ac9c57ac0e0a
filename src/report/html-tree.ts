// The base and head -X importtime trees of one target merged into one tree,
// each module with its times on either side: the data of the HTML report's
// diff icicle. Pure.
import type { ImportTreeJson } from '../results/schema.js'

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
}

const times = (t: ImportTreeJson | null): SideTimes | null =>
  t ? { s: t.self_ms, c: t.cumulative_ms } : null

const size = (d: DiffNode) => Math.max(d.b?.c ?? 0, d.h?.c ?? 0)

/**
 * One tree from two: a module under the same parent on both sides is one node
 * with both times; one only a side loads has the other's null. A module that
 * moved to another parent appears under each (once per side), as it was imported.
 */
export function mergeTrees(base: ImportTreeJson | null, head: ImportTreeJson | null): DiffNode {
  const byName = new Map<string, { b: ImportTreeJson | null; h: ImportTreeJson | null }>()
  for (const child of base?.children ?? []) byName.set(child.name, { b: child, h: null })
  for (const child of head?.children ?? []) {
    const seen = byName.get(child.name)
    if (seen) seen.h = child
    else byName.set(child.name, { b: null, h: child })
  }
  const children = [...byName.values()].map(({ b, h }) => mergeTrees(b, h))
  children.sort((x, y) => size(y) - size(x) || x.n.localeCompare(y.n))
  return { n: (head ?? base)!.name, b: times(base), h: times(head), k: children }
}
