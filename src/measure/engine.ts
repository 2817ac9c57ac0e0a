// The measurement engine, for both commands: warm-ups, profile runs, a first
// batch of interleaved rounds, and a confirmation batch when the policy asks
// for one, all inside one deadline. What to stop on and what to confirm come
// from analysis/; the probe runner and the clock are injected, so scheduling
// is unit-tested without interpreters.
import type { Observations } from '../analysis/observations.js'
import { shuffled } from '../analysis/random.js'
import { groupId } from '../model/target.js'
import { ArmStates } from './arm-states.js'
import type { EngineDeps, RunPlan } from './plan.js'
import { probeRequest } from './probe-run.js'
import { runProfiles } from './profiles.js'
import { runRounds } from './rounds.js'

/**
 * Warm-up rounds: discarded, but they surface import errors early and write
 * .pyc files. Returns how long each round took.
 */
async function warmUp(plan: RunPlan, states: ArmStates, deps: EngineDeps): Promise<number[]> {
  const durations: number[] = []
  for (let round = 1; round <= plan.sampling.warmups; round++) {
    if (plan.signal?.aborted) break
    const expected = durations.length ? Math.max(...durations) : 0
    if (deps.now() + expected > plan.deadline) {
      deps.onEvent?.({ phase: 'out-of-time', step: 'warm-ups', done: round - 1 })
      break
    }
    deps.onEvent?.({ phase: 'warmup', round, of: plan.sampling.warmups })
    const started = deps.now()
    for (const arm of shuffled(states.live(), plan.random)) {
      if (plan.signal?.aborted) break
      const run = await deps.runProbe(probeRequest(arm, 'time', plan))
      if (run.failure) states.fail(arm, run.failure)
    }
    durations.push(deps.now() - started)
  }
  return durations
}

export async function runPlan(plan: RunPlan, deps: EngineDeps): Promise<Observations> {
  const states = new ArmStates(plan.arms, deps.onEvent)
  const warmRounds = await warmUp(plan, states, deps)
  const profiles = await runProfiles(plan, states, deps)
  if (profiles.outOfTime)
    deps.onEvent?.({ phase: 'out-of-time', step: 'profile runs', done: profiles.done })
  const reserve = plan.confirmation.reserveMs(plan.deadline - deps.now(), warmRounds)
  const first = await runRounds(
    {
      arms: plan.arms,
      minRounds: plan.sampling.minPairs,
      maxRounds: plan.sampling.maxPairs,
      deadline: plan.deadline - reserve,
      into: (arm) => states.of(arm).samples,
      stopping: plan.stopping,
      batch: 'first',
    },
    plan,
    states,
    deps,
  )
  const confirm = plan.signal?.aborted ? null : plan.confirmation.plan(states.observations())
  if (confirm) {
    deps.onEvent?.({ phase: 'confirm', groups: confirm.groups, pairs: confirm.pairs })
    const arms = states.live(plan.arms.filter((arm) => confirm.groups.includes(groupId(arm.key))))
    for (const arm of arms) states.of(arm).confirmation = []
    await runRounds(
      {
        arms,
        minRounds: confirm.pairs,
        maxRounds: confirm.pairs,
        deadline: plan.deadline,
        into: (arm) => states.of(arm).confirmation!,
        batch: 'confirm',
      },
      plan,
      states,
      deps,
    )
  }
  return { arms: states.observations(), rounds: first.rounds, truncated: first.truncated }
}
