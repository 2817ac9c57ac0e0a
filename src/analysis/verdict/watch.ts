// Modules the project tracks by name: loaded or not on each side, through
// which chain, whatever the grouping of the module diff does. Pure.
import type { ProfileObservation } from './observations.js'

export interface WatchSide {
  loaded: boolean
  /** The imports that loaded it, outermost first; empty when not loaded. */
  chain: string[]
  /** Cumulative -X importtime time, when loaded. */
  cumulativeMs: number | null
}

export interface WatchFinding {
  name: string
  /** null for measure, a new target, or a side without a profile run. */
  base: WatchSide | null
  head: WatchSide | null
}

function sideOf(profile: ProfileObservation | null | undefined, name: string): WatchSide | null {
  if (!profile?.runs) return null
  if (!profile.added.includes(name)) return { loaded: false, chain: [], cumulativeMs: null }
  const cost = profile.costs.get(name)
  return { loaded: true, chain: cost?.chain ?? [], cumulativeMs: cost?.cumulativeMs ?? null }
}

export function watchModules(
  watch: readonly string[],
  base: ProfileObservation | null | undefined,
  head: ProfileObservation | null | undefined,
): WatchFinding[] {
  return watch.map((name) => ({ name, base: sideOf(base, name), head: sideOf(head, name) }))
}
