// The measurement engine, for both commands: warm-ups, profile runs, then
// interleaved rounds of every group the stopping rule says still needs pairs,
// inside the budget and, for the undecided, its overtime; then the deferred
// explanation and the counted runs. What to stop on and what counts as a change
// come from analysis/; the probe runner and the clock are injected, so
// scheduling is unit-tested without interpreters.
import type { Observations } from '../analysis/verdict/observations.js'
import { suggestedBudgetS } from '../analysis/stats/budget.js'
import { seededRandom, shuffled } from '../analysis/stats/random.js'
import { ArmStates } from './arm-states.js'
import type { EngineDeps, PlanSpec, RunPlan } from './plan.js'
import { cutByBudget, probeRequest } from './probe-run.js'
import { runProfiles } from './profiles.js'
import { runCounts } from './counting.js'
import { runRounds } from './rounds.js'
import { groupId } from '../model/target.js'
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
      // Many targets make one round long: the budget bounds it, not the round's end.
      if (deps.now() > plan.deadline) {
        deps.onEvent?.({ phase: 'out-of-time', step: 'warm-ups', done: round - 1 })
        return durations
      }
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
  // At one round at a time: whether two may run at once depends on the machine's load then.
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

/** Some compared (or measured) arm still has fewer than `minPairs` samples. */
function short(states: ArmStates, minPairs: number): boolean {
  return states.observations().some((a) => !a.failure && a.samples.length < minPairs)
}

/**
 * Past the budget, the groups still undecided sample on, up to the end of the
 * overtime: the procedure's intervals hold whenever sampling stops, so more
 * pairs cost time, never its error rates. Returns the rounds run, and how
 * many of them beside another.
 */
async function overtime(
  plan: RunPlan,
  before: number,
  states: ArmStates,
  deps: EngineDeps,
): Promise<{ rounds: number; alongside: number }> {
  const none = { rounds: 0, alongside: 0 }
  if (!plan.overtime) return none
  const end = plan.overtime.deadline
  if (plan.signal?.aborted || deps.now() >= end || before >= plan.sampling.maxPairs) return none
  const groups = new Set(plan.stopping(states.observations()))
  if (!groups.size) return none
  deps.onEvent?.({ phase: 'overtime', groups: [...groups], untilMs: end - deps.now() })
  const outcome = await runRounds(
    {
      arms: plan.arms.filter((arm) => groups.has(groupId(arm.key))),
      // min-pairs is a minimum still: the first look comes no earlier in overtime.
      minRounds: Math.max(0, plan.sampling.minPairs - before),
      maxRounds: plan.sampling.maxPairs - before,
      deadline: end,
      cutAt: end,
      into: (arm) => states.of(arm).samples,
      stopping: plan.stopping,
    },
    plan,
    states,
    deps,
    before,
  )
  return { rounds: outcome.rounds, alongside: outcome.alongside }
}

export async function runPlan(spec: PlanSpec, deps: EngineDeps): Promise<Observations> {
  // Every shuffle of the run (rounds, profile and counted runs) comes from the seed, so a seed reproduces the order.
  const plan: RunPlan = { ...spec, random: spec.random ?? seededRandom(spec.sampling.seed) }
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
  const first = await runRounds(
    {
      arms: plan.arms,
      minRounds: plan.sampling.minPairs,
      maxRounds: plan.sampling.maxPairs,
      deadline: plan.deadline,
      into: (arm) => states.of(arm).samples,
      stopping: plan.stopping,
    },
    plan,
    states,
    deps,
  )
  const more = first.outOfTime
    ? await overtime(plan, first.rounds, states, deps)
    : { rounds: 0, alongside: 0 }
  const sampled = deps.now()
  const explainMs = await explainChanges(plan, states, deps, profiles.slowest)
  const explained = deps.now()
  await runCounts(plan, states, deps)
  return {
    arms: states.observations(),
    rounds: first.rounds + more.rounds,
    warmups: warmRounds.length,
    pinnedCores: plan.pinning?.cores ?? null,
    ...(plan.pinning && plan.pinning.lanes > 1
      ? { alongside: { lanes: plan.pinning.lanes, rounds: first.alongside + more.alongside } }
      : {}),
    // Short of min-pairs only if the overtime did not make it up.
    truncated: first.truncated && short(states, plan.sampling.minPairs),
    phasesMs: {
      warmup: warmed - started,
      profile: profiled - warmed,
      sampling: sampled - profiled,
      ...(explainMs ? { explain: explainMs } : {}),
      ...(plan.counting?.counters.length ? { counting: deps.now() - explained } : {}),
    },
  }
}
