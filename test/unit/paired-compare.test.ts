import { describe, expect, it } from 'vitest'
import { classify, comparePairs, isSettled } from '../../src/analysis/paired-compare.js'
import type { Thresholds } from '../../src/model/settings.js'
import { CONFIRM_ALPHA, targetVerdict } from '../../src/analysis/confirmation.js'
import { seededRandom } from '../../src/analysis/random.js'

const gate: Thresholds = { thresholdPct: 5, minDeltaMs: 1, alpha: 0.01 }

/** n pairs around `baseMs`, head scaled by `factor`, with multiplicative noise shared by the pair. */
function pairs(n: number, baseMs: number, factor: number, noise: number, seed = 1) {
  const random = seededRandom(seed)
  const jitter = () => 1 + (random() - 0.5) * noise
  const base: number[] = []
  const head: number[] = []
  for (let i = 0; i < n; i++) {
    const drift = 1 + (random() - 0.5) * 0.5 // the machine's state, shared within a round
    base.push(baseMs * drift * jitter())
    head.push(baseMs * factor * drift * jitter())
  }
  return { base, head }
}

describe('comparePairs', () => {
  it('estimates a known ratio through heavy shared drift', () => {
    const { base, head } = pairs(40, 100, 1.2, 0.02)
    const c = comparePairs(base, head, 0.01)
    expect(c.pairs).toBe(40)
    expect(c.pct).toBeGreaterThan(18)
    expect(c.pct).toBeLessThan(22)
    // Differences are 20 ms scaled by the shared drift (0.75 to 1.25).
    expect(c.ms).toBeGreaterThan(15)
    expect(c.ms).toBeLessThan(25)
    expect(c.ciPct![0]).toBeLessThan(c.pct)
    expect(c.ciPct![1]).toBeGreaterThan(c.pct)
    expect(c.ciLevel).toBeCloseTo(0.98, 12)
    expect(c.pSlower).toBeLessThan(1e-6)
  })

  it('uses only complete pairs', () => {
    expect(comparePairs([1, 2, 3], [1, 2], 0.01).pairs).toBe(2)
  })
})

describe('classify', () => {
  it('calls a large significant slowdown a regression, and its mirror an improvement', () => {
    const slow = pairs(30, 50, 1.3, 0.05)
    expect(classify(comparePairs(slow.base, slow.head, 0.01), gate)).toBe('regression')
    const fast = pairs(30, 50, 0.7, 0.05)
    expect(classify(comparePairs(fast.base, fast.head, 0.01), gate)).toBe('improvement')
  })

  it('passes a significant change smaller than the relative threshold', () => {
    const { base, head } = pairs(60, 100, 1.03, 0.01)
    const c = comparePairs(base, head, 0.01)
    expect(c.pSlower).toBeLessThan(0.01)
    expect(classify(c, gate)).toBe('pass')
  })

  it('passes a large relative change smaller than the absolute minimum', () => {
    const { base, head } = pairs(30, 0.5, 1.5, 0.02) // +50% of half a millisecond
    const c = comparePairs(base, head, 0.01)
    expect(c.pct).toBeGreaterThan(40)
    expect(classify(c, gate)).toBe('pass')
    expect(classify(c, { ...gate, minDeltaMs: 0.1 })).toBe('regression')
  })

  it('passes a large change that is not significant', () => {
    const c = comparePairs([10, 30, 10], [30, 10, 31], 0.01)
    expect(c.pSlower).toBeGreaterThan(0.01)
    expect(classify(c, gate)).toBe('pass')
  })
})

