// Whether a pass is earned: a verdict needs enough pairs, and a pass needs an
// estimate the pairs could tell from a regression; else the target is
// inconclusive, with what budget would do. Pure.
import type { Sampling, Thresholds } from '../model/settings.js'
import { suggestedBudgetS } from './budget.js'
import type { Observations } from './observations.js'
import { isSettled, regressionOpen, type PairedComparison } from './paired-compare.js'
import { median } from './summary.js'

/**
 * A target whose pass would not be earned: fewer samples than a verdict needs
 * (`pairs`), or sampling that ended on the time budget or max-pairs with an
 * estimate past the thresholds that the pairs could not make significant
 * (`unsettled`: a regression of that size is as likely as none).
 */
export interface Shortfall {
  reason: 'pairs' | 'unsettled'
  /** Pairs (compare) or samples (measure) taken. */
  pairs: number
  /** What a verdict needs: min-pairs, and never fewer than the test needs to reject at alpha. */
  needed: number
  /** A time budget that would likely fit every step at these import times, in seconds. */
  suggestedMaxTimeS: number | null
  /** Set instead when pairs, not time, ran out (the pair ceiling): a max-pairs that would give more. */
  suggestedMaxPairs: number | null
  /**
   * Set instead when neither ran out: the batches disagreed with time left in
   * the budget, which is not evidence more of the same budget would settle
   * (a re-run is the advice). What was left of the budget, in ms.
   */
  budgetLeftMs: number | null
}

/**
 * How far past max-pairs a target whose verdict is not yet earned may sample
 * while time is left. A fast import on a noisy runner can reach 200 pairs in
 * 30 s with its estimate still leaning past the thresholds (bench:quality, a
 * real +5% on a 20 ms import: 3 of 4 inconclusive at 200 pairs, 90 s unused).
 */
export const PAIRS_PAST_MAX = 5

/** The most pairs a target may reach, its verdict unearned, for a given max-pairs. */
export const pairCeiling = (maxPairs: number): number => PAIRS_PAST_MAX * maxPairs

/** An estimate past both thresholds toward a regression, settled or not. */
export const leansPast = (c: PairedComparison, gate: Thresholds): boolean =>
  c.pct > gate.thresholdPct && c.ms > gate.minDeltaMs

/** What a shortfall is judged against: the gate, the sampling limits, and where sampling ended. */
export interface ShortfallContext {
  gate: Thresholds
  maxTimeMs: number
  maxPairs: number
  /** A budget that fits every step at the measured import times (suggestedMaxTimeS), or null. */
  suggestion: number | null
  /** The budget left when sampling ended, if it still fit a round; 0 when it was spent. */
  budgetLeftMs: number
}

/**
 * Why a pass would not be earned, or null when it is. A pass whose estimate
 * is past both thresholds but not significant is what a budget too small for
 * a slow import gives (a real +10% read as "+6%, p = 0.04" after 20 pairs):
 * inconclusive, with twice the budget suggested, since more pairs would settle it.
 * So is a flag a fresh batch did not confirm while all pairs together still
 * lean past the thresholds (bench:slow: "+13.3%, pass" on a real +10%): the
 * two batches disagree, and that is not evidence of no change, even where all
 * pairs together settle past the thresholds (a strong first batch can carry a
 * fresh one that read nothing). With budget to spare (the looks ran out, see
 * MAX_FRESH_BATCHES), so is any pass whose pairs leave a regression open, as
 * a first batch would not stop there; and more budget is not the advice then,
 * a re-run is (bench:quality, a real +5% on a 20 ms import, inconclusive
 * after 12 s of 120 s, was told to raise max-time to 240 s).
 */
export function shortfallOf(
  pairs: number,
  needed: number,
  comparison: PairedComparison | null,
  /** Whether a fresh batch upheld a flag: false when it did not (the batches disagree), null without one. */
  confirmed: boolean | null,
  context: ShortfallContext,
): Shortfall | null {
  const { gate, suggestion } = context
  const none = { suggestedMaxTimeS: null, suggestedMaxPairs: null, budgetLeftMs: null }
  if (pairs < needed)
    return { reason: 'pairs', pairs, needed, ...none, suggestedMaxTimeS: suggestion }
  if (!comparison) return null
  // Batches that disagree earn no pass while all pairs lean past the
  // thresholds, nor, with the budget unspent, while they leave a regression open.
  const open =
    leansPast(comparison, gate) || (context.budgetLeftMs > 0 && regressionOpen(comparison, gate))
  const disagree = confirmed === false && open
  if (!disagree && !leansUnsettled(comparison, gate)) return null
  const unsettled = { reason: 'unsettled' as const, pairs, needed, ...none }
  // Sampling stopped at the pair ceiling, not the clock: more time would not have bought a pair.
  if (pairs >= pairCeiling(context.maxPairs))
    return { ...unsettled, suggestedMaxPairs: 2 * context.maxPairs }
  if (context.budgetLeftMs > 0) return { ...unsettled, budgetLeftMs: context.budgetLeftMs }
  const doubled = Math.ceil((2 * context.maxTimeMs) / 10_000) * 10
  return { ...unsettled, suggestedMaxTimeS: Math.max(doubled, suggestion ?? 0) }
}

/**
 * An estimate past both thresholds toward a regression that the pairs have not
 * settled: as likely a real regression as none, so not a pass. Overtime
 * (analysis/overtime.ts) samples on while a target is in this state.
 */
export function leansUnsettled(c: PairedComparison, gate: Thresholds): boolean {
  return leansPast(c, gate) && !isSettled(c, gate)
}

/**
 * Half of both thresholds: where a pass that is not settled leans far enough
 * toward a regression to be worth more pairs while time is left (overtime and
 * further looks). bench:slow once read a real +10% on a 1 s import as
 * +2.75% after 36 pairs, under the 3% line, and passed it without another look.
 */
export const watchedThresholds = (gate: Thresholds): Thresholds => ({
  ...gate,
  thresholdPct: gate.thresholdPct / 2,
  minDeltaMs: gate.minDeltaMs / 2,
})

/** What one round of every arm costs, from the samples' spawn-to-exit times, and so a budget. */
export function suggestedMaxTimeS(
  observations: Observations,
  sampling: Pick<Sampling, 'minPairs' | 'warmups' | 'profileRuns'>,
): number | null {
  const walls = observations.arms
    .filter((a) => a.samples.length)
    .map((a) => median(a.samples.map((s) => s.wallMs)))
  if (!walls.length) return null
  const roundMs = walls.reduce((sum, w) => sum + w, 0)
  const twoSided = observations.arms.some((a) => a.key.side === 'base')
  return suggestedBudgetS(roundMs, sampling, twoSided)
}
