import { describe, expect, it } from 'vitest'
import {
  mad,
  median,
  medianInterval,
  normalQuantile,
  quantile,
  spread,
} from '../../src/analysis/stats/summary.js'
import { seededRandom, shuffled } from '../../src/analysis/stats/random.js'

describe('order statistics', () => {
  // Reference values from NumPy 1.x: np.quantile(x, p) (linear, the default).
  const x = [12.1, 9.8, 15.2, 11.0, 10.4, 30.5, 11.7]
  it('matches NumPy quantiles', () => {
    expect(quantile(x, 0.5)).toBeCloseTo(11.7, 10)
    expect(quantile(x, 0.25)).toBeCloseTo(10.7, 10)
    expect(quantile(x, 0.75)).toBeCloseTo(13.65, 10)
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  it('computes the median absolute deviation', () => {
    // |x - 11.7| = 0.4 1.9 3.5 0.7 1.3 18.8 0 → median 1.3
    expect(mad(x)).toBeCloseTo(1.3, 10)
  })

  it('inverts the normal CDF', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8)
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12)
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874, 8)
    expect(() => normalQuantile(1)).toThrow(RangeError)
  })

  it('gives the order-statistic interval for the median', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1)
    // k = floor((20 - 1.96·√20) / 2) = 5 → [x(5), x(16)]
    expect(medianInterval(xs)).toEqual([5, 16])
    expect(medianInterval([1, 2, 3])).toBeNull()
  })

  it('summarises a sample', () => {
    expect(spread([3, 1, 2])).toMatchObject({ n: 3, median: 2, min: 1, max: 3 })
  })
})

describe('seeded shuffling', () => {
  it('is a permutation and reproducible from its seed', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f']
    const one = shuffled(items, seededRandom(42))
    expect([...one].sort()).toEqual(items)
    expect(shuffled(items, seededRandom(42))).toEqual(one)
    const orders = new Set(
      Array.from({ length: 50 }, (_, i) => shuffled(items, seededRandom(i)).join('')),
    )
    expect(orders.size).toBeGreaterThan(40)
  })
})
