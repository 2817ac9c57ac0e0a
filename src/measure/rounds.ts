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
  let claimed = 0
  let rounds = 0
  let arms = spec.arms
  /** Set when the deadline ends sampling; every lane then stops before its next round. */
  let outOfTime = false

  /** One lane's rounds, one after the other; with lanes, each lane keeps to its own core. */
  async function lane(core: number | undefined): Promise<void> {
    while (!outOfTime && claimed < spec.maxRounds && !plan.signal?.aborted) {
      const live = states.live(arms)
      if (live.length === 0) return
      const expected = roundMs.length ? Math.max(...roundMs) : 0
      if (deps.now() + expected > spec.deadline) {
        outOfTime = true
        return
      }
      const started = deps.now()
      const round = before + ++claimed
      deps.onEvent?.({ phase: 'sample', round })
      // Every run of a round on one core: a pair's two runs share it.
      const pinned =
        core !== undefined
          ? { core }
          : plan.pinning
            ? { core: coreOfRound(plan.pinning, round) }
            : {}
      const pending = await oneRound(live, pinned)
      if (pending === 'cut') {
        outOfTime = true
        return
      }
      // A group the stopping rule let go while this round ran keeps the pairs it was decided on.
      // A round all of whose groups were let go meanwhile is not counted either.
      const going = new Set(arms)
      if (!live.some((arm) => going.has(arm))) continue
      for (const [arm, sample] of pending) if (going.has(arm)) spec.into(arm).push(sample)
      rounds++
      roundMs.push(deps.now() - started)
      if (spec.stopping && rounds >= spec.minRounds && looksAt(before + rounds)) {
        const undecided = new Set(spec.stopping(states.observations()))
        arms = arms.filter((arm) => undecided.has(groupId(arm.key)))
        if (!arms.length) return
      }
    }
  }

  /**
   * Every live arm once, in a shuffled order. Kept until the round is whole: a
   * round the budget cuts short is dropped ('cut'), so that pairs stay aligned.
   */
  async function oneRound(
    live: readonly PlannedArm[],
    pinned: { core?: number },
  ): Promise<[PlannedArm, Sample][] | 'cut'> {
    const pending: [PlannedArm, Sample][] = []
    for (const arm of shuffled(live, plan.random)) {
      if (plan.signal?.aborted) break
      // Many targets make one round long: a round the budget ends midway is dropped whole.
      if (deps.now() > (spec.cutAt ?? spec.deadline)) return 'cut'
      // A partner failed earlier in this round: stop, so pairs stay aligned.
      if (!states.live([arm]).length) continue
      const request = probeRequest(arm, 'time', plan, deps.now(), spec.cutAt)
      const run = await deps.runProbe({ ...request, ...pinned })
      if (cutByBudget(run)) return 'cut'
      if (run.failure || !run.report) states.fail(arm, run.failure ?? noReport())
      else pending.push([arm, toSample(run)])
    }
    return pending
  }

  const lanes = plan.pinning?.lanes ?? 1
  await Promise.all(
    Array.from({ length: lanes }, (_, i) => lane(lanes > 1 ? plan.pinning!.cores[i] : undefined)),
  )
  return { rounds, truncated: outOfTime && rounds < spec.minRounds, outOfTime }
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
