// The measurement engine, for both commands: warm-ups, profile runs, a first
// batch of interleaved rounds, sampling on while a verdict is not earned, and a
// confirmation batch (with further looks) when the policy asks for one, all
// inside one deadline and its overtime. What to stop on and what to confirm come
// from analysis/; the probe runner and the clock are injected, so scheduling
// is unit-tested without interpreters.
import type { Observations } from '../analysis/observations.js'
import { suggestedBudgetS } from '../analysis/budget.js'
import { shuffled } from '../analysis/random.js'
import { ArmStates } from './arm-states.js'
import type { EngineDeps, RunPlan } from './plan.js'
import { cutByBudget, probeRequest } from './probe-run.js'
import { runProfiles } from './profiles.js'
import { runCounts } from './counting.js'
import { runRounds } from './rounds.js'
import { confirmChanges } from './confirm-batch.js'
import { budgetLeft, sampleOn } from './sample-on.js'
import { explainChanges } from './explain.js'

/**
 * Warm-up rounds: discarded, but they surface import errors early and write
 * .pyc files. The first round times a round of every arm; later rounds start
 * only if they leave time for min-pairs rounds at that pace (the evidence
 * comes first). Returns how long each round took.
 */
async function warmUp(plan: RunPlan, states: ArmStates, deps: EngineDeps): Promise<number[]> {
  const durations: number[] = []
  for (let round = 1; round <= plan.sampling.warmups; round++) {
    if (plan.signal?.aborted) break
    const expected = durations.length ? Math.max(...durations) : 0
    const keep = keepForSampling(plan, durations) + moduleSetRound(plan, durations)
    if (deps.now() + expected + keep > plan.deadline) {
      deps.onEvent?.({ phase: 'out-of-time', step: 'warm-ups', done: round - 1 })
      break
    }
    deps.onEvent?.({ phase: 'warmup', round, of: plan.sampling.warmups })
    const started = deps.now()
    for (const arm of shuffled(states.live(), plan.random)) {
      if (plan.signal?.aborted) break
      const run = await deps.runProbe(probeRequest(arm, 'time', plan, deps.now()))
      if (cutByBudget(run)) {
        deps.onEvent?.({ phase: 'out-of-time', step: 'warm-ups', done: round - 1 })
        return durations
      }
      if (run.failure) states.fail(arm, run.failure)
    }
    durations.push(deps.now() - started)
    if (round === 1) forecast(plan, durations[0]!, deps)
  }
  return durations
}

/**
 * Rounds vary by a tenth or so from the warm-ups' pace on a busy runner; kept
 * at the bare pace, a 2 s import ended its 120 s budget at 19 of 20 pairs
 * (bench:slow), inconclusive for want of one round.
 */
const PACE_MARGIN = 1.15

/** Time that min-pairs rounds take at the pace of the warm-ups, with a margin (0 before any was timed). */
function keepForSampling(plan: RunPlan, warmRounds: readonly number[]): number {
  return warmRounds.length ? plan.sampling.minPairs * Math.max(...warmRounds) * PACE_MARGIN : 0
}

/**
 * The profile round that always runs (the module set the gates need, see
 * measure/profiles.ts), at the pace of the warm-ups: -X importtime adds a few
 * percent. 0 when no profile run is asked for, or before any round was timed.
 */
function moduleSetRound(plan: RunPlan, warmRounds: readonly number[]): number {
  return plan.sampling.profileRuns > 0 && warmRounds.length ? 1.1 * Math.max(...warmRounds) : 0
}

/** Says up front when the budget cannot fit min-pairs rounds at the pace of the first one. */
function forecast(plan: RunPlan, roundMs: number, deps: EngineDeps): void {
  if (roundMs <= 0) return
  // Overtime may bring the rounds a verdict needs: only a budget that cannot fit them even so is worth a warning.
  const left = (plan.overtime?.deadline ?? plan.deadline) - deps.now()
  // The profile round that always runs takes about a round (a margin is for what is kept, not told).
  const fits = Math.floor((left - (plan.sampling.profileRuns > 0 ? roundMs : 0)) / roundMs)
  if (fits >= plan.sampling.minPairs) return
  const comparison = plan.arms.some((arm) => arm.key.side === 'base')
  deps.onEvent?.({
    phase: 'forecast',
    roundMs,
    fits,
    needed: plan.sampling.minPairs,
    suggestedS: suggestedBudgetS(roundMs, plan.sampling, comparison),
    overtime: (plan.overtime?.deadline ?? plan.deadline) > plan.deadline,
  })
}

