// The measurement engine driven by a fake probe runner and a fake clock
// (test/helpers/fake-engine.ts): deadlines, stopping and overtime, exactly.
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/analysis/verdict/evaluate.js'
import { seededRandom } from '../../src/analysis/stats/random.js'
import { undecided } from '../../src/analysis/verdict/stopping.js'
import { runPlan } from '../../src/measure/engine.js'
import type { EngineEvent } from '../../src/measure/plan.js'
import type { ProbeRequest } from '../../src/measure/run-probe.js'
import type { Side } from '../../src/model/target.js'

import { SAMPLING, arm, fakeInterpreter, gate, never, plan } from '../helpers/fake-engine.js'

/** Base and head arms of n targets, t0 … t(n−1). */
const manyArms = (n: number) =>
  Array.from({ length: n }, (_, i) => [arm('base', `t${i}`), arm('head', `t${i}`)]).flat()

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

  it('ends a warm-up or sampling round midway when the deadline passes, however many targets (issue 29: 12)', async () => {
    // 100 targets of 1 s a run: one round is 200 s, the budget 30 s.
    const arms = manyArms(100)
    const fake = fakeInterpreter(() => ({ importMs: 900, takesMs: 1000 }))
    const events: EngineEvent[] = []
    const observations = await runPlan(plan({ arms, deadline: 30_000, minPairs: 5 }), {
      ...fake,
      onEvent: (e) => events.push(e),
    })
    expect(events).toContainEqual({ phase: 'out-of-time', step: 'warm-ups', done: 0 })
    // Each run ends by its timeout at the latest: nothing starts past the deadline.
    for (const call of fake.calls) expect(call.at).toBeLessThanOrEqual(30_000)
    expect(fake.now()).toBeLessThanOrEqual(31_000)
    expect(observations).toMatchObject({ rounds: 0, truncated: true })
  })

  it('drops a sampling round the deadline ends midway, and starts no run after it', async () => {
    const arms = manyArms(10)
    const fake = fakeInterpreter(() => ({ importMs: 900, takesMs: 1000 }))
    // One warm-up round (20 s), one profile round, then rounds of 20 s against a 75 s budget.
    const observations = await runPlan(
      plan({ arms, deadline: 75_000, minPairs: 1, warmups: 1, profileRuns: 1 }),
      fake,
    )
    for (const call of fake.calls) expect(call.at).toBeLessThanOrEqual(75_000)
    expect(fake.now()).toBeLessThanOrEqual(76_000)
    // Every arm has the same number of samples: no half round was kept.
    const counts = new Set(observations.arms.map((a) => a.samples.length))
    expect(counts.size).toBe(1)
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

  /**
   * A compare of two targets: `slow` is 50% slower in head, `same` is not; each
   * run has seeded noise of ±noisePct/2 % (`same`'s own, when given).
   */
  function twoTargets(noisePct: number, sameNoisePct = noisePct, seed = 11) {
    const random = seededRandom(seed)
    return fakeInterpreter(({ side, target }) => {
      const noise = target === 'same' ? sameNoisePct : noisePct
      const factor = target === 'slow' && side === 'head' ? 1.5 : 1
      return { importMs: 10 * factor * (1 + ((random() - 0.5) * noise) / 50), takesMs: 100 }
    })
  }
  const twoArms = [
    arm('base', 'slow'),
    arm('head', 'slow'),
    arm('base', 'same'),
    arm('head', 'same'),
  ]
  const spec = (maxTimeMs: number) => ({
    targets: [
      { name: 'slow', isNew: false },
      { name: 'same', isNew: false },
    ],
    variant: 'warm' as const,
    gate,
    metrics: ['import_ms' as const],
    watch: [],
    sampling: { ...SAMPLING, maxPairs: 2000, maxTimeMs },
  })

  it('stops each target once the procedure decides it, and samples on the undecided', async () => {
    const fake = twoTargets(20)
    const observations = await runPlan(
      plan({
        arms: twoArms,
        minPairs: 20,
        maxPairs: 2000,
        stopping: undecided({ gate }),
      }),
      fake,
    )
    const pairs = (target: string) =>
      observations.arms.find((a) => a.key.target === target && a.key.side === 'head')!.samples
        .length
    // A doubled import is decided at the first look, min-pairs; the unchanged one takes longer to pass.
    expect(pairs('slow')).toBe(20)
    expect(pairs('slow')).toBeLessThan(pairs('same'))
    const { targets } = evaluate(observations, spec(120_000))
    expect(targets.map((t) => t.verdict)).toEqual(['regression', 'pass'])
    expect(targets[1]!.metrics[0]!.comparison!.decision).toBe('pass')
  })

  it('samples the undecided on into the overtime, and calls them inconclusive when it ends', async () => {
    // `same` is too noisy (±45% a run) for 60 s of pairs to decide.
    const fake = twoTargets(20, 45, 5)
    const events: EngineEvent[] = []
    const deadline = 30_000
    const observations = await runPlan(
      plan({
        arms: twoArms,
        deadline,
        overtime: { deadline: 2 * deadline },
        minPairs: 20,
        maxPairs: 2000,
        stopping: undecided({ gate }),
      }),
      { ...fake, onEvent: (e) => events.push(e) },
    )
    const overtime = events.find((e) => e.phase === 'overtime')
    expect(overtime).toMatchObject({ groups: expect.arrayContaining(['same']) })
    expect(fake.now()).toBeGreaterThan(deadline)
    expect(fake.now()).toBeLessThanOrEqual(2 * deadline)
    // Only what the overtime named ran past the budget.
    const past = new Set(fake.calls.filter((c) => c.at > deadline).map((c) => c.target))
    expect([...past].every((t) => (overtime as { groups: string[] }).groups.includes(t))).toBe(true)
    const { targets } = evaluate(observations, spec(deadline))
    expect(targets[0]!.verdict).toBe('regression')
    expect(targets[1]).toMatchObject({
      verdict: 'inconclusive',
      shortfall: { reason: 'unsettled' },
    })
    expect(targets[1]!.shortfall!.suggestedMaxTimeS).toBeGreaterThanOrEqual(60)
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

  it('fails only the target whose report is malformed, and measures the others', async () => {
    const fake = fakeInterpreter(({ target, side }) =>
      target === 'bad' && side === 'head'
        ? { report: '{"protocol": 1, "forged": true}\n{"more": 1}', takesMs: 10 }
        : { importMs: 5, takesMs: 10 },
    )
    const observations = await runPlan(
      plan({
        arms: [arm('base', 'good'), arm('head', 'good'), arm('base', 'bad'), arm('head', 'bad')],
        minPairs: 64,
        maxPairs: 64,
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
    expect(targets[0]!.head!.samples).toHaveLength(64)
    // The bad target's arms stopped at the warm-up that failed: no more runs of them.
    expect(fake.calls.filter((c) => c.target === 'bad' && c.mode === 'time')).toHaveLength(2)
  })

  it('stops with a settled stopping rule at the minimum, not before', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 11 }))
    const observations = await runPlan(plan({ minPairs: 7, stopping: () => [] }), fake)
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
        stopping: (arms) => (looked.push(arms[0]!.samples.length), ['pkg']),
      }),
      fake,
    )
    expect(looked.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    expect(looked.filter((n) => n >= 200 && n < 210)).toEqual([200, 202, 204, 206, 208])
    expect(looked.filter((n) => n >= 400)).toEqual([
      400, 404, 408, 412, 416, 420, 424, 428, 432, 436, 440, 444, 448,
    ])
  })

  it('runs both runs of a pair on one core, the cores in turn by round, and pins nothing else', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 11 }))
    await runPlan(
      plan({
        arms: [arm('base', 'a'), arm('head', 'a'), arm('base', 'b'), arm('head', 'b')],
        minPairs: 5,
        maxPairs: 5,
        stopping: never,
        pinning: { cores: [2, 5, 7], lanes: 1 },
      }),
      fake,
    )
    const timed = fake.calls.filter((c) => c.core !== undefined)
    // Every run of a round (both targets' pairs) shares the round's core.
    const rounds = Array.from({ length: 5 }, (_, r) => timed.slice(4 * r, 4 * r + 4))
    expect(rounds.map((round) => [...new Set(round.map((c) => c.core))])).toEqual([
      [5],
      [7],
      [2],
      [5],
      [7],
    ])
    // Warm-ups and profile runs are not pinned: only the timed rounds' pairs need it.
    expect(fake.calls.filter((c) => c.core === undefined)).toHaveLength(fake.calls.length - 5 * 4)
    expect(fake.calls.filter((c) => c.mode !== 'time').every((c) => c.core === undefined)).toBe(
      true,
    )
  })

  it('pins nothing when the plan has no cores to pin to', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 11 }))
    await runPlan(plan({ minPairs: 5, maxPairs: 5, stopping: never }), fake)
    expect(fake.calls.every((c) => c.core === undefined)).toBe(true)
  })

  /** Counts the timed runs in flight at once, and the cores and sides they ran on, in order. */
  function watched(fake: ReturnType<typeof fakeInterpreter>) {
    const seen = { most: 0, running: 0, cores: [] as number[], sides: [] as string[] }
    const runProbe = async (request: ProbeRequest) => {
      if (request.mode !== 'time' || request.core === undefined) return fake.runProbe(request)
      seen.most = Math.max(seen.most, ++seen.running)
      seen.cores.push(request.core)
      seen.sides.push(request.env.SIDE!)
      try {
        return await fake.runProbe(request)
      } finally {
        seen.running--
      }
    }
    return { seen, runProbe }
  }

  it('runs two rounds at once in lockstep while nothing else uses the CPUs, each on its own core', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 11 }))
    const { seen, runProbe } = watched(fake)
    const observations = await runPlan(
      plan({
        arms: [arm('base', 'a'), arm('head', 'a'), arm('base', 'b'), arm('head', 'b')],
        minPairs: 5,
        maxPairs: 9,
        stopping: never,
        pinning: { cores: [3, 6, 8], lanes: 2 },
      }),
      { ...fake, runProbe, loadElsewhere: async () => 0 },
    )
    expect(seen.most).toBe(2)
    // Four steps of two rounds, then a last one alone: max-pairs, not more; every pair whole.
    expect(seen.cores).toHaveLength(9 * 4)
    expect(observations.arms.map((a) => a.samples.length)).toEqual([9, 9, 9, 9])
    expect(observations).toMatchObject({ rounds: 9, alongside: { lanes: 2, rounds: 8 } })
    // Lockstep: each arm's two runs start together, on two different cores.
    for (let i = 0; i < 8 * 4; i += 2) {
      expect(seen.sides[i]).toBe(seen.sides[i + 1])
      expect(seen.cores[i]).not.toBe(seen.cores[i + 1])
    }
  })

  it('runs one round at a time while other work uses the CPUs, and two again when it stops', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 11 }))
    const { seen, runProbe } = watched(fake)
    // The first reading only starts the meter; then busy, busy, quiet, then busy for good.
    const readings = [null, 1.2, 0.6, 0.1]
    const observations = await runPlan(
      plan({ minPairs: 5, maxPairs: 7, stopping: never, pinning: { cores: [0, 1], lanes: 2 } }),
      { ...fake, runProbe, loadElsewhere: async () => (readings.length ? readings.shift()! : 0.9) },
    )
    expect(seen.most).toBe(2)
    // Rounds of one (base and head on one core, the cores in turn), a step of two, then one again.
    const cores = seen.cores
    expect(cores.slice(0, 4)).toEqual([cores[0], cores[0], cores[2], cores[2]])
    expect(cores[0]).not.toBe(cores[2])
    expect(new Set(cores.slice(4, 6)).size).toBe(2)
    expect(observations).toMatchObject({ rounds: 7, alongside: { lanes: 2, rounds: 2 } })
  })

  it('decides on every pair a step took, and starts no step after the decision', async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 11 }))
    const looked: number[] = []
    const stopping: typeof never = (arms) => {
      looked.push(arms[0]!.samples.length)
      return arms.some((a) => a.samples.length >= 7) ? [] : never(arms)
    }
    const observations = await runPlan(
      plan({ minPairs: 5, stopping, pinning: { cores: [0, 1], lanes: 2 } }),
      { ...fake, loadElsewhere: async () => 0 },
    )
    // Steps of two: looks at 6 and 8 pairs (5 falls inside the step to 6), and none after.
    expect(looked).toEqual([6, 8])
    expect(observations.arms.map((a) => a.samples.length)).toEqual([8, 8])
  })

  it("runs one round at a time where the machine's load cannot be read", async () => {
    const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 11 }))
    const { seen, runProbe } = watched(fake)
    const observations = await runPlan(
      plan({ minPairs: 5, maxPairs: 5, stopping: never, pinning: { cores: [0, 1], lanes: 2 } }),
      { ...fake, runProbe, loadElsewhere: async () => null },
    )
    expect(seen.most).toBe(1)
    expect(observations).toMatchObject({ rounds: 5, alongside: { lanes: 2, rounds: 0 } })
  })
})
