// A slow import's profile runs, on the fake clock: the module set always, the
// function profile after sampling when a change was found (issue 27).
import { describe, expect, it } from 'vitest'
import { changedGroups } from '../../src/analysis/verdict/decision.js'
import { undecided } from '../../src/analysis/verdict/stopping.js'
import { evaluate } from '../../src/analysis/verdict/evaluate.js'
import { explanationGaps } from '../../src/analysis/verdict/explanation-gaps.js'
import { runPlan } from '../../src/measure/engine.js'
import type { EngineEvent } from '../../src/measure/plan.js'
import { fakeInterpreter, gate, plan } from '../helpers/fake-engine.js'

/** A ~3 s import: a round of both arms takes 8 s, so 28 rounds leave no room for profiles in 250 s. */
function slowImport(headFactor: number) {
  return fakeInterpreter(({ side, n }) => ({
    importMs: 2900 * (side === 'head' ? headFactor : 1) * (1 + ((n * 7) % 5) / 1000),
    takesMs: 4000,
  }))
}

const slowPlan = () =>
  plan({
    deadline: 250_000,
    minPairs: 28,
    maxPairs: 200,
    profileRuns: 5,
    stopping: undecided({ gate }),
    changed: changedGroups({ gate }),
    explain: { budgetMs: 30_000 },
  })

describe('the explanation of a slow import', () => {
  it('always takes the module set, and profiles functions after sampling when a change is found', async () => {
    const fake = slowImport(1.2)
    const events: EngineEvent[] = []
    const observations = await runPlan(slowPlan(), { ...fake, onEvent: (e) => events.push(e) })
    // The module set of each side, before sampling, though min-pairs does not fit the budget.
    const profiles = fake.calls.filter((c) => c.mode === 'profile')
    expect(
      profiles
        .slice(0, 2)
        .map((c) => c.side)
        .sort(),
    ).toEqual(['base', 'head'])
    expect(profiles[0]!.at).toBe(8000)
    // The function profile waited for the verdict, then ran on both sides in its own budget.
    const lastTimed = Math.max(...fake.calls.filter((c) => c.mode === 'time').map((c) => c.at))
    const functions = fake.calls.filter((c) => c.mode === 'functions')
    expect(functions.map((c) => c.side).sort()).toEqual(['base', 'head'])
    expect(functions.every((c) => c.at > lastTimed)).toBe(true)
    expect(events).toContainEqual({ phase: 'explain', groups: ['pkg'], budgetMs: 30_000 })
    // More -X importtime runs follow in what is left of it, up to profile-runs.
    expect(profiles.length).toBeGreaterThan(2)
    for (const arm of observations.arms) expect(arm.profile!.deferred).toBeUndefined()
    expect(observations.phasesMs!.explain).toBeLessThanOrEqual(30_000)
    const [finding] = evaluate(observations, {
      targets: [{ name: 'pkg', isNew: false }],
      variant: 'warm',
      gate,
      metrics: ['import_ms'],
      watch: [],
      sampling: { minPairs: 28, maxPairs: 200, warmups: 3, profileRuns: 5, maxTimeMs: 250_000 },
    }).targets
    // The first look, at min-pairs, decides the +20%, and sampling stops there.
    expect(finding!.metrics[0]!.comparison).toMatchObject({ decision: 'regression', pairs: 28 })
    expect(finding!.verdict).toBe('regression')
    expect(finding!.modules).not.toBeNull()
    // The fake interpreter reports no call graph: the report says so rather than nothing.
    expect(finding!.gaps).toEqual([{ missing: 'functions', reason: 'failed' }])
  })

  it('skips the function profile of an unchanged slow import, and says why', async () => {
    const fake = slowImport(1)
    const observations = await runPlan(slowPlan(), fake)
    expect(fake.calls.filter((c) => c.mode === 'functions')).toHaveLength(0)
    expect(fake.calls.filter((c) => c.mode === 'profile')).toHaveLength(2)
    for (const arm of observations.arms)
      expect(arm.profile).toMatchObject({ runs: 1, deferred: 'no-change' })
    const [finding] = evaluate(observations, {
      targets: [{ name: 'pkg', isNew: false }],
      variant: 'warm',
      gate: { ...gate, forbid: ['fractions'] },
      metrics: ['import_ms'],
      watch: [],
      sampling: { minPairs: 28, maxPairs: 200, warmups: 3, profileRuns: 5, maxTimeMs: 250_000 },
    }).targets
    expect(finding!.gaps).toEqual([{ missing: 'functions', reason: 'no-change' }])
  })

  it('has nothing missing for arms never profiled: other cache states and commands', () => {
    const arm = (side: 'base' | 'head') => ({
      key: { side, target: 'pkg', variant: 'no-pyc' as const },
      samples: [],
      failure: null,
      profile: null,
    })
    expect(
      explanationGaps(arm('base'), arm('head'), { forbid: ['x'], maxModules: 10 }, [], 5),
    ).toEqual([])
  })
})