/** Some compared (or measured) arm still has fewer than `minPairs` samples, fresh batches included. */
function short(states: ArmStates, minPairs: number): boolean {
  return states
    .observations()
    .some((a) => !a.failure && a.samples.length + (a.confirmation?.length ?? 0) < minPairs)
}

export async function runPlan(plan: RunPlan, deps: EngineDeps): Promise<Observations> {
  const states = new ArmStates(plan.arms, deps.onEvent)
  const started = deps.now()
  const warmRounds = await warmUp(plan, states, deps)
  const warmed = deps.now()
  const profiles = await runProfiles(plan, states, deps, {
    keepMs: keepForSampling(plan, warmRounds),
    // One profile run of one arm, before any was timed: a warm-up run of it, and then some.
    firstEstimateMs: warmRounds.length ? (1.5 * warmRounds[0]!) / Math.max(1, plan.arms.length) : 0,
  })
  if (profiles.outOfTime)
    deps.onEvent?.({ phase: 'out-of-time', step: 'profile runs', done: profiles.done })
  const profiled = deps.now()
  // The confirmation batch gets what min-pairs rounds leave, never more than its policy asks.
  const remaining = plan.deadline - deps.now()
  const reserve = Math.min(
    plan.confirmation.reserveMs(remaining, warmRounds),
    Math.max(0, remaining - keepForSampling(plan, warmRounds)),
  )
  /** Rounds of the first batch, up to `deadline`, after `before` of them. */
  const firstBatch = (deadline: number, before: number) =>
    runRounds(
      {
        arms: plan.arms,
        minRounds: Math.max(0, plan.sampling.minPairs - before),
        maxRounds: plan.sampling.maxPairs - before,
        deadline,
        into: (arm) => states.of(arm).samples,
        stopping: plan.stopping,
        batch: 'first',
      },
      plan,
      states,
      deps,
      before,
    )
  const first = await firstBatch(plan.deadline - reserve, 0)
  let rounds = first.rounds
  let outOfTime = first.outOfTime
  let confirm = plan.signal?.aborted ? null : plan.confirmation.plan(states.observations())
  if (!confirm && outOfTime && reserve > 0 && !plan.signal?.aborted) {
    // Nothing to confirm, and the first batch ran out of its share: the time
    // kept for a confirmation buys more pairs instead of going unused (on a
    // slow import that is the difference between a verdict and a guess).
    const more = await firstBatch(plan.deadline, rounds)
    rounds += more.rounds
    outOfTime = more.outOfTime
    confirm = plan.signal?.aborted ? null : plan.confirmation.plan(states.observations())
  }
  const overtime = plan.overtime
  // Out of time, or at max-pairs with time left: either way a verdict not yet earned samples on.
  const spent = outOfTime || rounds >= plan.sampling.maxPairs
  if (!confirm && spent && overtime && !plan.signal?.aborted) {
    const past = outOfTime ? 'max-time' : 'max-pairs'
    rounds += await sampleOn(plan, overtime, { warmRounds, before: rounds, past }, states, deps)
    confirm = plan.signal?.aborted ? null : plan.confirmation.plan(states.observations())
  }
  if (confirm) rounds += await confirmChanges(plan, confirm, warmRounds, states, deps)
  const sampled = deps.now()
  const budgetLeftMs = budgetLeft(plan, warmRounds, sampled) ? plan.deadline - sampled : 0
  const explainMs = await explainChanges(plan, states, deps, profiles.slowest)
  const explained = deps.now()
  await runCounts(plan, states, deps)
  return {
    arms: states.observations(),
    rounds,
    warmups: warmRounds.length,
    // Short of min-pairs only if the overtime and the fresh batches did not make it up:
    // "figures are less certain" was once printed over 47-59 confirmed pairs.
    truncated: first.truncated && short(states, plan.sampling.minPairs),
    budgetLeftMs,
    phasesMs: {
      warmup: warmed - started,
      profile: profiled - warmed,
      sampling: sampled - profiled,
      ...(explainMs ? { explain: explainMs } : {}),
      ...(plan.counting?.counters.length ? { counting: deps.now() - explained } : {}),
    },
  }
}
