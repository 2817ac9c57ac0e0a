// When sampling may stop before its maximum: the stopping rules the engine is
// handed. Each looks at the samples so far and says whether more could change
// the outcome in any likely way. Pure.
import type { Thresholds } from '../model/settings.js'
import { comparedGroups, primaryTimes as times, type ArmObservation } from './observations.js'
import { comparePairs, isSettled } from './paired-compare.js'
import { median, medianInterval } from './summary.js'

export type StoppingRule = (arms: readonly ArmObservation[]) => boolean

/** Sampling stops early once every target's median is known to within this fraction. */
const SETTLED_HALF_WIDTH = 0.01

/** measure: every arm's median known to within ±1% (95% interval). Failed arms are done. */
export const medianSettled: StoppingRule = (arms) =>
  arms.every((arm) => {
    if (arm.failure) return true
    const values = times(arm.samples)
    const interval = medianInterval(values)
    return (
      interval !== null && (interval[1] - interval[0]) / 2 <= SETTLED_HALF_WIDTH * median(values)
    )
  })

/** compare: every target's base/head comparison is settled (see isSettled). */
export function comparisonSettled(gate: Thresholds): StoppingRule {
  return (arms) =>
    comparedGroups(arms).every(({ base, head }) => {
      if (base.failure || head.failure) return true
      return isSettled(comparePairs(times(base.samples), times(head.samples), gate.alpha), gate)
    })
}
