// Overtime: when a compare may sample past its time budget. Only when the
// verdict needs it, and only the targets that need it. Pure.
import type { Thresholds } from '../model/settings.js'
import { comparedGroups, primaryTimes as times, type ArmObservation } from './observations.js'
import { classify, comparePairs, pairsToReject } from './paired-compare.js'
import { leansUnsettled, pairCeiling } from './shortfall.js'

/** What the engine asks once the budget or max-pairs is spent, and how much further it may go. */
export interface OvertimePolicy {
  /** Time the run may take past its budget, in ms; 0 for none. */
  ms: number
  /** Pairs a group whose verdict still needs them may reach, past max-pairs. */
  maxPairs: number
  /** The groups (see groupId) whose verdict still needs pairs. */
  groups(arms: readonly ArmObservation[]): string[]
}

/**
 * A budget sized for a 100 ms import buys a 2 s import about 20 pairs: enough
 * to pass an A/A change, not to tell a real +10% from noise (bench:slow:
 * 5 of 8 caught, the rest inconclusive, which fails the check). So a target
 * whose budget ran out before its verdict was earned samples on, alone with
 * its partner arm, up to `ms` more: one with fewer pairs than a verdict
 * needs, or one whose estimate leans past half of both thresholds toward a
 * regression without the pairs settling it (past the whole thresholds, that
 * would be inconclusive, reason "unsettled").
 * A target that passes cleanly, or is already flagged (the confirmation batch
 * decides that one), costs no overtime.
 * The same targets sample on when they reach max-pairs with time left (a fast
 * import on a noisy runner), up to `pairCeiling` pairs, within the budget and
 * then the overtime: max-pairs bounds a run that earned its verdict, not one
 * that has not.
 */
export function overtimeFor(
  gate: Thresholds,
  sampling: { minPairs: number; maxPairs: number },
  ms: number,
): OvertimePolicy {
  const { minPairs } = sampling
  const needed = Math.max(minPairs, pairsToReject(gate.alpha))
  // Overtime watches at half the thresholds: bench:slow once read a real +10%
  // on a 1 s import as +2.75% after 36 pairs, under the 3% line, and passed it
  // without a second look. An unchanged import seldom reads past half the line
  // and, when it does, usually falls back under it within a few pairs.
  const watched = { ...gate, thresholdPct: gate.thresholdPct / 2, minDeltaMs: gate.minDeltaMs / 2 }
  return {
    ms,
    maxPairs: pairCeiling(sampling.maxPairs),
    groups(arms) {
      return comparedGroups(arms).flatMap(({ group, base, head }) => {
        if (base.failure || head.failure) return []
        const pairs = Math.min(base.samples.length, head.samples.length)
        if (pairs < needed) return [group]
        const c = comparePairs(times(base.samples), times(head.samples), gate.alpha)
        return classify(c, gate) === 'pass' && leansUnsettled(c, watched) ? [group] : []
      })
    },
  }
}