describe('isSettled', () => {
  it('settles a clear regression and a clear no-change, not a borderline case', () => {
    const slow = pairs(20, 50, 1.5, 0.05)
    expect(isSettled(comparePairs(slow.base, slow.head, 0.01), gate)).toBe(true)
    const same = pairs(40, 50, 1.0, 0.02)
    expect(isSettled(comparePairs(same.base, same.head, 0.01), gate)).toBe(true)
    const edge = pairs(20, 50, 1.05, 0.3)
    expect(isSettled(comparePairs(edge.base, edge.head, 0.01), gate)).toBe(false)
  })

  it('widens the band to the absolute minimum for small imports', () => {
    // +20% of 2 ms is 0.4 ms, inside min-delta 1 ms: a settled pass.
    const small = pairs(30, 2, 1.2, 0.02)
    expect(isSettled(comparePairs(small.base, small.head, 0.01), gate)).toBe(true)
  })

  it('never settles on a single pair', () => {
    expect(isSettled(comparePairs([10], [20], 0.01), gate)).toBe(false)
  })

  it('is never settled while the level is out of reach, however large the change', () => {
    // Five pairs can do no better than p = 1/32: a 300x slowdown must wait for
    // the seventh pair (p = 1/128) to be settled as a regression.
    const slow = pairs(7, 0.5, 300, 0.05)
    const at = (n: number) => comparePairs(slow.base.slice(0, n), slow.head.slice(0, n), gate.alpha)
    expect(isSettled(at(5), gate)).toBe(false)
    expect(classify(at(5), gate)).toBe('pass')
    expect(isSettled(at(7), gate)).toBe(true)
    expect(classify(at(7), gate)).toBe('regression')
  })
})

describe('targetVerdict', () => {
  it('keeps a regression that a fresh batch confirms, with the delta over all pairs', () => {
    const first = pairs(20, 50, 1.4, 0.05, 1)
    const fresh = pairs(20, 50, 1.4, 0.05, 2)
    const v = targetVerdict(first.base, first.head, fresh, gate)
    expect(v.outcome).toBe('regression')
    expect(v.comparison.pairs).toBe(40)
    expect(v.confirmation).toMatchObject({ pairs: 20, confirmed: true })
    expect(v.confirmation!.p).toBeLessThan(0.01)
  })

  it('drops a regression the fresh batch does not reproduce', () => {
    const first = pairs(20, 50, 1.4, 0.05, 1)
    const fresh = pairs(20, 50, 1.0, 0.05, 2)
    const v = targetVerdict(first.base, first.head, fresh, gate)
    expect(v.outcome).toBe('pass')
    expect(v.confirmation!.confirmed).toBe(false)
    expect(v.confirmation!.p).toBeGreaterThan(CONFIRM_ALPHA)
  })

  it('confirms with a fresh batch that points the same way, short of p < 0.05 on its own', () => {
    // The first batch must pass alpha and both thresholds, and all pairs must
    // again; the fresh batch guards the direction, so a noisy one still counts.
    const first = pairs(20, 50, 1.4, 0.05, 1)
    const fresh = pairs(20, 50, 1.01, 0.05, 8)
    const v = targetVerdict(first.base, first.head, fresh, gate)
    expect(v.confirmation!.p).toBeGreaterThan(0.05)
    expect(v.confirmation!.p).toBeLessThan(CONFIRM_ALPHA)
    expect(v.outcome).toBe('regression')
  })

  it('reports a regression it had no time to confirm as unconfirmed', () => {
    const first = pairs(20, 50, 1.4, 0.05, 1)
    const v = targetVerdict(first.base, first.head, null, gate)
    expect(v.outcome).toBe('regression')
    expect(v.confirmation).toEqual({ pairs: 0, p: 1, confirmed: null })
  })

  it('does not confirm passes', () => {
    const same = pairs(20, 50, 1.0, 0.05, 1)
    expect(targetVerdict(same.base, same.head, null, gate)).toMatchObject({
      outcome: 'pass',
      confirmation: null,
    })
  })

  it('confirms an improvement like a regression, and never claims one it could not', () => {
    const fast = pairs(20, 50, 0.6, 0.05, 1)
    const confirmed = targetVerdict(fast.base, fast.head, pairs(20, 50, 0.6, 0.05, 2), gate)
    expect(confirmed).toMatchObject({ outcome: 'improvement', confirmation: { confirmed: true } })
    expect(confirmed.confirmation!.p).toBeLessThan(0.01)
    const fluke = targetVerdict(fast.base, fast.head, pairs(20, 50, 1.0, 0.05, 2), gate)
    expect(fluke).toMatchObject({ outcome: 'pass', confirmation: { confirmed: false } })
    expect(targetVerdict(fast.base, fast.head, null, gate)).toMatchObject({
      outcome: 'pass',
      confirmation: { pairs: 0, confirmed: null },
    })
  })
})
