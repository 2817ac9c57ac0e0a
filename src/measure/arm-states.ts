// The engine's bookkeeping: each arm's observations so far, and which arms are
// still live. Arms of one group (a target's base and head under one variant)
// stop together, so that pairs stay aligned; except when one side has no such
// module at all (new in head, or removed by it): the other side goes on alone.
import type { ArmObservation, ProfileObservation } from '../analysis/verdict/observations.js'
import { missingTarget } from '../analysis/verdict/missing-target.js'
import type { ImportFailure } from '../model/failure.js'
import { armId, groupId } from '../model/target.js'
import type { EngineDeps, PlannedArm } from './plan.js'

export class ArmStates {
  private readonly byId = new Map<string, ArmObservation>()

  constructor(
    readonly arms: readonly PlannedArm[],
    private readonly onEvent: EngineDeps['onEvent'],
  ) {
    for (const arm of arms) {
      this.byId.set(armId(arm.key), {
        key: arm.key,
        samples: [],
        failure: null,
        profile: null,
      })
    }
  }

  of(arm: PlannedArm): ArmObservation {
    return this.byId.get(armId(arm.key))!
  }

  fail(arm: PlannedArm, failure: ImportFailure): void {
    const observation = this.of(arm)
    if (observation.failure) return
    observation.failure = failure
    this.onEvent?.({ phase: 'failed', key: arm.key, failure })
  }

  /** Arms of `among` that have not failed, in groups where no arm failed for another reason than a missing target. */
  live(among: readonly PlannedArm[] = this.arms): PlannedArm[] {
    const failed = new Set(
      this.arms
        .filter((arm) => {
          const failure = this.of(arm).failure
          return failure && !missingTarget(failure, arm.key.target)
        })
        .map((arm) => groupId(arm.key)),
    )
    return among.filter((arm) => !this.of(arm).failure && !failed.has(groupId(arm.key)))
  }

  setProfile(arm: PlannedArm, profile: ProfileObservation): void {
    this.of(arm).profile = profile
  }

  observations(): ArmObservation[] {
    return this.arms.map((arm) => this.of(arm))
  }
}
