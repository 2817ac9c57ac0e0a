// The confirmation batch, and another look each time a fresh batch disagrees
// with the pairs before it: what the confirmation policy (analysis/confirmation.ts) asks.
import { MAX_FRESH_BATCHES } from '../analysis/confirmation.js'
import { groupId } from '../model/target.js'
import type { ArmStates } from './arm-states.js'
import type { EngineDeps, RunPlan } from './plan.js'
import { runRounds } from './rounds.js'
import { budgetLeft, ofGroups, sampleOn } from './sample-on.js'

/** A fresh batch of `pairs` rounds of the flagged groups, into each arm's confirmation. */
export async function runConfirmation(
  plan: RunPlan,
  confirm: { groups: string[]; pairs: number },
  states: ArmStates,
  deps: EngineDeps,
): Promise<void> {
  const { groups, pairs } = confirm
  deps.onEvent?.({ phase: 'confirm', groups, pairs })
  const arms = states.live(plan.arms.filter((arm) => groups.includes(groupId(arm.key))))
  for (const arm of arms) {
    const state = states.of(arm)
    state.confirmation = []
    state.confirmationPlanned = pairs
    state.freshBatches = (state.freshBatches ?? 0) + 1
  }
  // A flagged change may use the overtime to be confirmed: on a slow import
  // the budget's reserve holds a few pairs, and an unconfirmed flag is a guess.
  await runRounds(
    {
      arms,
      minRounds: pairs,
      maxRounds: pairs,
      deadline: plan.overtime?.deadline ?? plan.deadline,
      cutAt: plan.overtime?.deadline,
      into: (arm) => states.of(arm).confirmation!,
      batch: 'confirm',
    },
    plan,
    states,
    deps,
  )
}

/**
 * A fresh batch that did not confirm a flag leaves a pass that is not earned
 * while all pairs together have not settled it: on a noisy runner that is
 * often a burst of noise during one batch (bench:quality: a real +10% on a
 * 150 ms import, flagged at 22 pairs, not confirmed by 40, with 95 s of the
 * budget left; a real +5%, its pairs together at +0.1% after 132, passed).
 * So while time is left such a group gets another look: its pairs so far
 * become its first batch, which samples on as one does once max-pairs is
 * reached (inside the budget until its interval settles, past it while it
 * leans: sampleOn); a new flag needs a new fresh batch to agree. `look` is
 * this look's number (2 for the first after the confirmation). Returns the
 * rounds run, or null when no group needed another look.
 */
export async function anotherLook(
  plan: RunPlan,
  warmRounds: readonly number[],
  states: ArmStates,
  deps: EngineDeps,
  look: number,
): Promise<number | null> {
  const overtime = plan.overtime
  if (!overtime || plan.signal?.aborted || deps.now() >= overtime.deadline) return null
  const inBudget = budgetLeft(plan, warmRounds, deps.now())
  const groups = plan.confirmation.disagreeing(states.observations(), inBudget)
  if (!groups.length) return null
  deps.onEvent?.({
    phase: 'another-look',
    groups,
    untilMs: overtime.deadline - deps.now(),
    look,
    of: MAX_FRESH_BATCHES,
  })
  const arms = states.live(plan.arms.filter((arm) => groups.includes(groupId(arm.key))))
  let before = 0
  for (const group of groups) {
    const pair = arms.filter((arm) => groupId(arm.key) === group).map((arm) => states.of(arm))
    // Pairs are matched by position: both sides keep as many as the shorter has, batch by batch.
    const first = Math.min(...pair.map((s) => s.samples.length))
    const fresh = Math.min(...pair.map((s) => s.confirmation?.length ?? 0))
    for (const state of pair) {
      state.samples = [
        ...state.samples.slice(0, first),
        ...(state.confirmation ?? []).slice(0, fresh),
      ]
      state.confirmation = null
    }
    before = Math.max(before, first + fresh)
  }
  const flagged = () => plan.confirmation.plan(ofGroups(states.observations(), groups))
  const rounds = flagged()
    ? 0
    : await sampleOn(plan, overtime, { warmRounds, before, only: groups }, states, deps)
  const confirm = plan.signal?.aborted ? null : flagged()
  if (confirm) await runConfirmation(plan, confirm, states, deps)
  return rounds
}

/**
 * The confirmation batch of `confirm`, and the looks after it while fresh
 * batches disagree, time is left and MAX_FRESH_BATCHES allows. Returns the
 * rounds the looks ran (a fresh batch's pairs are not rounds of the first batch).
 */
export async function confirmChanges(
  plan: RunPlan,
  confirm: { groups: string[]; pairs: number },
  warmRounds: readonly number[],
  states: ArmStates,
  deps: EngineDeps,
): Promise<number> {
  await runConfirmation(plan, confirm, states, deps)
  let rounds = 0
  for (let look = 2; look <= MAX_FRESH_BATCHES; look++) {
    const more = await anotherLook(plan, warmRounds, states, deps, look)
    if (more === null) break
    rounds += more
  }
  return rounds
}
