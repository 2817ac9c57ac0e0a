// Whether a verdict was reached: a target whose sampling ended before the
// sequential procedure decided is inconclusive, never a pass, with what would
// likely decide it. Pure.
import type { Sampling } from '../../settings/setting-values.js'
import { suggestedBudgetS } from '../stats/budget.js'
import type { Observations } from './observations.js'
import type { PairedComparison } from '../stats/paired-compare.js'
import { median } from '../stats/summary.js'

/**
 * A target without a verdict: fewer pairs than any decision needs (`pairs`),
 * or enough for one, with the interval still reaching past the thresholds on
 * some side (`unsettled`).
 */
export interface Shortfall {
  reason: 'pairs' | 'unsettled'
  /** Pairs (compare) or samples (measure) taken. */
  pairs: number
  /** The fewest a verdict needs: min-pairs (measure), or the fewest pairs the procedure can decide on (compare). */
  needed: number
  /** A time budget that would likely decide it at these import times, in seconds. */
  suggestedMaxTimeS: number | null
  /** Set instead when max-pairs, not time, ended sampling: a max-pairs that would give more. */
  suggestedMaxPairs: number | null
}

/** Where sampling ended, for the advice. */
export interface ShortfallContext {
  maxTimeMs: number
  maxPairs: number
  /** A budget that fits every step at the measured import times (suggestedMaxTimeS), or null. */
  suggestion: number | null
}

/** compare: why a target has no verdict, or null when the procedure decided. */
export function undecidedShortfall(
  comparison: PairedComparison,
  context: ShortfallContext,
): Shortfall | null {
  if (comparison.decision !== 'continue') return null
  const { pairs, neededPairs: needed } = comparison
  const reason = pairs < needed ? 'pairs' : 'unsettled'
  if (pairs >= context.maxPairs)
    return {
      reason,
      pairs,
      needed,
      suggestedMaxTimeS: null,
      suggestedMaxPairs: 2 * context.maxPairs,
    }
  // A procedure that has not decided needs more pairs; twice the budget, or what the steps need.
  return {
    reason,
    pairs,
    needed,
    suggestedMaxTimeS: Math.max(doubledBudgetS(context.maxTimeMs), context.suggestion ?? 0),
    suggestedMaxPairs: null,
  }
}

/** Twice the budget, in whole tens of seconds: what to try when nothing better is known. */
export const doubledBudgetS = (maxTimeMs: number): number =>
  Math.ceil((2 * maxTimeMs) / 10_000) * 10

/** measure: fewer samples than min-pairs, or null. */
export function samplesShortfall(
  samples: number,
  minPairs: number,
  suggestion: number | null,
): Shortfall | null {
  if (samples >= minPairs) return null
  return {
    reason: 'pairs',
    pairs: samples,
    needed: minPairs,
    suggestedMaxTimeS: suggestion,
    suggestedMaxPairs: null,
  }
}

/** What one round of every arm costs, from the samples' spawn-to-exit times, and so a budget. */
export function suggestedMaxTimeS(
  observations: Observations,
  sampling: Pick<Sampling, 'minPairs' | 'warmups' | 'profileRuns'>,
): number | null {
  const walls = observations.arms
    .filter((a) => a.samples.length)
    .map((a) => median(a.samples.map((s) => s.wallMs)))
  if (!walls.length) return null
  const roundMs = walls.reduce((sum, w) => sum + w, 0)
  const twoSided = observations.arms.some((a) => a.key.side === 'base')
  return suggestedBudgetS(roundMs, sampling, twoSided)
}
