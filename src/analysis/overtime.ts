// Overtime: when a compare may sample past its time budget. Only when the
// verdict needs it, and only the targets that need it. Pure.
import type { Thresholds } from '../model/settings.js'
import { comparedGroups, primaryTimes as times, type ArmObservation } from './observations.js'
import {
  classify,
  comparePairs,
  isSettled,
  pairsToReject,
  type PairedComparison,
} from './paired-compare.js'
import { leansUnsettled, pairCeiling, watchedThresholds } from './shortfall.js'

interface GroupState {
  group: string
  comparison: PairedComparison | null
}

/** What the engine asks once the budget or max-pairs is spent, and how much further it may go. */
export interface OvertimePolicy {
  /** Time the run may take past its budget, in ms; 0 for none. */
  ms: number
  /** Pairs a group whose verdict still needs them may reach, past max-pairs. */
  maxPairs: number
  /**
   * The groups (see groupId) whose verdict still needs pairs. While `inBudget`
   * (the time budget is not spent), and for a group in `leaned` (one that
   * leaned past half the thresholds earlier in this sampling), that is until
   * its interval settles or it is flagged.
   */
  groups(
    arms: readonly ArmObservation[],
    context?: { leaned?: ReadonlySet<string>; inBudget?: boolean },
  ): string[]
  /** The groups with enough pairs whose estimate leans past half the thresholds now. */
  leaning(arms: readonly ArmObservation[]): string[]
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
 * A target that reaches max-pairs with time left in its budget (a fast import
 * on a noisy runner) samples on until its interval settles, up to
 * `pairCeiling` pairs: max-pairs bounds a run that earned its verdict, not one
 * that has not, and a pass whose interval still reaches past the thresholds
 * is not earned while the budget could buy more pairs (bench:quality, a real
 * +5% on a 20 ms import: +1.4% at 200 pairs after 24 s of a 120 s budget,
 * just under half the threshold, passed). Past the budget, only the targets
 * above sample on, into the overtime.
 */
export function overtimeFor(
  gate: Thresholds,
  sampling: { minPairs: number; maxPairs: number },
  ms: number,
): OvertimePolicy {
  const { minPairs } = sampling
  const needed = Math.max(minPairs, pairsToReject(gate.alpha))
  // An unchanged import seldom leans past half the thresholds. Once one has,
  // falling back under them is no reason to stop: noise makes the estimate of
  // a real +5% dip under the line too, and stopping at the dip passed it
  // (bench:quality, 2 of 15 runs, +1.4% at 201 and 225 pairs). It samples on
  // until its interval settles or it is flagged.
  const watched = watchedThresholds(gate)
  /** Each group not flagged: too few pairs (no comparison), or its comparison so far. */
  const states = (arms: readonly ArmObservation[]) =>
    comparedGroups(arms).flatMap(({ group, base, head }): GroupState[] => {
      if (base.failure || head.failure) return []
      const pairs = Math.min(base.samples.length, head.samples.length)
      if (pairs < needed) return [{ group, comparison: null }]
      const comparison = comparePairs(times(base.samples), times(head.samples), gate.alpha)
      // A flagged group is the confirmation batch's to decide.
      return classify(comparison, gate) === 'pass' ? [{ group, comparison }] : []
    })
  const leans = (c: PairedComparison) => leansUnsettled(c, watched)
  return {
    ms,
    maxPairs: pairCeiling(sampling.maxPairs),
    groups(arms, { leaned = new Set<string>(), inBudget = false } = {}) {
      return states(arms)
        .filter(
          ({ group, comparison: c }) =>
            !c || leans(c) || ((inBudget || leaned.has(group)) && !isSettled(c, gate)),
        )
        .map(({ group }) => group)
    },
    leaning(arms) {
      return states(arms)
        .filter(({ comparison: c }) => c !== null && leans(c))
        .map(({ group }) => group)
    },
  }
}
