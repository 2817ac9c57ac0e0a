// Findings from observations: never a pass without the evidence for one, never a
// regression without evidence that the change is material.
import { gate } from '../helpers/fake-engine.js'
import { describe, expect, it } from 'vitest'
import { evaluate, type EvaluationSpec } from '../../src/analysis/verdict/evaluate.js'
import type { ArmObservation } from '../../src/analysis/verdict/observations.js'
import type { Sample } from '../../src/model/metrics.js'
import type { Side } from '../../src/model/target.js'
import { fewestPairs } from '../../src/analysis/stats/sequential.js'

const sample = (importMs: number): Sample => ({
  importMs,
  wallMs: importMs + 20,
  startupMs: 10,
  moduleCount: 40,
  values: { cpu_ms: importMs },
  modulesAdded: 10,
})

function arm(side: Side, times: number[]): ArmObservation {
  return {
    key: { side, target: 'pkg', variant: 'warm' },
    samples: times.map(sample),
    failure: null,
    profile: null,
  }
}

const spec = (minPairs: number): EvaluationSpec => ({
  targets: [{ name: 'pkg', isNew: false }],
  variant: 'warm',
  gate,
  metrics: ['import_ms'],
  watch: [],
  sampling: { minPairs, maxPairs: 200, warmups: 3, profileRuns: 3, maxTimeMs: 120_000 },
})

const series = (n: number, ms: number, step = 0.01) =>
  Array.from({ length: n }, (_, i) => ms * (1 + ((i * 7) % 5) * step))

describe('evaluate', () => {
  it('calls 4 pairs, each 21% slower, inconclusive: fewer than the fewest pairs a decision needs', () => {
    const observations = {
      arms: [arm('base', series(4, 1000)), arm('head', series(4, 1210))],
      rounds: 4,
      truncated: true,
    }
    const [t] = evaluate(observations, spec(20)).targets
    expect(t!.metrics[0]!.outcome).toBe('inconclusive')
    expect(t!.verdict).toBe('inconclusive')
    expect(t!.shortfall).toMatchObject({ reason: 'pairs', pairs: 4, needed: fewestPairs(0.05) })
    expect(t!.shortfall!.suggestedMaxTimeS).toBeGreaterThanOrEqual(240)
  })

  it('needs the fewest pairs a decision can rest on, whatever min-pairs says', () => {
    const n = fewestPairs(0.05) - 1
    const observations = {
      arms: [arm('base', series(n, 10)), arm('head', series(n, 10))],
      rounds: n,
      truncated: false,
    }
    expect(evaluate(observations, spec(5)).targets[0]).toMatchObject({
      verdict: 'inconclusive',
      shortfall: { pairs: n, needed: n + 1 },
    })
  })

  it('decides a regression and a pass once it has the pairs, whatever min-pairs says', () => {
    const n = fewestPairs(0.01)
    const slow = {
      arms: [arm('base', series(n, 1000)), arm('head', series(n, 2000))],
      rounds: n,
      truncated: true,
    }
    expect(evaluate(slow, spec(20)).targets[0]).toMatchObject({
      verdict: 'regression',
      shortfall: null,
    })
    const same = {
      arms: [arm('base', series(40, 10)), arm('head', series(40, 10))],
      rounds: 40,
      truncated: false,
    }
    const [t] = evaluate(same, spec(20)).targets
    expect(t).toMatchObject({ verdict: 'pass', shortfall: null })
    expect(t!.metrics[0]!.comparison).toMatchObject({
      decision: 'pass',
      neededPairs: fewestPairs(0.05),
    })
  })

  it('calls a measurement with no samples inconclusive, not measured', () => {
    const observations = { arms: [arm('head', [])], rounds: 0, truncated: true }
    expect(evaluate(observations, spec(20)).targets[0]).toMatchObject({
      verdict: 'inconclusive',
      head: null,
      shortfall: { pairs: 0, needed: 20, suggestedMaxTimeS: null },
    })
  })

  it('calls a comparison that took no pair inconclusive, never a pass', () => {
    // The budget ran out during the warm-ups: both sides measured, neither sampled.
    const observations = { arms: [arm('base', []), arm('head', [])], rounds: 0, truncated: true }
    expect(evaluate(observations, spec(20)).targets[0]).toMatchObject({
      verdict: 'inconclusive',
      metrics: [],
      // With no sample to size a round by, the advice is twice the budget (120 s here).
      shortfall: { reason: 'pairs', pairs: 0, needed: fewestPairs(0.05), suggestedMaxTimeS: 240 },
    })
  })

  it('fails no check on an estimate past the threshold whose interval reaches below half of it', () => {
    // A 1 s import under load: +4% on average, but pairs from −4% to +12%. The
    // old rule (significant, and the estimate past 3%) failed the check here.
    const ratios = [1.12, 0.96, 1.04, 1.0, 1.08]
    const base = series(20, 1000, 0.002)
    const head = base.map((b, i) => b * ratios[i % ratios.length]!)
    const observations = {
      arms: [arm('base', base), arm('head', head)],
      rounds: 20,
      truncated: false,
    }
    const [t] = evaluate(observations, spec(20)).targets
    const c = t!.metrics[0]!.comparison!
    expect(c.pct).toBeGreaterThan(3)
    expect(c.ciPct![0]).toBeLessThan(1.5)
    expect(c.decision).toBe('continue')
    expect(t!.verdict).toBe('inconclusive')
    expect(t!.shortfall).toMatchObject({ reason: 'unsettled', pairs: 20 })
    // Twice the 120 s budget: more pairs, not more of the same.
    expect(t!.shortfall!.suggestedMaxTimeS).toBeGreaterThanOrEqual(240)
    expect(t!.shortfall!.suggestedMaxPairs).toBeNull()

    // The same pairs where max-pairs is 20: max-pairs, not time, ended sampling.
    const capped = evaluate(observations, {
      ...spec(20),
      sampling: { ...spec(20).sampling, maxPairs: 20 },
    }).targets[0]!
    expect(capped.shortfall).toMatchObject({
      reason: 'unsettled',
      suggestedMaxTimeS: null,
      suggestedMaxPairs: 40,
    })

    // Enough of the same pairs settle it: three in five past half the band is
    // shown to be more than a coin's half once there are about 600 of them.
    const more = Array.from({ length: 1000 }, (_, i) => base[i % 20]!)
    const many = {
      arms: [
        arm('base', more),
        arm(
          'head',
          more.map((b, i) => b * ratios[i % 5]!),
        ),
      ],
      rounds: 1000,
      truncated: false,
    }
    expect(evaluate(many, spec(20)).targets[0]!.verdict).toBe('regression')
  })
})

