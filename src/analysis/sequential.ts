// The sequential decision procedure: after each look at a target's pairs it
// says regression, improvement, pass or continue, and its error rates hold
// however often it looks and whenever sampling stops. Pure. docs/statistics.md
// states the procedure, its assumptions and its measured error rates.
//
// - Pairs are grouped into blocks of BLOCK_PAIRS consecutive rounds, and the
//   inference is on the blocks' mean log-ratios: a burst of load that spans
//   neighbouring rounds lands inside one block, so blocks are close to
//   independent where pairs are not.
// - The interval is an asymptotic confidence sequence (Waudby-Smith, Arnold,
//   Wu, Wang and Ramdas, "Time-uniform central limit theory and asymptotic
//   confidence sequences", Annals of Statistics, 2024): a normal-mixture
//   boundary on the studentised sum of the blocks, valid at every look at once.
// - Three-way decision against the thresholds' band (±δ, the larger of the
//   relative and absolute thresholds), with an indifference zone:
//     regression   the α-sequence lies above δ/2 and the estimate above δ;
//     improvement  mirrored;
//     pass         the β-sequence lies inside (−δ, δ);
//     continue     otherwise; at the end of the budget, inconclusive.
//   So a change of at most δ/2 (an unchanged import among them) is called a
//   regression with probability at most α, a change of at least δ passes with
//   probability at most β, and one in between may go either way.
import type { Thresholds } from '../model/settings.js'
import { median } from './summary.js'

export type Decision = 'regression' | 'improvement' | 'pass' | 'continue'

/**
 * Consecutive pairs per block, from the pace of a round (measured in the
 * warm-ups, before any pair): a block of a fast import spans about a second,
 * and its median shrugs off the odd pair a scheduling hiccup doubled (on this
 * project's runner a block median of 8 pairs of a 20 ms import spreads half
 * as much, per pair, as their mean); a slow import's own length averages such
 * hiccups out, and its blocks are single pairs. A max-pairs too small for
 * MIN_BLOCKS blocks of that size makes them smaller: the size is fixed before
 * any pair is compared, so the error rates hold whatever it is.
 */
export function blockPairs(roundMs: number, maxPairs = Infinity, spanMs = BLOCK_SPAN_MS): number {
  const fit = roundMs > 0 ? Math.floor(spanMs / roundMs) : MAX_BLOCK_PAIRS
  // Never so large that max-pairs cannot hold the fewest blocks a decision needs.
  const room = Math.floor(maxPairs / MIN_BLOCKS)
  const size = Math.max(1, Math.min(MAX_BLOCK_PAIRS, fit, room))
  return 2 ** Math.floor(Math.log2(size))
}
export const MAX_BLOCK_PAIRS = 8
/** About how long a block lasts, at most MAX_BLOCK_PAIRS pairs. */
export const BLOCK_SPAN_MS = 4_000

/**
 * The fewest blocks a decision rests on: below it the blocks' spread is itself a
 * guess. With the first looks widened as a Student-t (studentised), 5 kept
 * the error rates of 8 in simulation and replay, and decides a large change sooner.
 */
export const MIN_BLOCKS = 5

/** One-sided level of the pass: a change at the threshold or past it passes at most this often. */
export const PASS_BETA = 0.05

/**
 * Blocks at which the sequences are tightest (about 100 pairs): where a
 * decision about a few-percent change on a noisy runner typically falls. The
 * sequences are valid for any value; this only moves where they are narrowest.
 */
export const TUNED_BLOCKS = 25

export interface SequentialLook {
  decision: Decision
  /** Pairs in whole blocks: what the look used. */
  pairs: number
  blocks: number
  /** Mean of the blocks' mean ln(head/base). */
  estimate: number
  /** Time-uniform interval for it, one-sided α on each side; null below MIN_BLOCKS. */
  interval: [number, number] | null
  /** The same at one-sided PASS_BETA: what a pass is decided on. */
  passInterval: [number, number] | null
  /** Always-valid one-sided p-values against "no change": head slower, head faster. */
  pSlower: number
  pFaster: number
  /** The band the decision was made against, as a log-ratio: ln(1 + δ). */
  bandUpper: number
  bandLower: number
}

/** The medians of whole blocks of `size` consecutive log-ratios. */
export function blockMedians(logs: readonly number[], size: number): number[] {
  const blocks: number[] = []
  for (let i = 0; i + size <= logs.length; i += size) blocks.push(median(logs.slice(i, i + size)))
  return blocks
}

/** The mixture's precision ρ², tuned so that the two-sided sequence at `alpha2` is tightest at `blocks`. */
export function mixturePrecision(alpha2: number, blocks = TUNED_BLOCKS): number {
  const a = -2 * Math.log(alpha2)
  return (a + Math.log(a + 1)) / blocks
}

/**
 * Half-width of the two-sided sequence at level 1 − alpha2 after k blocks
 * whose standard deviation is sd: sd·√(2(kρ²+1)/(k²ρ²) · ln(√(kρ²+1)/alpha2)).
 */
