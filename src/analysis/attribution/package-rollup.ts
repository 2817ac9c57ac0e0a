// Own (-X importtime self) time summed by top-level package, base against
// head: the project's own modules together, and each dependency. Ten modules
// each a little cheaper add up to the change a reviewer wants named. Pure.
import { MIN_RUNS } from './module-diff.js'
import type { ModuleCost } from './module-costs.js'

export interface PackageRow {
  /** The top-level name: "mypkg", "rich", "asyncio". */
  name: string
  /** The target's own top-level package. */
  own: boolean
  /** Summed own time of its modules; null on a side that did not load it. */
  baseMs: number | null
  headMs: number | null
  deltaMs: number
  baseModules: number
  headModules: number
  /**
   * Worth a reviewer's eye: new or gone, or changed by at
   * least NOTABLE_MS and by more than the spread of its modules' own times
   * over the runs of both sides (a comment-only change moved a 290 ms
   * dependency by 3.6%, within that spread). Costs without spreads (made by
   * hand) fall back to NOTABLE_FRACTION of the base. The project's own row
   * is judged alike (every A/A once showed it moving by ±5 ms): reports still
   * show it, its change marked as noise when it is not notable.
   */
  notable: boolean
}

const NOTABLE_MS = 1
/** The share of a decided change a row must carry to be notable on that ground alone. */
const DECIDED_SHARE = 0.5
const NOTABLE_FRACTION = 0.05

const top = (module: string) => module.split('.')[0]!

function sums(
  costs: ReadonlyMap<string, ModuleCost>,
): Map<string, { ms: number; modules: number; spread: number | null }> {
  const out = new Map<string, { ms: number; modules: number; spread: number | null }>()
  for (const cost of costs.values()) {
    const entry = out.get(top(cost.name)) ?? { ms: 0, modules: 0, spread: 0 }
    entry.ms += cost.selfMs
    entry.modules++
    entry.spread =
      entry.spread === null || cost.selfSpreadMs === undefined
        ? null
        : // Too few runs to know the spread: no change can stand out from it.
          cost.runs !== undefined && cost.runs < MIN_RUNS
          ? Number.POSITIVE_INFINITY
          : entry.spread + cost.selfSpreadMs
    out.set(top(cost.name), entry)
  }
  return out
}

/** Every top-level package either side loaded: the target's own first, then the largest changes. */
export function rollUpByPackage(
  target: string,
  base: ReadonlyMap<string, ModuleCost>,
  head: ReadonlyMap<string, ModuleCost>,
  /**
   * The change the timed samples decided (head − base median, ms), or null.
   * A row that moved the same way by at least DECIDED_SHARE of it is notable
   * whatever its untimed runs' spread: under heavy load two profile runs a
   * side spread widely, and tractor's own −1.54 s of a decided −71% was
   * called noise.
   */
  decidedMs: number | null = null,
): PackageRow[] {
  const b = sums(base)
  const h = sums(head)
  const own = top(target)
  const rows = [...new Set([...b.keys(), ...h.keys()])].map((name) => {
    const x = b.get(name)
    const y = h.get(name)
    const deltaMs = (y?.ms ?? 0) - (x?.ms ?? 0)
    return {
      name,
      own: name === own,
      notable:
        !x ||
        !y ||
        (decidedMs !== null &&
          Math.sign(deltaMs) === Math.sign(decidedMs) &&
          Math.abs(deltaMs) >= DECIDED_SHARE * Math.abs(decidedMs)) ||
        (Math.abs(deltaMs) >= NOTABLE_MS &&
          (x.spread === null || y.spread === null
            ? Math.abs(deltaMs) >= NOTABLE_FRACTION * x.ms
            : Math.abs(deltaMs) > x.spread + y.spread)),
      baseMs: x?.ms ?? null,
      headMs: y?.ms ?? null,
      deltaMs,
      baseModules: x?.modules ?? 0,
      headModules: y?.modules ?? 0,
    }
  })
  return rows.sort(
    (p, q) =>
      Number(q.own) - Number(p.own) ||
      Math.abs(q.deltaMs) - Math.abs(p.deltaMs) ||
      p.name.localeCompare(q.name),
  )
}
