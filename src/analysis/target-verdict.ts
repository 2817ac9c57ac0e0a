// The verdict for one target from its paired samples. Pure.
import {
  classify,
  comparePairs,
  type GateSettings,
  type Outcome,
  type PairedComparison,
} from './paired-compare.js'

/**
 * How strongly the fresh batch must point the same way on its own. A false
 * alarm must get past three tests: the first batch (alpha and both thresholds),
 * this one, and all pairs together (alpha and both thresholds again), which a
 * fluke of the first batch fails once an equal, effect-free batch dilutes it.
 * At 0.05 the fresh batch was the weak link: in the benchmark runs that led to
 * bench/RESULTS.md, real +5% and +10% slowdowns flagged by the first batch
 * were dropped by it on a noisy 2-core machine, while none of 29 A/A runs got
 * as far as a first-batch flag.
 */
export const CONFIRM_ALPHA = 0.2

export interface Confirmation {
  pairs: number
  /** One-sided p (head slower) of the fresh batch alone. */
  p: number
  /** null when the time budget left no room for a fresh batch. */
  confirmed: boolean | null
}

export interface TargetVerdict {
  outcome: Outcome
  /** Over every pair, confirmation batch included. */
  comparison: PairedComparison
  /** Present when a regression was flagged and a fresh batch was run or due. */
  confirmation: Confirmation | null
}

/**
 * A regression flagged by the first batch must be confirmed by a fresh,
 * independent interleaved batch (as large as the first, where time allows)
 * pointing the same way on its own (CONFIRM_ALPHA), and by all pairs together
 * still being a regression. Peeking at the data as sampling goes on (to stop
 * early) inflates false alarms; an independent batch brings them back down.
 * Improvements fail no check and are not confirmed.
 */
export function targetVerdict(
  base: readonly number[],
  head: readonly number[],
  confirmation: { base: readonly number[]; head: readonly number[] } | null,
  gate: GateSettings,
): TargetVerdict {
  const first = comparePairs(base, head, gate.alpha)
  const outcome = classify(first, gate)
  if (outcome !== 'regression') return { outcome, comparison: first, confirmation: null }
  const pairs = confirmation ? Math.min(confirmation.base.length, confirmation.head.length) : 0
  if (!confirmation || pairs < 2) {
    // Not enough time was left to confirm: report what was seen, and say so.
    return { outcome, comparison: first, confirmation: { pairs, p: 1, confirmed: null } }
  }
  const fresh = comparePairs(confirmation.base, confirmation.head, gate.alpha)
  const all = comparePairs(
    [...base, ...confirmation.base.slice(0, pairs)],
    [...head, ...confirmation.head.slice(0, pairs)],
    gate.alpha,
  )
  const confirmed = fresh.pSlower < CONFIRM_ALPHA && fresh.logEstimate > 0
  return {
    outcome: confirmed && classify(all, gate) === 'regression' ? 'regression' : 'pass',
    comparison: all,
    confirmation: { pairs, p: fresh.pSlower, confirmed },
  }
}
