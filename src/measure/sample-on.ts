// Sampling on past the budget or max-pairs, for the groups whose verdict is
// not yet earned (the overtime policy names them, analysis/overtime.ts).
import type { ArmObservation } from '../analysis/observations.js'
import { groupId } from '../model/target.js'
import type { ArmStates } from './arm-states.js'
import type { EngineDeps, RunPlan } from './plan.js'
import { runRounds } from './rounds.js'

/** The observations of the named groups alone. */
export const ofGroups = (observed: readonly ArmObservation[], groups: readonly string[]) =>
  observed.filter((o) => groups.includes(groupId(o.key)))

/**
 * Whether the time budget still fits a round: a warm-up round, of every arm,
 * bounds what a round of some of them costs.
 */
export const budgetLeft = (plan: RunPlan, warmRounds: readonly number[], now: number): boolean =>
  now + Math.max(0, ...warmRounds) <= plan.deadline

/**
 * Only the groups the overtime policy names (among `only`, when given), each
 * base and head still interleaved, until none needs more pairs (inside the
 * budget, or once it leaned past half the thresholds, a group needs them until
 * its interval settles), a change is
 * flagged (the confirmation batch then decides it), or the overtime or its pair
 * ceiling runs out; a confirmation's share of the time is kept back. `before`
 * is the pairs the groups have. Returns the rounds run.
 */
export async function sampleOn(
  plan: RunPlan,
  overtime: NonNullable<RunPlan['overtime']>,
  context: {
    warmRounds: readonly number[]
    before: number
    only?: readonly string[]
    /** What ended the batch before: the budget, or max-pairs with time left (told to the user). */
    past?: 'max-time' | 'max-pairs'
  },
  states: ArmStates,
  deps: EngineDeps,
): Promise<number> {
  const { before, only } = context
  // Inside the budget a pass needs its interval settled; past it, overtime is for the groups that lean.
  const inBudget = () => budgetLeft(plan, context.warmRounds, deps.now())
  const groups = overtime
    .groups(states.observations(), { inBudget: inBudget() })
    .filter((group) => !only || only.includes(group))
  if (!groups.length || deps.now() >= overtime.deadline || before >= overtime.maxPairs) return 0
  // Another look (only) is announced by its own event.
  if (!only)
    deps.onEvent?.({
      phase: 'overtime',
      // The first batch stops short of the deadline when its next round would not fit.
      past: context.past ?? (deps.now() >= plan.deadline ? 'max-time' : 'max-pairs'),
      groups,
      untilMs: overtime.deadline - deps.now(),
      budgetMs: Math.max(0, plan.deadline - deps.now()),
      maxPairs: overtime.maxPairs,
    })
  const reserve = plan.confirmation.reserveMs(overtime.deadline - deps.now(), context.warmRounds)
  const arms = plan.arms.filter((arm) => groups.includes(groupId(arm.key)))
  // A group that leans past half the thresholds at any point samples on until
  // its interval settles or it is flagged, not until its estimate dips back.
  const leaned = new Set(overtime.leaning(states.observations()))
  // Judged on these groups alone: another group's flag is another batch's business.
  const stopping = (observed: readonly ArmObservation[]) => {
    const mine = ofGroups(observed, groups)
    for (const group of overtime.leaning(mine)) leaned.add(group)
    return (
      overtime.groups(mine, { leaned, inBudget: inBudget() }).length === 0 ||
      plan.confirmation.plan(mine) !== null
    )
  }
  let rounds = 0
  // As in the budget: a confirmation's share is kept back, and used for pairs
  // when nothing was flagged.
  for (const deadline of [overtime.deadline - reserve, overtime.deadline]) {
    if (plan.signal?.aborted) break
    const outcome = await runRounds(
      {
        arms,
        minRounds: 0,
        maxRounds: overtime.maxPairs - before - rounds,
        deadline,
        cutAt: overtime.deadline,
        into: (arm) => states.of(arm).samples,
        stopping,
        batch: 'first',
      },
      plan,
      states,
      deps,
      before + rounds,
    )
    rounds += outcome.rounds
    if (!outcome.outOfTime) break
  }
  return rounds
}
