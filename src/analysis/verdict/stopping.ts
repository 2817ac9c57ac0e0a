// When sampling may stop before its maximum: the stopping rules the engine is
// handed. Each looks at the samples so far and names the groups (see groupId)
// that still need samples; the others stop. Pure.
import { groupId } from '../../model/target.js'
import { undecidedGroups, type DecisionSettings } from './decision.js'
import { primaryTimes as times, type ArmObservation } from './observations.js'
import { median, medianInterval } from '../stats/summary.js'

export type StoppingRule = (arms: readonly ArmObservation[]) => string[]

/** Sampling stops early once every target's median is known to within this fraction. */
const SETTLED_HALF_WIDTH = 0.01

/** measure: the groups whose median is not yet known to within ±1% (95% interval). Failed arms are done. */
export const medianUnsettled: StoppingRule = (arms) =>
  arms.flatMap((arm) => {
    if (arm.failure) return []
    const values = times(arm.samples)
    const interval = medianInterval(values)
    const settled =
      interval !== null && (interval[1] - interval[0]) / 2 <= SETTLED_HALF_WIDTH * median(values)
    return settled ? [] : [groupId(arm.key)]
  })

/** compare: the groups the sequential procedure has not decided (analysis/verdict/decision.ts). */
export const undecided = (settings: DecisionSettings): StoppingRule => undecidedGroups(settings)
