// Base against head for one target, from samples taken in interleaved pairs.
// Pure. Works on log-ratios ln(head/base): a slowdown is a ratio whatever the
// import's size, and a pair shares whatever the machine was doing at the time.
import { hodgesLehmann, locationShift, signedRankTest } from './signed-rank.js'
import { median } from './summary.js'
import type { Thresholds } from '../model/settings.js'

export interface PairedComparison {
  pairs: number
  baseMedianMs: number
  headMedianMs: number
  /** Hodges-Lehmann estimate of ln(head/base). */
  logEstimate: number
  /** Interval for it at ciLevel; null with too few pairs to reach that level. */
  logInterval: [number, number] | null
  ciLevel: number
  /** One-sided p-values: head slower, head faster. */
  pSlower: number
  pFaster: number
  /** The estimate as a percentage change. */
  pct: number
  /** Hodges-Lehmann estimate of the paired differences head − base, in ms. */
  ms: number
  ciPct: [number, number] | null
}

export type Outcome = 'regression' | 'improvement' | 'pass'

const toPct = (log: number) => (Math.exp(log) - 1) * 100

/**
 * Compares paired samples: base[i] and head[i] come from the same round. The
 * interval's level is 1 − 2α, so that it excludes zero when the one-sided test
 * at α rejects.
 */
export function comparePairs(
  base: readonly number[],
  head: readonly number[],
  alpha: number,
): PairedComparison {
  const n = Math.min(base.length, head.length)
  const logs = Array.from({ length: n }, (_, i) => Math.log(head[i]! / base[i]!))
  const ciLevel = 1 - 2 * alpha
  const shift = locationShift(logs, ciLevel)
  const logEstimate = n > 0 ? shift.estimate : 0
  const logInterval = shift.interval
  const test = signedRankTest(logs)
  const baseMedianMs = median(base.slice(0, n))
  return {
    pairs: n,
    baseMedianMs,
    headMedianMs: median(head.slice(0, n)),
    logEstimate,
    logInterval,
    ciLevel,
    pSlower: test.pGreater,
    pFaster: test.pLess,
    pct: toPct(logEstimate),
    // Estimated directly on differences: a ratio times the base median drifts
    // from head − base when the ratio is large.
    ms: n > 0 ? hodgesLehmann(Array.from({ length: n }, (_, i) => head[i]! - base[i]!)) : 0,
    ciPct: logInterval ? [toPct(logInterval[0]), toPct(logInterval[1])] : null,
  }
}

/**
 * The fewest pairs with which the one-sided signed-rank test can reject at
 * `alpha` at all: with n pairs its smallest p is 2^-n (every pair the same
 * way), so 7 pairs at 0.01. Below that, nothing but "pass" can come out.
 */
export function pairsToReject(alpha: number): number {
  // p < alpha strictly: 2^-n < alpha ⇔ n > log2(1/alpha).
  return Math.floor(Math.log2(1 / alpha)) + 1
}

/**
 * A regression needs all three: significance, an effect above the relative
 * threshold, and above the absolute minimum. An improvement mirrors it.
 */
export function classify(c: PairedComparison, gate: Thresholds): Outcome {
  if (c.pSlower < gate.alpha && c.pct > gate.thresholdPct && c.ms > gate.minDeltaMs)
    return 'regression'
  if (c.pFaster < gate.alpha && c.pct < -gate.thresholdPct && c.ms < -gate.minDeltaMs)
    return 'improvement'
  return 'pass'
}

/**
 * True when more pairs could not change the outcome in any likely way: the
 * whole interval lies inside the no-effect band (a settled pass), or wholly
 * beyond it on one side (a settled regression or improvement).
 */
export function isSettled(c: PairedComparison, gate: Thresholds): boolean {
  // No interval yet (too few pairs for its level, e.g. under 7 at 98%): a
  // "settled" regression there could not be significant.
  if (!c.logInterval || !(c.baseMedianMs > 0)) return false
  const { lower, upper } = band(c, gate)
  const [lo, hi] = c.logInterval
  return (lo > lower && hi < upper) || lo > upper || hi < lower
}

/** Whether the pairs leave a regression past the thresholds possible: the interval reaches past the band, or there is none. */
export function regressionOpen(c: PairedComparison, gate: Thresholds): boolean {
  if (!c.logInterval || !(c.baseMedianMs > 0)) return true
  return c.logInterval[1] >= band(c, gate).upper
}

/** The no-effect band, in log ratio: set by whichever of the two thresholds is larger for this import. */
function band(c: PairedComparison, gate: Thresholds): { lower: number; upper: number } {
  const width = Math.max(gate.thresholdPct / 100, gate.minDeltaMs / c.baseMedianMs)
  return {
    upper: Math.log(1 + width),
    lower: width < 1 ? Math.log(1 - width) : Number.NEGATIVE_INFINITY,
  }
}
