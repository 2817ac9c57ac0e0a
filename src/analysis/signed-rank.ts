// Wilcoxon signed-rank test and Hodges-Lehmann estimate for paired data.
// Pure functions. Timing differences are continuous (nanosecond clocks), so
// exact ties are rare; ranks are averaged when they occur and the exact null
// distribution is used anyway (as SciPy's method='exact' does).
import { normalQuantile } from './summary.js'

/** Above this many pairs the normal approximation replaces the exact distribution. */
const EXACT_LIMIT = 600

/**
 * P(W+ = w) for w = 0 … n(n+1)/2 under the null hypothesis: each of the ranks
 * 1…n is added with probability ½. Dynamic programming over probabilities
 * (not counts, which would overflow for large n). Shared and read-only: the
 * engine asks for it several times a round with n growing by one, so the last
 * few are kept and the next is extended from them in O(n²) rather than built
 * in O(n³) (at 400 pairs that was ~0.1 s a comparison, more than a round of a
 * fast import takes).
 */
export function signedRankDistribution(n: number): Readonly<Float64Array> {
  const hit = distributions.get(n)
  if (hit) return hit
  let from = 0
  for (const m of distributions.keys()) if (m < n && m > from) from = m
  const dist = new Float64Array((n * (n + 1)) / 2 + 1)
  if (from) dist.set(distributions.get(from)!)
  else dist[0] = 1
  let reach = (from * (from + 1)) / 2
  for (let rank = from + 1; rank <= n; rank++) {
    reach += rank
    // In place, from the top: dist[w - rank] is still the previous rank's.
    for (let w = reach; w >= 0; w--) dist[w] = dist[w]! / 2 + (w >= rank ? dist[w - rank]! / 2 : 0)
  }
  distributions.set(n, dist)
  if (distributions.size > KEPT_DISTRIBUTIONS)
    distributions.delete(distributions.keys().next().value!)
  return dist
}

/** Distributions kept, by n, oldest first: a round's groups may differ in pairs by a few. */
const KEPT_DISTRIBUTIONS = 8
const distributions = new Map<number, Float64Array>()

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

/** All pairwise means (d_i + d_j)/2 for i ≤ j, in no particular order. */
export function walshAverages(d: readonly number[]): Float64Array {
  const out = new Float64Array((d.length * (d.length + 1)) / 2)
  let k = 0
  for (let i = 0; i < d.length; i++)
    for (let j = i; j < d.length; j++) out[k++] = (d[i]! + d[j]!) / 2
  return out
}

/**
 * The k-th smallest (0-based) of `values`, which it reorders (quickselect):
 * linear on average, where sorting 500,000 Walsh averages (1,000 pairs) took
 * ~60 ms, several times a round.
 */
export function orderStatistic(values: Float64Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  while (hi > lo) {
    const pivot = medianOf3(values[lo]!, values[(lo + hi) >> 1]!, values[hi]!)
    let i = lo
    let j = hi
    while (i <= j) {
      while (values[i]! < pivot) i++
      while (values[j]! > pivot) j--
      if (i <= j) {
        const t = values[i]!
        values[i++] = values[j]!
        values[j--] = t
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return values[k]!
  }
  return values[k]!
}

const medianOf3 = (a: number, b: number, c: number) =>
  Math.max(Math.min(a, b), Math.min(Math.max(a, b), c))

/** Hodges-Lehmann estimate of the location shift: the median of the Walsh averages. */
export function hodgesLehmann(d: readonly number[]): number {
  return medianOf(walshAverages(d))
}

/** The median (type 7, as summary.ts's), reordering `values`. */
function medianOf(values: Float64Array): number {
  const m = values.length
  if (m === 0) return Number.NaN
  const upper = orderStatistic(values, m >> 1)
  return m % 2 ? upper : (orderStatistic(values, (m >> 1) - 1) + upper) / 2
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
  return locationShift(d, confidence).interval
}

/** The Hodges-Lehmann estimate and its interval (see hodgesLehmannInterval), from one set of Walsh averages. */
export function locationShift(
  d: readonly number[],
  confidence: number,
): { estimate: number; interval: [number, number] | null } {
  const n = d.length
  const walsh = walshAverages(d)
  const estimate = medianOf(walsh)
  if (n < 2) return { estimate, interval: null }
  const m = walsh.length
  const q = signedRankQuantile(n, (1 - confidence) / 2)
  // 1-based: lower = the q-th smallest, upper = the (m - q + 1)-th.
  if (q === 0 || q > m - q + 1) return { estimate, interval: null }
  return { estimate, interval: [orderStatistic(walsh, q - 1), orderStatistic(walsh, m - q)] }
}
