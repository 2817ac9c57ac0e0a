// Judging a counted metric (instructions, fs-calls): a few runs per side of a
// nearly deterministic count. No paired test is needed, or possible with 3
// runs: the change is real when every run of one side lies beyond every run
// of the other, by the metric's threshold and by well more than the runs
// vary; it is a pass when the medians differ by less than the threshold; and
// anything else (counts that vary as much as the change, too few runs) is
// inconclusive, with the reason. Pure.
import type { CountedRuns } from './observations.js'
import { median } from '../stats/summary.js'

export type CountedOutcome = 'regression' | 'improvement' | 'pass' | 'inconclusive'

export interface CountedComparison {
  /** Each side's counts of the import alone (empty runs taken off where the tool counts start-up). */
  base: number[]
  head: number[]
  baseMedian: number
  headMedian: number
  /** head − base, of the medians. */
  delta: number
  pct: number
  /** The larger side's (max − min) / median, in percent: how far the runs disagree. */
  spreadPct: number
  thresholdPct: number
  outcome: CountedOutcome
  /** Why it is inconclusive; null otherwise. */
  reason: string | null
}

/** At least this many runs a side: two agreeing runs are the least that shows the count is stable. */
export const MIN_COUNTED_RUNS = 2

/** A change must exceed the runs' spread this many times over to be more than their disagreement. */
const SPREAD_FACTOR = 3

/** The counts of the import alone: each run less the median of the empty runs, when there are any. */
export function importCounts(runs: CountedRuns): number[] {
  const floor = runs.empty.length ? median(runs.empty) : 0
  return runs.runs.map((value) => value - floor)
}

/** (max − min) / median in percent; 0 for a single value or a zero median. */
export function spreadPct(values: readonly number[]): number {
  if (values.length < 2) return 0
  const mid = median(values)
  return mid === 0 ? 0 : ((Math.max(...values) - Math.min(...values)) / Math.abs(mid)) * 100
}

export function compareCounts(
  baseRuns: CountedRuns,
  headRuns: CountedRuns,
  thresholdPct: number,
): CountedComparison {
  const base = importCounts(baseRuns)
  const head = importCounts(headRuns)
  const baseMedian = base.length ? median(base) : 0
  const headMedian = head.length ? median(head) : 0
  const delta = headMedian - baseMedian
  const pct = baseMedian === 0 ? 0 : (delta / Math.abs(baseMedian)) * 100
  const spread = Math.max(spreadPct(base), spreadPct(head))
  const result = (outcome: CountedOutcome, reason: string | null = null): CountedComparison => ({
    base,
    head,
    baseMedian,
    headMedian,
    delta,
    pct,
    spreadPct: spread,
    thresholdPct,
    outcome,
    reason,
  })
  const short = [baseRuns, headRuns].find((r) => r.runs.length < MIN_COUNTED_RUNS)
  if (short) {
    const why = short.failure ?? 'no runs were planned'
    return result(
      'inconclusive',
      `${short.runs.length} of the ${MIN_COUNTED_RUNS} runs a side needs (${why})`,
    )
  }
  if (baseMedian <= 0)
    return result('inconclusive', 'the base counts nothing for the import itself')
  const beyond = Math.abs(pct) >= thresholdPct
  if (!beyond) {
    // A small change is a pass only if the runs are steady enough to see a threshold-sized one.
    return spread * SPREAD_FACTOR < thresholdPct || Math.abs(pct) + spread < thresholdPct
      ? result('pass')
      : result(
          'inconclusive',
          `the runs vary by ${spread.toFixed(2)}%, too much to tell a ${thresholdPct}% change`,
        )
  }
  const separated =
    delta > 0 ? Math.min(...head) > Math.max(...base) : Math.max(...head) < Math.min(...base)
  if (separated && Math.abs(pct) > SPREAD_FACTOR * spread)
    return result(delta > 0 ? 'regression' : 'improvement')
  return result(
    'inconclusive',
    `${pct >= 0 ? '+' : ''}${pct.toFixed(2)}% is past the ${thresholdPct}% threshold, but the runs vary by ${spread.toFixed(2)}% and overlap`,
  )
}
