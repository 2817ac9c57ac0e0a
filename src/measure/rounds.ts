// Interleaved rounds of timed samples. Each round runs every live arm once, in
// an order shuffled anew and on one core (where runs are pinned), so that
// drift of the machine (another job starting, thermal throttling, a cache
// going cold) lands on all arms alike, and a pair (base and head of one target
// in one round) shares whatever the machine was doing then. Where the plan
// allows lanes and nothing else is using the CPUs, a step runs that many
// rounds at once, each on its own core, in lockstep (measure/machine-load.ts).
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
  /** Rounds that ran beside another, each on its own core. */
  alongside: number
}

/** Other work below this many cores' worth counts as none: two rounds may then run at once. */
export const QUIET_BELOW_CORES = 0.25

export async function runRounds(
  spec: RoundsSpec,
  plan: RunPlan,
  states: ArmStates,
  deps: EngineDeps,
  /** Rounds of this batch already run, for the progress events of a batch run on. */
  before = 0,
): Promise<RoundsOutcome> {
  const stepMs: number[] = []
  let rounds = 0
  let steps = 0
  let alongside = 0
  let arms = spec.arms
  const most = plan.pinning?.lanes ?? 1
  const meter = most > 1 ? deps.loadElsewhere : undefined
  await meter?.()
  while (rounds < spec.maxRounds && !plan.signal?.aborted) {
    const live = states.live(arms)
    if (live.length === 0) break
    const expected = stepMs.length ? Math.max(...stepMs) : 0
    if (deps.now() + expected > spec.deadline) return endedByBudget()
    // Two rounds at once only while nothing else is using the CPUs (measure/machine-load.ts).
    const elsewhere = (await meter?.()) ?? null
    const width =
      elsewhere !== null && elsewhere < QUIET_BELOW_CORES
        ? Math.min(most, spec.maxRounds - rounds)
        : 1
    const started = deps.now()
    const step = steps++
    const cores = plan.pinning
      ? Array.from({ length: width }, (_, lane) =>
          coreOfRound(plan.pinning!, before + step * width + lane + 1),
        )
      : [undefined]
    for (let lane = 0; lane < width; lane++)
      deps.onEvent?.({ phase: 'sample', round: before + rounds + lane + 1 })
    const taken = await oneStep(live, cores)
    if (taken === 'cut') return endedByBudget()
    for (const pending of taken) for (const [arm, sample] of pending) spec.into(arm).push(sample)
    const prior = rounds
    rounds += taken.length
    if (taken.length > 1) alongside += taken.length
    stepMs.push(deps.now() - started)
    if (spec.stopping && rounds >= spec.minRounds && looked(prior, rounds, before)) {
      const undecided = new Set(spec.stopping(states.observations()))
      arms = arms.filter((arm) => undecided.has(groupId(arm.key)))
      if (!arms.length) break
    }
  }
  return { rounds, truncated: false, outOfTime: false, alongside }

  function endedByBudget(): RoundsOutcome {
    return { rounds, truncated: rounds < spec.minRounds, outOfTime: true, alongside }
  }

  /**
   * One round on each of `cores` at once, in lockstep: every live arm in one
   * shuffled order, each arm's runs on all cores together, so that every run
   * has the same arm's run beside it. A step the budget cuts short is dropped
   * whole ('cut'), so that pairs stay aligned.
   */
  async function oneStep(
    live: readonly PlannedArm[],
    cores: readonly (number | undefined)[],
  ): Promise<[PlannedArm, Sample][][] | 'cut'> {
    const pending = cores.map((): [PlannedArm, Sample][] => [])
    for (const arm of shuffled(live, plan.random)) {
      if (plan.signal?.aborted) break
      // Many targets make one round long: a round the budget ends midway is dropped whole.
      if (deps.now() > (spec.cutAt ?? spec.deadline)) return 'cut'
      // A partner failed earlier in this round: stop, so pairs stay aligned.
      if (!states.live([arm]).length) continue
      const request = probeRequest(arm, 'time', plan, deps.now(), spec.cutAt)
      const runs = await Promise.all(
        cores.map((core) => deps.runProbe(core === undefined ? request : { ...request, core })),
      )
      if (runs.some(cutByBudget)) return 'cut'
      for (const [lane, run] of runs.entries()) {
        if (run.failure || !run.report) states.fail(arm, run.failure ?? noReport())
        else pending[lane]!.push([arm, toSample(run)])
      }
    }
    return pending
  }
}

/** Whether the stopping rule looks after a step took the rounds from `prior` to `now`. */
const looked = (prior: number, now: number, before: number): boolean => {
  for (let r = prior + 1; r <= now; r++) if (looksAt(before + r)) return true
  return false
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
