// When sampling may stop before its maximum: the stopping rules the engine is
// handed. Each looks at the samples so far and says whether more could change
// the outcome in any likely way. Pure.
import type { Sample } from '../model/metrics.js'
import type { Thresholds } from '../model/settings.js'
import { groupId } from '../model/target.js'
import type { ArmObservation } from './observations.js'
import { comparePairs, isSettled } from './paired-compare.js'
import { median, medianInterval } from './summary.js'

export type StoppingRule = (arms: readonly ArmObservation[]) => boolean

/** Sampling stops early once every target's median is known to within this fraction. */
const SETTLED_HALF_WIDTH = 0.01

const times = (samples: readonly Sample[]) => samples.map((s) => s.importMs)

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
    arms.every((head) => {
      if (head.key.side !== 'head') return true
      const base = arms.find((a) => a.key.side === 'base' && groupId(a.key) === groupId(head.key))
      if (!base) return true
      if (base.failure || head.failure) return true
      return isSettled(comparePairs(times(base.samples), times(head.samples), gate.alpha), gate)
    })
}
