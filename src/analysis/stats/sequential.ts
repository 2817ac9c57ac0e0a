// The sequential decision procedure: after each look at a target's pairs it
// says regression, improvement, pass or continue, and its error rates hold
// however often it looks and whenever sampling stops. Pure. docs/statistics.md
// states the procedure, its assumptions and its measured error rates.
//
// - The unit is the pair's log-ratio ln(head/base), and what is estimated is
//   its median: the pairs' spread on a shared runner is heavy-tailed (a CPU
//   loop runs at one of two speeds 1.7x apart, run to run), so means and
//   standard deviations are at the mercy of a few pairs.
// - The interval is a confidence sequence for that median built from signs
//   (Howard and Ramdas, "Sequential estimation of quantiles with applications
//   to A/B-testing and best-arm identification", Bernoulli, 2022): for a
//   candidate median m, S = #{pairs above m} − t/2 moves by ±½ a pair, and a
//   half-normal mixture of exp(λS − λ²t/8) is a nonnegative supermartingale
//   while m is the median, so by Ville's inequality it ever reaches 1/α with
//   probability at most α. No spread is estimated (nothing to widen at the
//   first looks), and with each round's order shuffled the sign of a pair of an
//   unchanged import is a fair coin whatever the machine did before: the
//   false-alarm guarantee needs no independence between pairs.
// - Three-way decision against the thresholds' band (±δ, the larger of the
//   relative and absolute thresholds), with an indifference zone:
//     regression   the α-sequence lies above δ/2 and the estimate above δ;
//     improvement  mirrored;
//     pass         the β-sequence lies inside (−δ, δ);
//     continue     otherwise; at the end of the budget, inconclusive.
//   So a change of at most δ/2 (an unchanged import among them) is called a
//   regression with probability at most α, a change of at least δ passes with
//   probability at most β, and one in between may go either way.
import type { Thresholds } from '../../settings/setting-values.js'
import { quantileOfSorted } from './summary.js'

export type Decision = 'regression' | 'improvement' | 'pass' | 'continue'

/** One-sided level of the pass: a change at the threshold or past it passes at most this often. */
export const PASS_BETA = 0.05

/**
 * Pairs at which the sequences are tightest: where decisions about a
 * few-percent change on a noisy runner typically fall (replayed recordings:
 * 30 to 120 decide alike). The sequences are valid for any value; this only
 * moves where they are narrowest.
 */
export const TUNED_PAIRS = 60

export interface SequentialLook {
  decision: Decision
  pairs: number
  /** The median of the pairs' ln(head/base). */
  estimate: number
  /** Time-uniform interval for it, one-sided α on each side; null before any bound is possible. */
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

/**
 * The mixture's precision, tuned so that the level-alpha boundary is
 * tightest at TUNED_PAIRS (Howard, Ramdas, McAuliffe and Sekhon, "Time-uniform,
 * nonparametric, nonasymptotic confidence sequences", Ann. Statist. 2021, §3.5),
 * on the signs' variance scale of t/4.
 */
function mixturePrecision(alpha: number): number {
  const l = Math.log(1 / alpha)
  return TUNED_PAIRS / 4 / (2 * l + Math.log(1 + 2 * l))
}

/** ln of the half-normal mixture at excess s after t pairs. */
export function logMixture(s: number, t: number, alpha: number): number {
  const rho = mixturePrecision(alpha)
  const v = t / 4 + rho
  return (
    Math.log(2) +
    0.5 * Math.log(rho / v) +
    (s * s) / (2 * v) +
    Math.log(normalCdf(s / Math.sqrt(v)))
  )
}

const aboveCache = new Map<string, number>()
/**
 * The fewest of t pairs that must lie above m (or below it) to exclude m at
 * one-sided level alpha; Infinity when even all t would not.
 */
export function neededBeyond(t: number, alpha: number): number {
  const key = `${t}|${alpha}`
  const cached = aboveCache.get(key)
  if (cached !== undefined) return cached
  const bar = Math.log(1 / alpha)
  let lo = Math.ceil(t / 2)
  let hi = t
  let needed = Infinity
  if (logMixture(hi - t / 2, t, alpha) >= bar) {
    // The smallest count at which the mixture reaches 1/alpha; it grows with the count.
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (logMixture(mid - t / 2, t, alpha) >= bar) hi = mid
      else lo = mid + 1
    }
    needed = lo
  }
  aboveCache.set(key, needed)
  return needed
}

/** The fewest pairs at which the sequence at one-sided level alpha can bound the median at all. */
export function fewestPairs(alpha: number): number {
  let t = 1
  while (neededBeyond(t, alpha) > t) t++
  return t
}

/** The sequence for the median from pairs sorted ascending, one-sided alpha on each side. */
export function medianSequence(sorted: ArrayLike<number>, alpha: number): [number, number] | null {
  const t = sorted.length
  const k = neededBeyond(t, alpha)
  if (k > t) return null
  // Every m below the (t−k+1)-th smallest has k pairs above it; mirrored above.
  return [sorted[t - k]!, sorted[k - 1]!]
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

/** One look at the log-ratios so far. */
export function lookAt(
  logs: readonly number[],
  gate: Pick<Thresholds, 'thresholdPct' | 'minDeltaMs' | 'alpha'>,
  baseMedianMs: number,
): SequentialLook {
  const sorted = Float64Array.from(logs).sort()
  const t = sorted.length
  const estimate = t ? quantileOfSorted(sorted, 0.5) : 0
  const { width, upper, lower } = band(gate, baseMedianMs)
  // Always-valid p-values: the mixture's value at "no change" is an e-value.
  const pAgainst = (beyond: number) =>
    beyond > t / 2 ? Math.min(1, Math.exp(-logMixture(beyond - t / 2, t, gate.alpha))) : 1
  const look: SequentialLook = {
    decision: 'continue',
    pairs: t,
    estimate,
    interval: medianSequence(sorted, gate.alpha),
    passInterval: medianSequence(sorted, PASS_BETA),
    pSlower: pAgainst(sorted.filter((d) => d > 0).length),
    pFaster: pAgainst(sorted.filter((d) => d < 0).length),
    bandUpper: upper,
    bandLower: lower,
  }
  // Material: the change is shown to exceed half the band, and is estimated past it.
  const halfUpper = Math.log(1 + width / 2)
  const halfLower = Math.log(1 - Math.min(width, 1) / 2)
  const { interval, passInterval } = look
  if (interval && interval[0] > halfUpper && estimate > upper) look.decision = 'regression'
  else if (interval && interval[1] < halfLower && estimate < lower) look.decision = 'improvement'
  else if (passInterval && passInterval[0] > lower && passInterval[1] < upper)
    look.decision = 'pass'
  return look
}

/** Φ, from erf by Abramowitz and Stegun's 7.1.26 (absolute error under 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * z)
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-z * z)
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}
