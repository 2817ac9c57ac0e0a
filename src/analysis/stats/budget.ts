// How much time a run needs at the pace its imports were measured at: for the
// "raise max-time to about N s" advice, given up front and with an
// inconclusive verdict. Pure.
import type { Sampling } from '../../settings/setting-values.js'

/**
 * A time budget, in whole tens of seconds, that fits the warm-ups, the profile
 * runs (slower under -X importtime), min-pairs rounds and, for a comparison,
 * twice as many again (what the sequential procedure typically takes to decide
 * a change near the thresholds), at `roundMs` per round of every arm, with
 * a fifth more for start-up and the machine's bad moments.
 */
export function suggestedBudgetS(
  roundMs: number,
  sampling: Pick<Sampling, 'warmups' | 'profileRuns' | 'minPairs'>,
  comparison: boolean,
): number {
  const rounds =
    sampling.warmups + 1.5 * sampling.profileRuns + sampling.minPairs * (comparison ? 3 : 1)
  return Math.ceil((rounds * roundMs * 1.2) / 10_000) * 10
}

/**
 * The budget of the explanation after sampling (the profile runs a slow
 * import's budget deferred, when a change was found): a quarter of max-time,
 * at least 30 s. At 120 s that fits the function profile of a ~3 s import on
 * both sides (cProfile doubles it) and a few more -X importtime runs; it never
 * delays a pass, which has nothing to explain.
 */
export const explanationBudgetMs = (maxTimeMs: number): number => Math.max(30_000, maxTimeMs / 4)