describe('a target still undecided when sampling ends', () => {
  // 30 pairs from −5% to +7% about +1%: undecided, its 90% interval −2% … +3.0%.
  const ratios = [0.95, 1.0, 1.05, 1.02, 0.98, 1.07, 0.97, 1.03, 1.01, 0.99]
  const base = Array.from({ length: 30 }, (_, i) => 1000 * (1 + (i % 3) * 0.001))
  const observations = {
    arms: [
      arm('base', base),
      arm(
        'head',
        base.map((b, i) => b * ratios[i % ratios.length]!),
      ),
    ],
    rounds: 30,
    truncated: false,
  }

  it('passes with a warning when its interval rules out twice the band (undecided = "warn", the default)', () => {
    const [t] = evaluate(observations, spec(20)).targets
    expect(t!.metrics[0]!.comparison!.decision).toBe('continue')
    expect(t!.verdict).toBe('pass')
    expect(t!.shortfall).toBeNull()
    expect(t!.undecidedPass).toMatchObject({ ruledOutPct: 6, bandPct: 3 })
    expect(t!.undecidedPass!.upperPct).toBeCloseTo(3, 5)
  })

  it('is inconclusive with undecided = "fail"', () => {
    const [t] = evaluate(observations, {
      ...spec(20),
      gate: { ...gate, undecided: 'fail' },
    }).targets
    expect(t).toMatchObject({ verdict: 'inconclusive', shortfall: { reason: 'unsettled' } })
    expect(t!.undecidedPass).toBeUndefined()
  })

  it('is inconclusive when its interval reaches past twice the band', () => {
    const wide = [1.12, 0.96, 1.04, 1.0, 1.08]
    const head = base.map((b, i) => b * wide[i % wide.length]!)
    const [t] = evaluate(
      { arms: [arm('base', base), arm('head', head)], rounds: 30, truncated: false },
      spec(20),
    ).targets
    expect(t!.metrics[0]!.comparison!.passCiPct![1]).toBeGreaterThan(6)
    expect(t).toMatchObject({ verdict: 'inconclusive', shortfall: { reason: 'unsettled' } })
  })
})
