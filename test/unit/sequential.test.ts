// The sequential decision procedure (analysis/sequential.ts) and the comparison
// built on it: what it decides on clear cases, what it refuses to decide, and
// how it sizes its blocks. Its error rates are measured in bench/ (simulate and replay).
import { describe, expect, it } from 'vitest'
import { comparePairs } from '../../src/analysis/paired-compare.js'
import { seededRandom } from '../../src/analysis/random.js'
import { blockPairs, halfWidth, lookAt, studentised } from '../../src/analysis/sequential.js'
import type { Thresholds } from '../../src/model/settings.js'

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

/** Blocks of one pair, as a 1 s import has. */
const SINGLE = 1

describe('comparePairs', () => {
  it('estimates a known ratio through heavy shared drift, and decides it', () => {
    const { base, head } = pairs(40, 100, 1.2, 0.02)
    const c = comparePairs(base, head, gate, SINGLE)
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
    expect(c).toMatchObject({ decision: 'regression', blockPairs: 1, neededPairs: 5 })
  })

  it('uses only complete pairs', () => {
    expect(comparePairs([1, 2, 3], [1, 2], gate, SINGLE).pairs).toBe(2)
  })

  it('calls an improvement the mirror of a regression', () => {
    const { base, head } = pairs(40, 100, 1 / 1.2, 0.02)
    expect(comparePairs(base, head, gate, SINGLE).decision).toBe('improvement')
  })

  it('passes a change well inside the band once its interval is', () => {
    const { base, head } = pairs(60, 100, 1.01, 0.02)
    const c = comparePairs(base, head, gate, SINGLE)
    expect(c.decision).toBe('pass')
    expect(c.ciPct![1]).toBeLessThan(5)
  })

  it('decides nothing before the fewest blocks, however large the change', () => {
    const { base, head } = pairs(4, 100, 2, 0.02)
    const c = comparePairs(base, head, gate, SINGLE)
    expect(c).toMatchObject({ decision: 'continue', logInterval: null, neededPairs: 5 })
    // A fast import's blocks are 8 pairs: 39 pairs are still too few.
    const fast = pairs(39, 100, 2, 0.02)
    expect(comparePairs(fast.base, fast.head, gate, 8)).toMatchObject({
      decision: 'continue',
      blockPairs: 8,
      neededPairs: 40,
    })
  })

  it('widens the band to the absolute minimum for small imports', () => {
    // +8% of 10 ms is 0.8 ms, under the 1 ms minimum: no regression however sure.
    const { base, head } = pairs(200, 10, 1.08, 0.001)
    expect(comparePairs(base, head, gate, SINGLE).decision).toBe('pass')
  })
})

describe('lookAt', () => {
  const logs = (values: number[]) => values.map((v) => Math.log(1 + v / 100))

  it('calls no regression without evidence that it exceeds half the band', () => {
    // Estimate +6%, past the 5% band, but its interval reaches down to zero.
    const noisy = logs(Array.from({ length: 12 }, (_, i) => [16, -4, 6, 1, 11, 2][i % 6]!))
    const look = lookAt(noisy, 1, gate, 100)
    expect(look.estimate).toBeGreaterThan(Math.log(1.05))
    expect(look.interval![0]).toBeLessThan(Math.log(1.025))
    expect(look.decision).toBe('continue')
  })

  it('passes a change near the threshold only once its interval falls inside the band', () => {
    const near = (spread: number) =>
      logs(Array.from({ length: 100 }, (_, i) => 4.5 + ((i % 5) - 2) * spread))
    expect(lookAt(near(1.5), 1, gate, 100).decision).toBe('continue')
    expect(lookAt(near(0.1), 1, gate, 100).decision).toBe('pass')
  })

  it('takes the median of each block, so one wild pair moves nothing', () => {
    const quiet = Array.from({ length: 64 }, (_, i) => ((i % 3) - 1) * 0.001)
    const wild = quiet.map((v, i) => (i % 8 === 3 ? v + 0.9 : v))
    expect(lookAt(wild, 8, gate, 100)).toMatchObject({ decision: 'pass' })
    expect(lookAt(wild, 1, gate, 100).decision).not.toBe('pass')
  })
})

describe('the blocks and the boundary', () => {
  it('sizes blocks by the pace of a pair: about 4 s of them, 1 to 8 pairs', () => {
    expect([40, 330, 700, 1_100, 2_200, 5_000].map((ms) => blockPairs(ms))).toEqual([
      8, 8, 4, 2, 1, 1,
    ])
    expect(blockPairs(0)).toBe(8)
    // Max-pairs must hold 5 blocks: 8 pairs make them single pairs, 24 pairs blocks of 4.
    expect(blockPairs(40, 8)).toBe(1)
    expect(blockPairs(40, 24)).toBe(4)
  })

  it('narrows like 1/√k, and wider than a fixed-sample interval', () => {
    const at = (k: number) => halfWidth(k, 1, 0.02)
    expect(at(100) / at(25)).toBeGreaterThan(0.4)
    expect(at(100) / at(25)).toBeLessThan(0.6)
    // A fixed-sample 98% interval at 25 blocks is 2.33/5 wide.
    expect(at(25)).toBeGreaterThan(2.33 / 5)
  })

  it('widens the first looks like a t-distribution, and hardly the later ones', () => {
    expect(studentised(2.33, 7) / 2.33).toBeGreaterThan(1.25)
    expect(studentised(2.33, 200) / 2.33).toBeLessThan(1.02)
  })
})