export function halfWidth(k: number, sd: number, alpha2: number): number {
  const rho2 = mixturePrecision(alpha2)
  const v = k * rho2 + 1
  return sd * Math.sqrt(((2 * v) / (k * k * rho2)) * Math.log(Math.sqrt(v) / alpha2))
}

/**
 * A normal multiplier `m` made a Student-t one with `df` degrees of freedom
 * (Cornish-Fisher, two terms): the sequence's boundary assumes the blocks'
 * spread is known, and at the first looks it is estimated from a few blocks;
 * uncorrected, a change of half the band was called a regression about 1.7%
 * of the time at alpha 1% in simulation, mostly at the first look.
 */
export function studentised(m: number, df: number): number {
  return m + (m ** 3 + m) / (4 * df) + (5 * m ** 5 + 16 * m ** 3 + 3 * m) / (96 * df * df)
}

/** The smallest two-sided level at which the sequence at k blocks excludes a shift of `distance`. */
function alwaysValidP(k: number, sd: number, distance: number, alpha2: number): number {
  if (!(sd > 0)) return distance > 0 ? 0 : 1
  const rho2 = mixturePrecision(alpha2)
  const v = k * rho2 + 1
  const z = (k * distance) / sd
  return Math.min(1, Math.sqrt(v) * Math.exp((-z * z * rho2) / (2 * v)))
}

function meanAndSd(values: readonly number[]): [number, number] {
  const n = values.length
  const mean = values.reduce((a, b) => a + b, 0) / n
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / Math.max(1, n - 1)
  return [mean, Math.sqrt(variance)]
}

/** The band (±δ) as log-ratios: δ is the larger of the relative threshold and min-delta over base's median. */
export function band(gate: Pick<Thresholds, 'thresholdPct' | 'minDeltaMs'>, baseMedianMs: number) {
  const width = Math.max(
    gate.thresholdPct / 100,
    baseMedianMs > 0 ? gate.minDeltaMs / baseMedianMs : Number.POSITIVE_INFINITY,
  )
  return {
    width,
    upper: Math.log(1 + width),
    lower: width < 1 ? Math.log(1 - width) : Number.NEGATIVE_INFINITY,
  }
}

/** The blocks so far, summarised: how many, their mean and their standard deviation. */
export interface BlockSummary {
  blocks: number
  mean: number
  sd: number
}

export function summarise(blocks: readonly number[]): BlockSummary {
  const k = blocks.length
  if (k === 0) return { blocks: 0, mean: 0, sd: 0 }
  const [mean, sd] = meanAndSd(blocks)
  return { blocks: k, mean, sd }
}

/** One look at the log-ratios so far, in round order. */
export function lookAt(
  logs: readonly number[],
  size: number,
  gate: Pick<Thresholds, 'thresholdPct' | 'minDeltaMs' | 'alpha'>,
  baseMedianMs: number,
): SequentialLook {
  return decide(summarise(blockMedians(logs, size)), size, gate, baseMedianMs)
}

/** The decision from the blocks' summary. */
export function decide(
  summary: BlockSummary,
  size: number,
  gate: Pick<Thresholds, 'thresholdPct' | 'minDeltaMs' | 'alpha'>,
  baseMedianMs: number,
): SequentialLook {
  const { blocks: k, mean: estimate, sd } = summary
  const { width, upper, lower } = band(gate, baseMedianMs)
  const look = {
    decision: 'continue' as Decision,
    pairs: k * size,
    blocks: k,
    estimate,
    interval: null as [number, number] | null,
    passInterval: null as [number, number] | null,
    pSlower: 1,
    pFaster: 1,
    bandUpper: upper,
    bandLower: lower,
  }
  if (k < MIN_BLOCKS) return look
  // One-sided, conservatively: the two-sided level at which the sequence excludes no change.
  const p = (distance: number) => alwaysValidP(k, sd, distance, 2 * gate.alpha)
  if (estimate > 0) look.pSlower = p(estimate)
  if (estimate < 0) look.pFaster = p(-estimate)
  const half = (alpha2: number) => {
    const se = sd / Math.sqrt(k)
    if (!(se > 0)) return 0
    const m = halfWidth(k, sd, alpha2) / se
    return se * studentised(m, k - 1)
  }
  const h = half(2 * gate.alpha)
  const interval: [number, number] = [estimate - h, estimate + h]
  const hp = half(2 * PASS_BETA)
  const passInterval: [number, number] = [estimate - hp, estimate + hp]
  // Material: the change is shown to exceed half the band, and is estimated past it.
  const halfUpper = Math.log(1 + width / 2)
  const halfLower = Math.log(1 - Math.min(width, 1) / 2)
  let decision: Decision = 'continue'
  if (interval[0] > halfUpper && estimate > upper) decision = 'regression'
  else if (interval[1] < halfLower && estimate < lower) decision = 'improvement'
  else if (passInterval[0] > lower && passInterval[1] < upper) decision = 'pass'
  return { ...look, decision, interval, passInterval }
}
