import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../src/analysis/random.js'
import {
  absoluteRanks,
  erfc,
  hodgesLehmann,
  hodgesLehmannInterval,
  orderStatistic,
  signedRankDistribution,
  signedRankQuantile,
  signedRankTest,
} from '../../src/analysis/signed-rank.js'

// Values computed independently by test/fixtures/stats/reference.py: NumPy for
// the Hodges-Lehmann estimate, scipy.stats.wilcoxon(method="exact") for the
// p-values, SciPy's exact null distribution (checked against brute-force
// enumeration for n = 12) for the quantiles and the interval.
interface Case {
  name: string
  d: number[]
  hl: number
  p_greater: number
  p_less: number
  ci95: [number, number]
  ci98: [number, number]
  q_001: number
  q_0025: number
  cdf?: number[]
}
const reference = JSON.parse(
  readFileSync(new URL('../fixtures/stats/reference.json', import.meta.url), 'utf8'),
) as { scipy: string; cases: Case[] }

describe.each(reference.cases)('signed-rank statistics: $name', (c) => {
  it('matches the Hodges-Lehmann estimate', () => {
    expect(hodgesLehmann(c.d)).toBeCloseTo(c.hl, 12)
  })

  it(`matches SciPy ${reference.scipy} exact one-sided p-values`, () => {
    const test = signedRankTest(c.d)
    expect(test.pGreater).toBeCloseTo(c.p_greater, 12)
    expect(test.pLess).toBeCloseTo(c.p_less, 12)
  })

  it('matches the quantiles and intervals from the exact distribution', () => {
    expect(signedRankQuantile(c.d.length, 0.01)).toBe(c.q_001)
    expect(signedRankQuantile(c.d.length, 0.025)).toBe(c.q_0025)
    const ci95 = hodgesLehmannInterval(c.d, 0.95)!
    const ci98 = hodgesLehmannInterval(c.d, 0.98)!
    expect(ci95[0]).toBeCloseTo(c.ci95[0], 12)
    expect(ci95[1]).toBeCloseTo(c.ci95[1], 12)
    expect(ci98[0]).toBeCloseTo(c.ci98[0], 12)
    expect(ci98[1]).toBeCloseTo(c.ci98[1], 12)
    // The wider the confidence, the wider the interval, and it holds the estimate.
    expect(ci98[0]).toBeLessThanOrEqual(ci95[0])
    expect(ci98[1]).toBeGreaterThanOrEqual(ci95[1])
    expect(ci95[0]).toBeLessThanOrEqual(c.hl)
    expect(ci95[1]).toBeGreaterThanOrEqual(c.hl)
  })
})

describe('the exact null distribution', () => {
  const enumerated = reference.cases.filter((c) => c.cdf)
  it('was enumerated by brute force for at least one case', () => {
    expect(enumerated.length).toBeGreaterThan(0)
  })
  it.each(enumerated)('matches brute-force enumeration for $name', (c) => {
    const dist = signedRankDistribution(c.d.length)
    let cumulative = 0
    dist.forEach((p, w) => {
      cumulative += p
      expect(cumulative).toBeCloseTo(c.cdf![w]!, 12)
    })
  })
})

describe('signed-rank building blocks', () => {
  it('averages tied ranks of absolute values', () => {
    expect(absoluteRanks([0.5, -0.1, 0.1, 2])).toEqual([3, 1.5, 1.5, 4])
  })

  it('drops zero differences and handles an empty sample', () => {
    expect(signedRankTest([0, 0]).pGreater).toBe(1)
    expect(signedRankTest([0, 1, 2, 3]).n).toBe(3)
  })

  it('reaches 2^-n when every pair points the same way', () => {
    const d = Array.from({ length: 10 }, (_, i) => 0.1 + i / 100)
    expect(signedRankTest(d).pGreater).toBeCloseTo(2 ** -10, 15)
  })

  it('uses the normal approximation for very many pairs, consistently', () => {
    // 700 pairs (past the exact limit), alternating ±: no effect.
    const d = Array.from({ length: 700 }, (_, i) => (i % 2 ? 1 : -1) * (1 + i / 1000))
    const test = signedRankTest(d)
    expect(test.pGreater).toBeGreaterThan(0.2)
    expect(test.pLess).toBeGreaterThan(0.2)
  })

  it('gives no interval at a level the pairs cannot reach', () => {
    // Five pairs: the widest interval (all Walsh averages) covers 1 - 2/32 = 94%.
    const d = [0.1, 0.2, 0.3, 0.4, 0.5]
    expect(hodgesLehmannInterval(d, 0.98)).toBeNull()
    expect(hodgesLehmannInterval(d, 0.9)).toEqual([0.1, 0.5])
    // Seven pairs reach 98% (1 - 2/128).
    expect(hodgesLehmannInterval([...d, 0.6, 0.7], 0.98)).toEqual([0.1, 0.7])
  })

  it('selects each order statistic as a sort would, ties and all', () => {
    const random = seededRandom(11)
    for (const length of [1, 2, 3, 10, 101, 1000]) {
      // Rounded to few values, so that ties are many.
      const values = Array.from({ length }, () => Math.round(random() * 20) / 4)
      const sorted = [...values].sort((a, b) => a - b)
      for (const k of new Set([0, length >> 1, length - 1, Math.floor(random() * length)]))
        expect(orderStatistic(Float64Array.from(values), k)).toBe(sorted[k])
    }
  })

  it('gives the same distribution built in steps, from a kept one, as from scratch', () => {
    // The engine asks for n, n + 1, …; a kept distribution is extended, not rebuilt.
    const stepped = [20, 21, 23].map((n) => Array.from(signedRankDistribution(n)))
    const direct = [23, 21, 20].map((n) => Array.from(signedRankDistribution(n)))
    expect(stepped[2]).toEqual(direct[0])
    expect(stepped[0]).toEqual(direct[2])
    expect(stepped[2]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
  })

  it('computes erfc accurately', () => {
    // erfc(1) = 0.157299207050285; erfc(3) = 2.20904969985854e-5 (tables).
    expect(erfc(1)).toBeCloseTo(0.157299207, 6)
    expect(erfc(3) / 2.20904969985854e-5).toBeCloseTo(1, 5)
    expect(erfc(-1)).toBeCloseTo(2 - 0.157299207, 6)
  })
})
