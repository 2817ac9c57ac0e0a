// What the engine asks the sequential procedure while it samples, and after:
// which groups are still undecided (they sample on; decided ones stop), and in
// which a change was found (they are explained). Pure.
import { readPrimary, type Sample } from '../../model/metrics.js'
import type { Thresholds } from '../../settings/setting-values.js'
import { comparedGroups, primaryTimes as times, type ArmObservation } from './observations.js'
import { comparePairs, lookAtPairs, type PairedComparison } from '../stats/paired-compare.js'

/** What a decision depends on: the gate. */
export interface DecisionSettings {
  gate: Thresholds
}

/** The comparison of one group's pairs so far on a metric (the primary one unless told), with its decision. */
export function groupComparison(
  base: ArmObservation,
  head: ArmObservation,
  settings: DecisionSettings,
  read: (s: Sample) => number = readPrimary,
): PairedComparison {
  return comparePairs(base.samples.map(read), head.samples.map(read), settings.gate)
}

/** The look at a group's pairs of the primary metric: cheap, for the engine's every round. */
const lookOf = (base: ArmObservation, head: ArmObservation, settings: DecisionSettings) =>
  lookAtPairs(times(base.samples), times(head.samples), settings.gate)

/** The groups (see groupId) whose procedure has not decided yet: they need more pairs. Failed groups are done. */
export function undecidedGroups(settings: DecisionSettings) {
  return (arms: readonly ArmObservation[]): string[] =>
    comparedGroups(arms).flatMap(({ group, base, head }) => {
      if (base.failure || head.failure) return []
      return lookOf(base, head, settings).decision === 'continue' ? [group] : []
    })
}

/**
 * The groups where a change was found, to be explained: decided a regression
 * or an improvement, or left undecided with an estimate past half the band
 * (a change may be there; the explanation says where it would come from).
 */
export function changedGroups(settings: DecisionSettings) {
  return (arms: readonly ArmObservation[]): string[] =>
    comparedGroups(arms).flatMap(({ group, base, head }) => {
      if (base.failure || head.failure) return []
      const look = lookOf(base, head, settings)
      if (look.decision === 'regression' || look.decision === 'improvement') return [group]
      const halfUp = Math.log1p((Math.exp(look.bandUpper) - 1) / 2)
      return look.decision === 'continue' && Math.abs(look.estimate) > halfUp ? [group] : []
    })
}
