// The sequential decision procedure (analysis/stats/sequential.ts) and the comparison
// built on it: what it decides on clear cases, what it refuses to decide, and
// the shape of its boundary. Its error rates are measured in bench/ (simulate and replay).
import { describe, expect, it } from 'vitest'
import { comparePairs } from '../../src/analysis/stats/paired-compare.js'
import { seededRandom } from '../../src/analysis/stats/random.js'
import {
  fewestPairs,
  lookAt,
  medianSequence,
  neededBeyond,
} from '../../src/analysis/stats/sequential.js'
import type { Thresholds } from '../../src/settings/setting-values.js'

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
  it('estimates a known ratio through heavy shared drift, and decides it', () => {
    const { base, head } = pairs(40, 100, 1.2, 0.02)
    const c = comparePairs(base, head, gate)
    expect(c.pairs).toBe(40)
    expect(c.pct).toBeGreaterThan(18)
    expect(c.pct).toBeLessThan(22)
    // Differences are 20 ms scaled by the shared drift (0.75 to 1.25).
    expect(c.ms).toBeGreaterThan(15)
    expect(c.ms).toBeLessThan(25)
    expect(c.ciPct![0]).toBeLessThan(c.pct)
    expect(c.ciPct![1]).toBeGreaterThan(c.pct)
    expect(c.ciLevel).toBeCloseTo(0.98, 12)
    // What a pass is decided on: the same pairs at one-sided 5%, inside the α interval.
    expect(c.passCiLevel).toBeCloseTo(0.9, 12)
    expect(c.passCiPct![0]).toBeGreaterThanOrEqual(c.ciPct![0])
    expect(c.passCiPct![1]).toBeLessThanOrEqual(c.ciPct![1])
    expect(c.passCiPct![1] - c.passCiPct![0]).toBeLessThan(c.ciPct![1] - c.ciPct![0])
    // Every one of 40 pairs is slower: a sign test's strongest evidence at 40.
    expect(c.pSlower).toBeLessThan(1e-3)
    expect(c.pFaster).toBe(1)
    expect(c).toMatchObject({ decision: 'regression', neededPairs: fewestPairs(0.05) })
  })

  it('uses only complete pairs', () => {
    expect(comparePairs([1, 2, 3], [1, 2], gate).pairs).toBe(2)
  })

  it('calls an improvement the mirror of a regression', () => {
    const { base, head } = pairs(40, 100, 1 / 1.2, 0.02)
    expect(comparePairs(base, head, gate).decision).toBe('improvement')
  })

  it('passes a change well inside the band once its interval is', () => {
    const { base, head } = pairs(60, 100, 1.01, 0.02)
    const c = comparePairs(base, head, gate)
    expect(c.decision).toBe('pass')
    expect(c.ciPct![1]).toBeLessThan(5)
  })

  it('decides nothing before the fewest pairs, however large the change', () => {
    const few = fewestPairs(0.01)
    const doubled = pairs(few - 1, 100, 2, 0.02)
    expect(comparePairs(doubled.base, doubled.head, gate)).toMatchObject({
      decision: 'continue',
      logInterval: null,
    })
    const enough = pairs(few, 100, 2, 0.02)
    expect(comparePairs(enough.base, enough.head, gate).decision).toBe('regression')
  })

  it('widens the band to the absolute minimum for small imports', () => {
    // +8% of 10 ms is 0.8 ms, under the 1 ms minimum: no regression however sure.
    const { base, head } = pairs(200, 10, 1.08, 0.001)
    expect(comparePairs(base, head, gate).decision).toBe('pass')
  })
})

describe('lookAt', () => {
  const logs = (values: number[]) => values.map((v) => Math.log(1 + v / 100))

  it('calls no regression without evidence that it exceeds half the band', () => {
    // Median +8%, past the 5% band, but a third of the pairs are at -4%.
    const mixed = logs(Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? -4 : 8)))
    const look = lookAt(mixed, gate, 100)
    expect(look.estimate).toBeGreaterThan(Math.log(1.05))
    expect(look.interval![0]).toBeLessThan(Math.log(1.025))
    expect(look.decision).toBe('continue')
    // The same at 5 pairs past the line in 6: enough evidence.
    const clear = logs(Array.from({ length: 60 }, (_, i) => (i % 6 === 0 ? -4 : 8)))
    expect(lookAt(clear, gate, 100).decision).toBe('regression')
  })

  it('passes a change near the threshold only once its interval falls inside the band', () => {
    const near = (spread: number) =>
      logs(Array.from({ length: 100 }, (_, i) => 4.5 + ((i % 5) - 2) * spread))
    expect(lookAt(near(1.5), gate, 100).decision).toBe('continue')
    expect(lookAt(near(0.1), gate, 100).decision).toBe('pass')
  })

  it('is moved by the signs only: a third of the pairs wild moves nothing', () => {
    const quiet = Array.from({ length: 90 }, (_, i) => ((i % 3) - 1) * 0.001)
    const wild = quiet.map((v, i) => (i % 3 === 0 ? v + 0.9 : v))
    expect(lookAt(quiet, gate, 100).decision).toBe('pass')
    // A mean would be +30%; the median is still inside the band.
    expect(lookAt(wild, gate, 100).decision).not.toBe('regression')
  })

  it('holds its level on pure noise: no decision but pass on an A/A stream', () => {
    const random = seededRandom(3)
    const aa: number[] = []
    for (let i = 0; i < 400; i++) aa.push(Math.log((0.8 + 0.4 * random()) / (0.8 + 0.4 * random())))
    const decisions = new Set<string>()
    for (let n = fewestPairs(0.05); n <= aa.length; n++)
      decisions.add(lookAt(aa.slice(0, n), gate, 100).decision)
    expect([...decisions].sort()).toEqual(['continue', 'pass'])
  })
})

describe('the boundary', () => {
  it('needs every pair past the line at the first look it can make, and a shrinking share later', () => {
    const few = fewestPairs(0.01)
    expect(neededBeyond(few, 0.01)).toBe(few)
    expect(neededBeyond(few - 1, 0.01)).toBeGreaterThan(few - 1)
    const share = (t: number) => neededBeyond(t, 0.01) / t
    expect(share(100)).toBeLessThan(share(40))
    expect(share(1000)).toBeLessThan(share(100))
    expect(share(1000)).toBeGreaterThan(0.5)
  })

  it('is wider than a fixed-sample interval, and narrows like 1/√t', () => {
    // A fixed-sample one-sided 1% sign test at 100 pairs needs 50 + 2.33·5 = 62 above.
    const excess = (t: number) => neededBeyond(t, 0.01) - t / 2
    expect(excess(100)).toBeGreaterThan(62 - 50)
    expect(excess(400) / excess(100)).toBeGreaterThan(1.6)
    expect(excess(400) / excess(100)).toBeLessThan(2.4)
  })

  it('bounds the median by order statistics', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i)
    const [lo, hi] = medianSequence(sorted, 0.01)!
    const k = neededBeyond(100, 0.01)
    expect([lo, hi]).toEqual([100 - k, k - 1])
    expect(medianSequence(sorted.slice(0, 3), 0.01)).toBeNull()
  })
})
