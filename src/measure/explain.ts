// The explanation after sampling: the profile runs that did not fit the budget
// before it (a slow import's function profile, its further -X importtime runs)
// run now, for the groups where a change was found, within a budget of their
// own. The explanation is part of the verdict: a change found on a 2 s import
// must still say why. Groups with no change to explain skip them, and say so.
import { groupId } from '../model/target.js'
import type { ArmStates } from './arm-states.js'
import type { EngineDeps, RunPlan } from './plan.js'
import { importTimeRounds, profiledArms, runFunctionProfiles } from './profiles.js'

/**
 * Runs what was deferred for the groups the plan says changed,
 * function profiles first (call counts name the cause), then -X importtime
 * runs up to profile-runs (own times settle with more runs). Returns how long it took.
 */
export async function explainChanges(
  plan: RunPlan,
  states: ArmStates,
  deps: EngineDeps,
  slowest: number,
): Promise<number> {
  const started = deps.now()
  const deferred = profiledArms(states).filter((arm) => states.of(arm).profile?.deferred)
  if (!deferred.length || !plan.explain || plan.signal?.aborted) return 0
  const changed = new Set(plan.changed(states.observations()))
  const arms = deferred.filter((arm) => changed.has(groupId(arm.key)))
  for (const arm of deferred)
    if (!changed.has(groupId(arm.key))) states.of(arm).profile!.deferred = 'no-change'
  if (!arms.length) return 0
  const budget = { deadline: deps.now() + plan.explain.budgetMs, keepMs: 0, slowest }
  deps.onEvent?.({
    phase: 'explain',
    groups: [...new Set(arms.map((arm) => groupId(arm.key)))],
    budgetMs: plan.explain.budgetMs,
  })
  await runFunctionProfiles(arms, plan, states, deps, budget)
  await importTimeRounds(arms, plan.sampling.profileRuns, plan, states, deps, budget)
  for (const arm of arms) {
    const profile = states.of(arm).profile!
    if (profile.functions === undefined) profile.deferred = 'budget'
    else delete profile.deferred
  }
  return deps.now() - started
}
