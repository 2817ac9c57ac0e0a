// Interleaved rounds of timed samples. Each round runs every live arm once, in
// an order shuffled anew, so that drift of the machine (another job starting,
// thermal throttling, a cache going cold) lands on all arms alike, and a pair
// (base and head of one target in one round) shares whatever the machine was
// doing then.
import { shuffled } from '../analysis/random.js'
import type { StoppingRule } from '../analysis/stopping.js'
import type { Sample } from '../model/metrics.js'
import type { ArmStates } from './arm-states.js'
import type { EngineDeps, PlannedArm, RunPlan } from './plan.js'
import { cutByBudget, probeRequest, toSample } from './probe-run.js'

export interface RoundsSpec {
  arms: readonly PlannedArm[]
  minRounds: number
  maxRounds: number
  /** No round starts unless the slowest round so far would end by then. */
  deadline: number
  /** When a run is stopped as out of time: the plan's deadline, or the end of its overtime. */
  cutAt?: number
  /** Where each arm's samples go: the first batch or a confirmation batch. */
  into: (arm: PlannedArm) => Sample[]
  stopping?: StoppingRule
  batch: 'first' | 'confirm'
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
  while (rounds < spec.maxRounds && !plan.signal?.aborted) {
    const live = states.live(spec.arms)
    if (live.length === 0) break
    const expected = roundMs.length ? Math.max(...roundMs) : 0
    if (deps.now() + expected > spec.deadline) {
      return { rounds, truncated: rounds < spec.minRounds, outOfTime: true }
    }
    const started = deps.now()
    rounds++
    deps.onEvent?.({ phase: 'sample', round: before + rounds, batch: spec.batch })
    // Kept until the round is whole: a round the budget cuts short is dropped,
    // so that pairs stay aligned.
    const pending: [PlannedArm, Sample][] = []
    for (const arm of shuffled(live, plan.random)) {
      if (plan.signal?.aborted) break
      // A partner failed earlier in this round: stop, so pairs stay aligned.
      if (!states.live([arm]).length) continue
      const run = await deps.runProbe(probeRequest(arm, 'time', plan, deps.now(), spec.cutAt))
      if (cutByBudget(run)) {
        const whole = rounds - 1
        return { rounds: whole, truncated: whole < spec.minRounds, outOfTime: true }
      }
      if (run.failure || !run.report) states.fail(arm, run.failure ?? noReport())
      else pending.push([arm, toSample(run)])
    }
    for (const [arm, sample] of pending) spec.into(arm).push(sample)
    roundMs.push(deps.now() - started)
    if (
      rounds >= spec.minRounds &&
      looksAt(before + rounds) &&
      spec.stopping?.(states.observations())
    )
      break
  }
  return { rounds, truncated: false, outOfTime: false }
}

/**
 * Whether the stopping rule looks after this many rounds: every round up to
 * 100, then every 1% more. A look compares every group's pairs (~30 ms at
 * 1,000 pairs, several times a look), which past a few hundred pairs of a fast
 * import cost more than the round; and fewer looks are fewer chances for noise
 * to stop sampling at a lucky moment.
 */
export const looksAt = (rounds: number): boolean =>
  rounds % Math.max(1, Math.floor(rounds / 100)) === 0

function noReport() {
  return { kind: 'NoReport', message: 'the probe did not report', traceback: [] }
}
