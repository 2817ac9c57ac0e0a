// Interleaved rounds of timed samples. Each round runs every live arm once, in
// an order shuffled anew and on one core (where runs are pinned), so that
// drift of the machine (another job starting, thermal throttling, a cache
// going cold) lands on all arms alike, and a pair (base and head of one target
// in one round) shares whatever the machine was doing then.
import { shuffled } from '../analysis/stats/random.js'
import { groupId } from '../model/target.js'
import type { StoppingRule } from '../analysis/verdict/stopping.js'
import type { Sample } from '../model/metrics.js'
import type { ArmStates } from './arm-states.js'
import type { EngineDeps, PlannedArm, RunPlan } from './plan.js'
import { coreOfRound } from './pinning.js'
import { cutByBudget, probeRequest, toSample } from './probe-run.js'

export interface RoundsSpec {
  arms: readonly PlannedArm[]
  minRounds: number
  maxRounds: number
  /** No round starts unless the slowest round so far would end by then. */
  deadline: number
  /** When a run is stopped as out of time: the plan's deadline, or the end of its overtime. */
  cutAt?: number
  /** Where each arm's samples go. */
  into: (arm: PlannedArm) => Sample[]
  /** Consulted at each look from minRounds on: the arms of groups it no longer names stop. */
  stopping?: StoppingRule
}

export interface RoundsOutcome {
  rounds: number
  /** The deadline ended sampling before minRounds. */
  truncated: boolean
  /** The deadline ended sampling (before or after minRounds), not the stopping rule or maxRounds. */
  outOfTime: boolean
}

export async function runRounds(
  spec: RoundsSpec,
  plan: RunPlan,
  states: ArmStates,
  deps: EngineDeps,
  /** Rounds of this batch already run, for the progress events of a batch run on. */
  before = 0,
): Promise<RoundsOutcome> {
  const roundMs: number[] = []
  let rounds = 0
  let arms = spec.arms
  while (rounds < spec.maxRounds && !plan.signal?.aborted) {
    const live = states.live(arms)
    if (live.length === 0) break
    const expected = roundMs.length ? Math.max(...roundMs) : 0
    if (deps.now() + expected > spec.deadline) {
      return { rounds, truncated: rounds < spec.minRounds, outOfTime: true }
    }
    const started = deps.now()
    rounds++
    deps.onEvent?.({ phase: 'sample', round: before + rounds })
    // Kept until the round is whole: a round the budget cuts short is dropped,
    // so that pairs stay aligned.
    const pending: [PlannedArm, Sample][] = []
    // Every run of a round on the round's core: a pair's two runs share one.
    const pinned = plan.pinning ? { core: coreOfRound(plan.pinning, before + rounds) } : {}
    for (const arm of shuffled(live, plan.random)) {
      if (plan.signal?.aborted) break
      // Many targets make one round long: a round the budget ends midway is dropped whole.
      if (deps.now() > (spec.cutAt ?? spec.deadline)) {
        const whole = rounds - 1
        return { rounds: whole, truncated: whole < spec.minRounds, outOfTime: true }
      }
      // A partner failed earlier in this round: stop, so pairs stay aligned.
      if (!states.live([arm]).length) continue
      const request = probeRequest(arm, 'time', plan, deps.now(), spec.cutAt)
      const run = await deps.runProbe({ ...request, ...pinned })
      if (cutByBudget(run)) {
        const whole = rounds - 1
        return { rounds: whole, truncated: whole < spec.minRounds, outOfTime: true }
      }
      if (run.failure || !run.report) states.fail(arm, run.failure ?? noReport())
      else pending.push([arm, toSample(run)])
    }
    for (const [arm, sample] of pending) spec.into(arm).push(sample)
    roundMs.push(deps.now() - started)
    if (spec.stopping && rounds >= spec.minRounds && looksAt(before + rounds)) {
      const going = new Set(spec.stopping(states.observations()))
      arms = arms.filter((arm) => going.has(groupId(arm.key)))
      if (!arms.length) break
    }
  }
  return { rounds, truncated: false, outOfTime: false }
}

/**
 * Whether the stopping rule looks after this many rounds: every round up to
 * 100, then every 1% more. The procedure may look as often as it likes (its
 * intervals hold at every look), but a look reads every group's pairs, which
 * past a few hundred pairs of a fast import costs more than a round.
 */
export const looksAt = (rounds: number): boolean =>
  rounds % Math.max(1, Math.floor(rounds / 100)) === 0

function noReport() {
  return { kind: 'NoReport', message: 'the probe did not report', traceback: [] }
}
