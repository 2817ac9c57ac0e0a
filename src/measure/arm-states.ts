// The engine's bookkeeping: each arm's observations so far, and which arms are
// still live. Arms of one group (a target's base and head under one variant)
// stop together, so that pairs stay aligned.
import type { ArmObservation, ProfileObservation } from '../analysis/observations.js'
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
        confirmation: null,
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

  /** Arms of `among` whose group has no failed arm. */
  live(among: readonly PlannedArm[] = this.arms): PlannedArm[] {
    const failed = new Set(
      this.arms.filter((arm) => this.of(arm).failure).map((arm) => groupId(arm.key)),
    )
    return among.filter((arm) => !failed.has(groupId(arm.key)))
  }

  setProfile(arm: PlannedArm, profile: ProfileObservation): void {
    this.of(arm).profile = profile
  }

  observations(): ArmObservation[] {
    return this.arms.map((arm) => this.of(arm))
  }
}
