// Base against head for one target, from samples taken in interleaved pairs.
// Pure. Works on log-ratios ln(head/base): a slowdown is a ratio whatever the
// import's size, and a pair shares whatever the machine was doing at the time.
// The decision is the sequential procedure's (sequential.ts); this adds what a
// report shows beside it.
import type { Thresholds } from '../../settings/setting-values.js'
import { hodgesLehmann } from './hodges-lehmann.js'
import { fewestPairs, lookAt, PASS_BETA, type Decision } from './sequential.js'
import { median } from './summary.js'

export interface PairedComparison {
  pairs: number
  baseMedianMs: number
  headMedianMs: number
  /** The procedure's estimate of ln(head/base): the median of the pairs'. */
  logEstimate: number
  /** Its time-uniform interval, one-sided alpha on each side; null before the fewest pairs that can bound it. */
  logInterval: [number, number] | null
  ciLevel: number
  /** Always-valid one-sided p-values against "no change": head slower, head faster. */
  pSlower: number
  pFaster: number
  /** The estimate as a percentage change. */
  pct: number
  /** Hodges-Lehmann estimate of the paired differences head − base, in ms. */
  ms: number
  ciPct: [number, number] | null
  /** The interval a pass is decided on (one-sided PASS_BETA on each side), as percentages; null before it can bound. */
  passCiPct: [number, number] | null
  passCiLevel: number
  /** What the procedure decided at this look; 'continue' is undecided. */
  decision: Decision
  /** The fewest pairs any decision needs (a pass, at β: fewer than a regression at α). */
  neededPairs: number
}

export type Outcome = 'regression' | 'improvement' | 'pass'

const toPct = (log: number) => (Math.exp(log) - 1) * 100

/** The log-ratios of aligned pairs: base[i] and head[i] come from the same round. */
export const logRatios = (base: readonly number[], head: readonly number[]): number[] =>
  Array.from({ length: Math.min(base.length, head.length) }, (_, i) =>
    Math.log(head[i]! / base[i]!),
  )

/** One look of the procedure at aligned pairs: the cheap part of comparePairs, what the engine asks after each round. */
export function lookAtPairs(base: readonly number[], head: readonly number[], gate: Thresholds) {
  const n = Math.min(base.length, head.length)
  return lookAt(logRatios(base, head), gate, median(base.slice(0, n)))
}

/** Compares paired samples, and decides. */
export function comparePairs(
  base: readonly number[],
  head: readonly number[],
  gate: Thresholds,
): PairedComparison {
  const n = Math.min(base.length, head.length)
  const look = lookAtPairs(base, head, gate)
  const interval = look.interval
  return {
    pairs: n,
    baseMedianMs: median(base.slice(0, n)),
    headMedianMs: median(head.slice(0, n)),
    logEstimate: look.estimate,
    logInterval: interval,
    ciLevel: 1 - 2 * gate.alpha,
    pSlower: look.pSlower,
    pFaster: look.pFaster,
    pct: toPct(look.estimate),
    // Estimated directly on differences: a ratio times the base median drifts
    // from head − base when the ratio is large.
    ms: n > 0 ? hodgesLehmann(Array.from({ length: n }, (_, i) => head[i]! - base[i]!)) : 0,
    ciPct: interval ? [toPct(interval[0]), toPct(interval[1])] : null,
    passCiPct: look.passInterval
      ? [toPct(look.passInterval[0]), toPct(look.passInterval[1])]
      : null,
    passCiLevel: 1 - 2 * PASS_BETA,
    decision: look.decision,
    neededPairs: Math.min(fewestPairs(gate.alpha), fewestPairs(PASS_BETA)),
  }
}

/**
 * The outcome a decision stands for. Undecided is inconclusive for a metric
 * that gates (its verdict has not been reached), and no change for one that
 * only informs.
 */
export const outcomeOf = (c: PairedComparison, gating: boolean): Outcome | 'inconclusive' =>
  c.decision === 'continue' ? (gating ? 'inconclusive' : 'pass') : c.decision
