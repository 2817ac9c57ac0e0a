import { mad } from '../src/analysis/stats/summary.js'
export { median } from '../src/analysis/stats/summary.js'
export const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

/** P(X ≤ k) for X ~ Binomial(n, p). */
function binomialCdf(k: number, n: number, p: number): number {
  if (p <= 0) return 1
  if (p >= 1) return k >= n ? 1 : 0
  let term = (1 - p) ** n
  let sum = term
  for (let i = 0; i < k; i++) {
    term *= ((n - i) / (i + 1)) * (p / (1 - p))
    sum += term
  }
  return Math.min(1, sum)
}

/** The p at which f, decreasing in p, crosses target. */
function bisect(f: (p: number) => number, target: number): number {
  let lo = 0
  let hi = 1
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2
    if (f(mid) > target) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/**
 * Clopper-Pearson (exact) interval for a rate seen k times in n: what "0 of
 * 50" can and cannot rule out.
 */
export function rateInterval(k: number, n: number, level = 0.95): [number, number] {
  const tail = (1 - level) / 2
  const lower = k === 0 ? 0 : bisect((p) => binomialCdf(k - 1, n, p), 1 - tail)
  const upper = k === n ? 1 : bisect((p) => binomialCdf(k, n, p), tail)
  return [lower, upper]
}

/**
 * The robust spread (1.4826 × MAD) of one compare's pairs' log-ratios,
 * ln(head / base): the machine's noise while it ran, which sets how many pairs
 * any valid procedure needs. Null without pairs.
 */
export function pairSpread(pairs: { base: number[]; head: number[] } | undefined): number | null {
  if (!pairs?.base.length) return null
  const logs = pairs.base.map((b, i) => Math.log(pairs.head[i]! / b))
  return 1.4826 * mad(logs)
}
