// Wilcoxon signed-rank test and Hodges-Lehmann estimate for paired data.
// Pure functions. Timing differences are continuous (nanosecond clocks), so
// exact ties are rare; ranks are averaged when they occur and the exact null
// distribution is used anyway (as SciPy's method='exact' does).
import { median, normalQuantile } from './summary.js'

/** Above this many pairs the normal approximation replaces the exact distribution. */
const EXACT_LIMIT = 600

/**
 * P(W+ = w) for w = 0 … n(n+1)/2 under the null hypothesis: each of the ranks
 * 1…n is added with probability ½. Dynamic programming over probabilities
 * (not counts, which would overflow for large n).
 */
export function signedRankDistribution(n: number): Float64Array {
  const max = (n * (n + 1)) / 2
  let dist = new Float64Array(max + 1)
  dist[0] = 1
  let reach = 0
  for (let rank = 1; rank <= n; rank++) {
    const next = new Float64Array(max + 1)
    for (let w = 0; w <= reach; w++) {
      const p = dist[w]! / 2
      next[w] = next[w]! + p
      next[w + rank] = next[w + rank]! + p
    }
    reach += rank
    dist = next
  }
  return dist
}

/** Ranks of |values|, ties averaged, 1-based. */
export function absoluteRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [Math.abs(v), i] as const).sort((a, b) => a[0] - b[0])
  const ranks = new Array<number>(values.length)
  for (let i = 0; i < order.length;) {
    let j = i
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++
    const rank = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = rank
    i = j + 1
  }
  return ranks
}

export interface SignedRankTest {
  /** Pairs used (zero differences are dropped, as in SciPy's default 'wilcox'). */
  n: number
  /** Sum of the ranks of the positive differences. */
  wPlus: number
  /** One-sided p-value against "the differences tend to be positive". */
  pGreater: number
  /** One-sided p-value against "the differences tend to be negative". */
  pLess: number
}

/** Upper tail of the standard normal distribution, Q(z) = erfc(z/√2)/2. */
function normalUpperTail(z: number): number {
  return erfc(z / Math.SQRT2) / 2
}

/** erfc with relative error < 1.2e-7 everywhere (Numerical Recipes' erfcc, Chebyshev). */
export function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  return x >= 0 ? r : 2 - r
}

export function signedRankTest(differences: readonly number[]): SignedRankTest {
  const d = differences.filter((x) => x !== 0)
  const n = d.length
  if (n === 0) return { n, wPlus: 0, pGreater: 1, pLess: 1 }
  const ranks = absoluteRanks(d)
  const wPlus = d.reduce((sum, x, i) => (x > 0 ? sum + ranks[i]! : sum), 0)
  if (n <= EXACT_LIMIT) {
    const dist = signedRankDistribution(n)
    let atLeast = 0
    let atMost = 0
    // With averaged ranks W+ may be a half-integer; compare against it directly.
    for (let w = 0; w < dist.length; w++) {
      if (w >= wPlus - 1e-9) atLeast += dist[w]!
      if (w <= wPlus + 1e-9) atMost += dist[w]!
    }
    return { n, wPlus, pGreater: Math.min(1, atLeast), pLess: Math.min(1, atMost) }
  }
  const mean = (n * (n + 1)) / 4
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24)
  return {
    n,
    wPlus,
    pGreater: normalUpperTail((wPlus - mean - 0.5) / sd),
    pLess: normalUpperTail((mean - wPlus - 0.5) / sd),
  }
}

/** All pairwise means (d_i + d_j)/2 for i ≤ j, sorted ascending. */
export function walshAverages(d: readonly number[]): Float64Array {
  const out = new Float64Array((d.length * (d.length + 1)) / 2)
  let k = 0
  for (let i = 0; i < d.length; i++)
    for (let j = i; j < d.length; j++) out[k++] = (d[i]! + d[j]!) / 2
  return out.sort()
}

/** Hodges-Lehmann estimate of the location shift: the median of the Walsh averages. */
export function hodgesLehmann(d: readonly number[]): number {
  return median(Array.from(walshAverages(d)))
}

/**
 * The smallest q with P(W+ ≤ q) ≥ p: R's qsignrank, from the exact
 * distribution (or the normal approximation past EXACT_LIMIT pairs).
 */
export function signedRankQuantile(n: number, p: number): number {
  if (n > EXACT_LIMIT) {
    const mean = (n * (n + 1)) / 4
    const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24)
    return Math.max(0, Math.round(mean + normalQuantile(p) * sd))
  }
  const dist = signedRankDistribution(n)
  let cumulative = 0
  for (let q = 0; q < dist.length; q++) {
    cumulative += dist[q]!
    if (cumulative >= p * (1 - 1e-12)) return q
  }
  return dist.length - 1
}

/**
 * Confidence interval for the location shift by inverting the signed-rank
 * test over the Walsh averages (as R's wilcox.test(conf.int = TRUE) does with
 * its exact distribution). Null when n is too small for an interval at that
 * level: R then widens it to the range of the Walsh averages, whose level is
 * lower (at 5 pairs, 94% for a requested 98%), and a null cannot be mistaken
 * for the level asked for.
 */
export function hodgesLehmannInterval(
  d: readonly number[],
  confidence: number,
): [number, number] | null {
  const n = d.length
  if (n < 2) return null
  const walsh = walshAverages(d)
  const m = walsh.length
  const q = signedRankQuantile(n, (1 - confidence) / 2)
  if (q === 0) return null
  // 1-based: lower = walsh[q], upper = walsh[m - q + 1].
  if (q > m - q + 1) return null
  return [walsh[q - 1]!, walsh[m - q]!]
}
