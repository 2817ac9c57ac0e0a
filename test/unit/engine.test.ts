// The measurement engine driven by a fake probe runner and a fake clock
// (test/helpers/fake-engine.ts): deadlines, reserves and confirmation, exactly.
import { describe, expect, it } from 'vitest'
import { NO_CONFIRMATION, changeConfirmation } from '../../src/analysis/confirmation.js'
import { evaluate } from '../../src/analysis/evaluate.js'
import { overtimeFor } from '../../src/analysis/overtime.js'
import { runPlan } from '../../src/measure/engine.js'
import type { EngineEvent } from '../../src/measure/plan.js'
import type { ProbeRequest } from '../../src/measure/run-probe.js'
import type { Side } from '../../src/model/target.js'

import { SAMPLING, arm, fakeInterpreter, gate, never, plan } from '../helpers/fake-engine.js'

describe('the measurement engine', () => {
  it('starts no warm-up or profile run that cannot end by the deadline', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 1000 }))
    const events: EngineEvent[] = []
    const observations = await runPlan(plan({ deadline: 7800, minPairs: 1 }), {
      ...fake,
      onEvent: (e) => events.push(e),
    })
    // A round of both arms takes 2 s; one round (with a 15% margin, 2.3 s) and
    // the profile round that always runs (2.2 s) are kept: warm-up round 2
    // would leave no room (2 + 2 + 4.5 > 7.8).
    expect(fake.calls.filter((c) => c.mode === 'time' && c.at < 2000)).toHaveLength(2)
    expect(events).toContainEqual({ phase: 'out-of-time', step: 'warm-ups', done: 1 })
    // One profile run per arm (2 s to 4 s), the module set the gates need, and
    // one more (4 s to 5 s); a fourth would leave no room for the round kept,
    // nor would the function profile (two runs' time), which is deferred.
    expect(fake.calls.filter((c) => c.mode === 'profile')).toHaveLength(3)
    expect(fake.calls.filter((c) => c.mode === 'functions')).toHaveLength(0)
    expect(events).toContainEqual({ phase: 'out-of-time', step: 'profile runs', done: 3 })
    for (const arm of observations.arms)
      expect(arm.profile).toMatchObject({ runs: expect.any(Number), deferred: 'budget' })
    expect(observations).toMatchObject({ rounds: 1, truncated: false })
    for (const call of fake.calls) expect(call.at).toBeLessThan(7800)
    expect(fake.now()).toBeLessThanOrEqual(7800)
  })

  it('spends the budget on min-pairs before more warm-ups and profiles', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 1000 }))
    const observations = await runPlan(plan({ deadline: 17_000, minPairs: 5 }), fake)
    // 3 warm-ups and 6 profile runs would have taken 12 s of 17 and left 2 rounds;
    // 5 rounds are kept (10 s and a 15% margin) and the profile round that
    // always runs (2.2 s), so 1 warm-up round, that profile round and one more
    // profile run fit before them, and the margin buys a sixth round.
    expect(fake.calls.filter((c) => c.mode === 'time' && c.at < 2000)).toHaveLength(2)
    expect(fake.calls.filter((c) => c.mode === 'profile')).toHaveLength(3)
    expect(observations).toMatchObject({ rounds: 6, warmups: 1, truncated: false })
    // One warm-up round of two 1 s runs; the phases add up to the whole run.
    const phases = observations.phasesMs!
    expect(phases.warmup).toBe(2000)
    expect(phases.warmup + phases.profile + phases.sampling).toBe(fake.now())
  })

  it('says up front when the budget cannot fit min-pairs', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 900, takesMs: 1000 }))
    const events: EngineEvent[] = []
    const observations = await runPlan(plan({ deadline: 8000, minPairs: 5 }), {
      ...fake,
      onEvent: (e) => events.push(e),
    })
    // 6 s left after the first warm-up round: the profile round that always
    // runs takes 2.2 of them, which leaves 2 rounds of 2 s.
    expect(events).toContainEqual(
      expect.objectContaining({ phase: 'forecast', roundMs: 2000, fits: 2, needed: 5 }),
    )
    expect(observations).toMatchObject({ rounds: 2, truncated: true })
  })

  it('keeps time for a confirmation batch, and uses it all when there is none', async () => {
    // head is 50% slower in every pair: a regression the first batch flags.
    const slower = () =>
      fakeInterpreter(({ side, n }) => ({
        importMs: (side === 'head' ? 15 : 10) * (1 + ((n * 7) % 5) / 100),
        takesMs: 100,
      }))
    const deadline = 20_000
    const confirming = slower()
    const withReserve = await runPlan(
      plan({
        deadline,
        warmups: 1,
        profileRuns: 0,
        stopping: never,
        confirmation: changeConfirmation(gate, 10, 200),
      }),
      confirming,
    )
    const head = withReserve.arms.find((a) => a.key.side === 'head')!
    // A warm-up round takes 200 ms: 20 rounds (2 x min-pairs) are kept back.
    expect(head.confirmation).toHaveLength(20)
    expect(withReserve.rounds).toBe((deadline - 20 * 200 - 200) / 200)
    expect(confirming.now()).toBeLessThanOrEqual(deadline)

    const plain = slower()
    const withoutReserve = await runPlan(
      plan({ deadline, warmups: 1, profileRuns: 0, stopping: never }),
      plain,
    )
    expect(withoutReserve.rounds).toBeGreaterThan(withReserve.rounds + 15)
    expect(withoutReserve.arms.every((a) => a.confirmation === null)).toBe(true)
  })

  it('spends the time kept for a confirmation on more pairs when nothing was flagged', async () => {
    const same = () =>
      fakeInterpreter(({ n }) => ({ importMs: 10 * (1 + ((n * 7) % 5) / 100), takesMs: 100 }))
    const deadline = 20_000
    const run = (confirmation = NO_CONFIRMATION) =>
      runPlan(plan({ deadline, warmups: 1, profileRuns: 0, stopping: never, confirmation }), same())
    const kept = await run(changeConfirmation(gate, 10, 200))
    const none = await run()
    // Without the extension the first batch would stop 20 rounds (the reserve) early.
    expect(kept.rounds).toBe(none.rounds)
    expect(kept.arms.every((a) => a.confirmation === null)).toBe(true)
  })

  it('runs one function profile per arm, and a malformed one costs only that explanation', async () => {
    const report = (functions: unknown) =>
      JSON.stringify({
        protocol: 1,
        mode: 'functions',
        target: 'pkg',
        ok: true,
        import_ns: 1e6,
        import_cpu_ns: 1e6,
        start_ns: 0,
        end_ns: 1e6,
        modules_before: 30,
        modules_after: 40,
        probe_preloaded: [],
        error: null,
        added: ['pkg'],
        functions,
      })
    const graph = {
      functions: [
        {
          name: 'pkg.<module>',
          module: 'pkg',
          file: null,
          line: 1,
          level: true,
          calls: 1,
          ms: 2,
          callers: [],
        },
        {
          name: 'pkg.f',
          module: 'pkg',
          file: null,
          line: 3,
          level: false,
          calls: 1,
          ms: 1,
          callers: [[0, 1, 1]],
        },
      ],
      files: {},
    }
    const fake = fakeInterpreter(({ side, mode }) =>
      mode === 'functions'
        ? { report: report(side === 'base' ? graph : { functions: 5, files: {} }), takesMs: 20 }
        : { importMs: 5, takesMs: 10 },
    )
    const observations = await runPlan(plan({ minPairs: 7, maxPairs: 7 }), fake)
    expect(fake.calls.filter((c) => c.mode === 'functions')).toHaveLength(2)
    const profileOf = (side: Side) => observations.arms.find((a) => a.key.side === side)!.profile!
    expect(profileOf('base').functions!.functions[1]!.callers).toEqual([
      { name: 'pkg.<module>', calls: 1, ms: 1 },
    ])
    expect(profileOf('head').functions).toBeNull()
    expect(observations.arms.every((a) => a.failure === null && a.samples.length === 7)).toBe(true)
  })

  it('ends sampling, failing nothing, when the budget cuts a run short', async () => {
    // Rounds take 2 s; the sixth run of head hangs and is cut at the deadline.
    const fake = fakeInterpreter(({ side, n, mode }) =>
      side === 'head' && mode === 'time' && n >= 6
        ? { hangs: true, takesMs: 60_000 }
        : { importMs: 5, takesMs: 1000 },
    )
    const observations = await runPlan(
      plan({ deadline: 20_000, warmups: 1, profileRuns: 0, minPairs: 3 }),
      fake,
    )
    expect(observations.arms.every((a) => a.failure === null)).toBe(true)
    const [base, head] = observations.arms
    // The cut round is dropped whole: pairs stay aligned.
    expect(base!.samples.length).toBe(head!.samples.length)
    expect(observations.rounds).toBe(head!.samples.length)
    expect(fake.now()).toBeLessThanOrEqual(20_000)
  })

  it('lets no run outlast the deadline, whatever the sample timeout', async () => {
    const timeouts: number[] = []
    const fake = fakeInterpreter(() => ({ importMs: 5, takesMs: 400 }))
    const runProbe = (request: ProbeRequest) => {
      timeouts.push(request.timeoutMs)
      return fake.runProbe(request)
    }
    await runPlan(plan({ deadline: 5_000, minPairs: 3, maxPairs: 3 }), { ...fake, runProbe })
    expect(Math.max(...timeouts)).toBeLessThanOrEqual(5_000)
    expect(Math.min(...timeouts)).toBeGreaterThanOrEqual(1_000)
  })

  it('goes on with head alone when base has no such module at all', async () => {
    const missing = JSON.stringify({
      protocol: 1,
      mode: 'time',
      target: 'pkg',
      ok: false,
      import_ns: 1e5,
      import_cpu_ns: 1e5,
      start_ns: 0,
      end_ns: 1e5,
      modules_before: 30,
      modules_after: 30,
      probe_preloaded: [],
      error: { kind: 'ModuleNotFoundError', message: "No module named 'pkg'", traceback: [] },
    })
    const fake = fakeInterpreter(({ side }) =>
      side === 'base' ? { report: missing, takesMs: 10 } : { importMs: 5, takesMs: 10 },
    )
    const observations = await runPlan(plan({ minPairs: 7, maxPairs: 7, profileRuns: 0 }), fake)
    const [base, head] = observations.arms
    expect(base!.failure).toMatchObject({ kind: 'ModuleNotFoundError' })
    expect(head!.failure).toBeNull()
    expect(head!.samples).toHaveLength(7)
    const { targets } = evaluate(observations, {
      targets: [{ name: 'pkg', isNew: false }],
      variant: 'warm',
      gate,
      metrics: ['import_ms'],
      watch: [],
      sampling: { ...SAMPLING, maxTimeMs: 120_000 },
    })
    expect(targets[0]).toMatchObject({ isNew: true, base: null, error: null })
  })

  it('refuses a report whose times do not fit the run (a forged "1 µs" import)', async () => {
    const forged = JSON.stringify({
      protocol: 1,
      mode: 'time',
      target: 'pkg',
      ok: true,
      import_ns: 1000,
      import_cpu_ns: 1000,
      start_ns: 0,
      end_ns: 0,
      modules_before: 30,
      modules_after: 31,
      probe_preloaded: [],
      error: null,
    })
    const fake = fakeInterpreter(({ side }) =>
      side === 'head' ? { report: forged, takesMs: 300 } : { importMs: 250, takesMs: 300 },
    )
    const observations = await runPlan(plan({ minPairs: 7, maxPairs: 7 }), fake)
    const head = observations.arms.find((a) => a.key.side === 'head')!
    expect(head.failure).toMatchObject({ kind: 'BadReport' })
    expect(head.failure!.message).toMatch(/does not fit the run: its import time \(1000 ns\)/)
    expect(head.samples).toEqual([])
  })

  /**
   * head `slower`% slower for the first 20 timed rounds (a disturbance), then
   * the same; 3 warm-ups, a first batch of 20 and a fresh batch of 40 rounds of
   * 200 ms each take 12.6 s.
   */
  async function disturbed(slower: number, deadline = Number.POSITIVE_INFINITY) {
    const fake = fakeInterpreter(({ side, n }) => ({
      importMs:
        (side === 'head' && n < 23 ? 10 * (1 + slower / 100) : 10) * (1 + ((n * 3) % 7) / 200),
      takesMs: 100,
    }))
    const events: EngineEvent[] = []
    const observations = await runPlan(
      plan({
        deadline,
        overtime: { deadline, ...overtimeFor(gate, { minPairs: 20, maxPairs: 20 }, 0) },
        warmups: 3,
        profileRuns: 0,
        minPairs: 20,
        maxPairs: 20,
        confirmation: changeConfirmation(gate, 20, 200),
      }),
      { ...fake, onEvent: (e) => events.push(e) },
    )
    expect(events).toContainEqual({ phase: 'confirm', groups: ['pkg'], pairs: 40 })
    const [target] = evaluate(observations, {
      targets: [{ name: 'pkg', isNew: false }],
      variant: 'warm',
      gate,
      metrics: ['import_ms'],
      watch: [],
      sampling: { ...SAMPLING, maxTimeMs: 120_000 },
    }).targets
    expect(target!.metrics[0]!.confirmation).toMatchObject({ confirmed: false })
    return { target: target!, events }
  }

  it('drops a flag the fresh batch does not confirm once all pairs settle inside the band', async () => {
    const { target, events } = await disturbed(6)
    expect(target.metrics[0]!.comparison!.pct).toBeLessThan(3)
    expect(events.some((e) => e.phase === 'another-look')).toBe(false)
    expect(target.verdict).toBe('pass')
  })

  it('gives batches that disagree another look while time is left, and passes once the disturbance is gone', async () => {
    const { target, events } = await disturbed(20)
    // All 60 pairs still flag it: a new fresh batch decides, and disagrees too.
    expect(events.filter((e) => e.phase === 'confirm')).toHaveLength(2)
    expect(target.metrics[0]!.comparison!.pairs).toBe(120)
    expect(target.verdict).toBe('pass')
  })

  it('calls it inconclusive when the batches disagree, all pairs still lean, and time is out', async () => {
    const { target, events } = await disturbed(20, 12_600)
    expect(events.some((e) => e.phase === 'another-look')).toBe(false)
    expect(target.metrics[0]!.comparison!.pct).toBeGreaterThan(3)
    expect(target.verdict).toBe('inconclusive')
    expect(target.shortfall).toMatchObject({ reason: 'unsettled' })
  })

  it('fails only the target whose report is malformed, and measures the others', async () => {
    const fake = fakeInterpreter(({ target, side }) =>
      target === 'bad' && side === 'head'
        ? { report: '{"protocol": 1, "forged": true}\n{"more": 1}', takesMs: 10 }
        : { importMs: 5, takesMs: 10 },
    )
    const observations = await runPlan(
      plan({
        arms: [arm('base', 'good'), arm('head', 'good'), arm('base', 'bad'), arm('head', 'bad')],
        minPairs: 8,
        maxPairs: 8,
      }),
      fake,
    )
    const { targets, verdict } = evaluate(observations, {
      targets: [
        { name: 'good', isNew: false },
        { name: 'bad', isNew: false },
      ],
      variant: 'warm',
      gate,
      metrics: ['import_ms'],
      watch: [],
      sampling: { ...SAMPLING, maxTimeMs: 120_000 },
    })
    expect(verdict).toBe('error')
    expect(targets[1]).toMatchObject({
      verdict: 'error',
      error: { side: 'head', kind: 'BadReport' },
    })
    expect(targets[1]!.error!.message).toMatch(/the probe's report is not JSON/)
    expect(targets[0]).toMatchObject({ verdict: 'pass', error: null })
    expect(targets[0]!.head!.samples).toHaveLength(8)
    // The bad target's arms stopped at the warm-up that failed: no more runs of them.
    expect(fake.calls.filter((c) => c.target === 'bad' && c.mode === 'time')).toHaveLength(2)
  })

  it('stops with a settled stopping rule at the minimum, not before', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 11 }))
    const observations = await runPlan(plan({ minPairs: 7, stopping: () => true }), fake)
    expect(observations.rounds).toBe(7)
  })

  it('looks at the stopping rule each round up to 100 pairs, then every 1% more', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 11 }))
    const looked: number[] = []
    await runPlan(
      plan({
        minPairs: 1,
        maxPairs: 450,
        warmups: 0,
        profileRuns: 0,
        stopping: (arms) => (looked.push(arms[0]!.samples.length), false),
      }),
      fake,
    )
    expect(looked.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    expect(looked.filter((n) => n >= 200 && n < 210)).toEqual([200, 202, 204, 206, 208])
    expect(looked.filter((n) => n >= 400)).toEqual([
      400, 404, 408, 412, 416, 420, 424, 428, 432, 436, 440, 444, 448,
    ])
  })
})
