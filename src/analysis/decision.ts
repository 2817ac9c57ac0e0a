// What the engine asks the sequential procedure while it samples, and after:
// which groups are still undecided (they sample on; decided ones stop), and in
// which a change was found (they are explained). Pure.
import { METRICS, PRIMARY_METRIC, type Sample } from '../model/metrics.js'
import type { Thresholds } from '../model/settings.js'
import { comparedGroups, primaryTimes as times, type ArmObservation } from './observations.js'
import { comparePairs, lookAtPairs, type PairedComparison } from './paired-compare.js'
import { median } from './summary.js'

/** Pairs whose wall times set a group's pace: the first few, before the pace could reflect the outcome. */
const PACE_PAIRS = 4

/**
 * One pair's time for a group, spawn to exit of both runs, from its first few
 * pairs (see sequential.ts's blockPairs); 0 before any.
 */
export function paceOf(base: ArmObservation, head: ArmObservation): number {
  const n = Math.min(PACE_PAIRS, base.samples.length, head.samples.length)
  if (n === 0) return 0
  return median(
    Array.from({ length: n }, (_, i) => base.samples[i]!.wallMs + head.samples[i]!.wallMs),
  )
}

/** The comparison of one group's pairs so far on a metric (the primary one unless told), with its decision. */
export function groupComparison(
  base: ArmObservation,
  head: ArmObservation,
  gate: Thresholds,
  read: (s: Sample) => number = METRICS[PRIMARY_METRIC].read,
): PairedComparison {
  return comparePairs(base.samples.map(read), head.samples.map(read), gate, paceOf(base, head))
}

/** The groups (see groupId) whose procedure has not decided yet: they need more pairs. Failed groups are done. */
export function undecidedGroups(gate: Thresholds) {
  return (arms: readonly ArmObservation[]): string[] =>
    comparedGroups(arms).flatMap(({ group, base, head }) => {
      if (base.failure || head.failure) return []
      const { look } = lookAtPairs(
        times(base.samples),
        times(head.samples),
        gate,
        paceOf(base, head),
      )
      return look.decision === 'continue' ? [group] : []
    })
}

/**
 * The groups where a change was found, to be explained: decided a regression
 * or an improvement, or left undecided with an estimate past half the band
 * (a change may be there; the explanation says where it would come from).
 */
export function changedGroups(gate: Thresholds) {
  return (arms: readonly ArmObservation[]): string[] =>
    comparedGroups(arms).flatMap(({ group, base, head }) => {
      if (base.failure || head.failure) return []
      const { look } = lookAtPairs(
        times(base.samples),
        times(head.samples),
        gate,
        paceOf(base, head),
      )
      if (look.decision === 'regression' || look.decision === 'improvement') return [group]
      const halfUp = Math.log1p((Math.exp(look.bandUpper) - 1) / 2)
      return look.decision === 'continue' && Math.abs(look.estimate) > halfUp ? [group] : []
    })
}
