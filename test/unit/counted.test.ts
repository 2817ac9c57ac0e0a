// The counted metrics (instructions, fs-calls) without the tools: what their
// output says, how a few runs a side are judged, how the engine schedules them
// within their own budget, and how the reports show them.
import { describe, expect, it } from 'vitest'
import { compareCounts } from '../../src/analysis/verdict/counted-compare.js'
import type { CountedRuns } from '../../src/analysis/verdict/observations.js'
import { evaluate, type EvaluationSpec } from '../../src/analysis/verdict/evaluate.js'
import type { Gate } from '../../src/settings/setting-values.js'
import { parseCount, wrappedArgv, type CounterSpec } from '../../src/measure/counters.js'
import { runPlan } from '../../src/measure/engine.js'
import type { EngineEvent } from '../../src/measure/plan.js'
import type { ProbeRequest } from '../../src/measure/run-probe.js'
import { METRIC_IDS, metricNamed } from '../../src/model/metrics.js'
import { parseMetrics } from '../../src/config/requests.js'
import { targetResult } from '../../src/results/target-result.js'
import { fakeInterpreter, gate, plan } from '../helpers/fake-engine.js'

const runs = (values: number[], empty: number[] = []): CountedRuns => ({
  tool: 'test counter',
  runs: values,
  empty,
  failure: null,
  ms: 1000,
})

const CACHEGRIND: CounterSpec = {
  metric: 'instructions',
  tool: 'cachegrind',
  noAslr: ['setarch', 'x86_64', '-R'],
  slowdown: 100,
  label: 'valgrind (cachegrind)',
  subtractEmpty: true,
}

/** How the counted tests evaluate: one target, import time and instructions. */
const countedSpec = (g: Gate = gate): EvaluationSpec => ({
  targets: [{ name: 'pkg', isNew: false }],
  variant: 'warm',
  gate: g,
  metrics: ['import_ms', 'instructions'],
  watch: [],
  sampling: { minPairs: 5, maxPairs: 200, warmups: 1, profileRuns: 0, maxTimeMs: 5000 },
})

describe("the counting tools' output", () => {
  it('reads perf, cachegrind and strace', () => {
    expect(parseCount('perf', '\n12345678,,instructions:u,1000,100.00,,\n')).toEqual({
      value: 12_345_678,
    })
    expect(parseCount('perf', '<not supported>,,instructions:u,0,100.00,,')).toBeNull()
    const log = '==9389== Parent PID: 9387\n==9389== \n==9389== I   refs:      50,105,134\n'
    expect(parseCount('cachegrind', log)).toEqual({ value: 50_105_134 })
    expect(parseCount('cachegrind', '==1== error')).toBeNull()
    const trace = [
      '100 openat(AT_FDCWD, "/usr/lib/python3.13/os.py", O_RDONLY) = 3',
      '100 newfstatat(AT_FDCWD, "/importgate-probe-marker/begin", 0x7ffd, 0) = -1 ENOENT',
      '100 newfstatat(AT_FDCWD, "/work/pkg", {st_mode=S_IFDIR}, 0) = 0',
      '100 openat(AT_FDCWD, "/work/pkg/__init__.py", O_RDONLY|O_CLOEXEC) = 3',
      '101 read(3, "import os\\n"..., 4096 <unfinished ...>',
      '100 getdents64(4, 0x55d0 /* 12 entries */, 32768) = 400',
      '101 <... read resumed>) = 10',
      '100 newfstatat(AT_FDCWD, "/importgate-probe-marker/end", 0x7ffd, 0) = -1 ENOENT',
      '100 close(3) = 0',
    ].join('\n')
    // The read is counted once though strace split it in two; nothing outside the markers counts.
    expect(parseCount('strace', trace)).toEqual({
      value: 4,
      byCall: { newfstatat: 1, openat: 1, read: 1, getdents64: 1 },
    })
    expect(parseCount('strace', 'no markers')).toBeNull()
  })

  it('wraps the run in the tool, with no shell and address randomisation off', () => {
    const argv = wrappedArgv(CACHEGRIND, '/tmp/x/count.txt', '/venv/bin/python', [
      'probe.py',
      'count',
      '3',
      'a b;c',
    ])
    expect(argv.slice(0, 4)).toEqual(['setarch', 'x86_64', '-R', 'valgrind'])
    expect(argv).toContain('--log-file=/tmp/x/count.txt')
    // The target stays one argument, whatever it holds.
    expect(argv.slice(-5)).toEqual(['/venv/bin/python', 'probe.py', 'count', '3', 'a b;c'])
  })
})

describe('judging a few counted runs a side', () => {
  it('confirms a 1.2% change when every run agrees, and passes an unchanged count', () => {
    const base = runs([1_050_000, 1_050_010, 1_050_005], [50_000, 50_000, 50_001])
    const head = runs([1_062_000, 1_062_008, 1_062_003], [50_000, 50_001, 50_000])
    const c = compareCounts(base, head, 1)
    expect(c).toMatchObject({ outcome: 'regression', reason: null, baseMedian: 1_000_005 })
    expect(c.pct).toBeCloseTo(1.2, 2)
    expect(compareCounts(head, base, 1).outcome).toBe('improvement')
    expect(compareCounts(base, runs([1_050_003, 1_050_012, 1_050_001], [50_000]), 1).outcome).toBe(
      'pass',
    )
  })

  it('is inconclusive when the runs vary as much as the change, or are too few', () => {
    const noisy = compareCounts(runs([1000, 1030, 990]), runs([1020, 1040, 1000]), 1)
    expect(noisy.outcome).toBe('inconclusive')
    expect(noisy.reason).toMatch(/vary by/)
    const short = compareCounts(
      { ...runs([1000]), failure: 'out of time: 1 of 3 runs fitted the counting budget' },
      runs([1100, 1100]),
      1,
    )
    expect(short).toMatchObject({ outcome: 'inconclusive' })
    expect(short.reason).toMatch(/1 of the 2 runs a side needs \(out of time/)
    // A small change on runs too noisy to see a 1% one is not a pass either.
    expect(compareCounts(runs([1000, 1008, 1000]), runs([1002, 1000, 1006]), 1).outcome).toBe(
      'inconclusive',
    )
  })

  it("takes the user's spellings of the metrics", () => {
    expect(metricNamed('fs-calls')).toBe('fs_calls')
    expect(parseMetrics(['instructions', 'fs-calls', 'memory', 'fs_calls'], '--metric')).toEqual([
      'instructions',
      'fs_calls',
      'memory',
    ])
    // The message lists the metric table, whatever it holds.
    expect(() => parseMetrics(['cycles'], '--metric')).toThrow(
      `--metric: "cycles" is not a metric; use ${METRIC_IDS.join(', ')} (fs-calls is fs_calls)`,
    )
  })
})

/** The fake interpreter, counting: head's import costs 2% more instructions than base's. */
function countingInterpreter(takesMs = 1000) {
  const fake = fakeInterpreter(() => ({ importMs: 10, takesMs: 100 }))
  const counted: ProbeRequest[] = []
  const runProbe = async (request: ProbeRequest) => {
    if (!request.counter) return fake.runProbe(request)
    counted.push(request)
    const run = await fake.runProbe({ ...request, counter: undefined })
    // The fake clock moves by what a counted run takes on top of the fake run's 100 ms.
    for (let i = 0; i < (takesMs - 100) / 100; i++)
      await fake.runProbe({ ...request, mode: 'empty', counter: undefined })
    const startup = 50_000_000
    const value =
      request.mode === 'empty' ? startup : startup + (request.env.SIDE === 'head' ? 102e6 : 100e6)
    return { ...run, count: { value } }
  }
  return { ...fake, runProbe, counted }
}

describe('the counting phase of the engine', () => {
  const counting = { counters: [CACHEGRIND], runs: 3, budgetMs: 60_000, parallel: 1 }

  it('runs each arm under the counter after the timed samples, empty runs beside, one hash seed', async () => {
    const fake = countingInterpreter()
    const events: EngineEvent[] = []
    const observations = await runPlan(
      plan({ deadline: 5000, warmups: 1, profileRuns: 0, counting }),
      { ...fake, onEvent: (e) => events.push(e) },
    )
    // 3 rounds × 2 arms of count runs, and one empty run an arm in the first round.
    expect(fake.counted).toHaveLength(8)
    expect(fake.counted.every((r) => r.env.PYTHONHASHSEED === '0')).toBe(true)
    expect(fake.counted.filter((r) => r.mode === 'empty')).toHaveLength(2)
    // Its own budget: a count run may take the sample timeout times the tool's slowdown.
    expect(fake.counted[0]!.timeoutMs).toBe(60_000)
    expect(events).toContainEqual({
      phase: 'count',
      metric: 'instructions',
      tool: 'valgrind (cachegrind)',
      runs: 3,
    })
    const head = observations.arms.find((a) => a.key.side === 'head')!
    expect(head.counted?.instructions).toMatchObject({
      runs: [152e6, 152e6, 152e6],
      empty: [50e6],
      failure: null,
    })
    expect(observations.phasesMs!.counting).toBe(8000)

    const evaluation = evaluate(observations, countedSpec())
    const target = evaluation.targets[0]!
    const instructions = target.metrics.find((m) => m.metric === 'instructions')!
    expect(instructions).toMatchObject({ gating: true, outcome: 'regression' })
    expect(instructions.counted!.pct).toBeCloseTo(2, 5)
    // A confirmed instruction regression fails the target, whatever the few timed pairs say.
    expect(target.verdict).toBe('regression')

    // A project that allows 2.5% more instructions: the same counts are no change.
    const allowing = evaluate(observations, countedSpec({ ...gate, instructionsThresholdPct: 2.5 }))
      .targets[0]!
    expect(allowing.metrics.find((m) => m.metric === 'instructions')).toMatchObject({
      outcome: 'pass',
      counted: { thresholdPct: 2.5 },
    })
  })

  it('runs as many counts at a time as it is given cores, each arm counted alike', async () => {
    const fake = countingInterpreter()
    let running = 0
    let most = 0
    const runProbe = async (request: ProbeRequest) => {
      if (!request.counter) return fake.runProbe(request)
      running++
      most = Math.max(most, running)
      try {
        return await fake.runProbe(request)
      } finally {
        running--
      }
    }
    const observations = await runPlan(
      plan({ deadline: 5000, warmups: 1, profileRuns: 0, counting: { ...counting, parallel: 2 } }),
      { ...fake, runProbe },
    )
    expect(most).toBe(2)
    expect(fake.counted).toHaveLength(8)
    for (const side of ['base', 'head'])
      expect(
        observations.arms.find((a) => a.key.side === side)!.counted?.instructions,
      ).toMatchObject({
        runs: [
          side === 'head' ? 152e6 : 150e6,
          side === 'head' ? 152e6 : 150e6,
          side === 'head' ? 152e6 : 150e6,
        ],
        empty: [50e6],
        failure: null,
      })
  })

  it('stops at its own budget and says how far it got', async () => {
    const fake = countingInterpreter(2000)
    const observations = await runPlan(
      plan({
        deadline: 3000,
        warmups: 1,
        profileRuns: 0,
        counting: {
          counters: [
            CACHEGRIND,
            {
              ...CACHEGRIND,
              metric: 'fs_calls',
              tool: 'strace',
              slowdown: 20,
              subtractEmpty: false,
            },
          ],
          runs: 3,
          budgetMs: 14_000,
          parallel: 1,
        },
      }),
      fake,
    )
    const head = observations.arms.find((a) => a.key.side === 'head')!
    // strace's counter is the cheaper and goes first; cachegrind's then runs out of budget.
    expect(head.counted?.fs_calls?.failure).toBeNull()
    expect(head.counted?.fs_calls?.runs).toHaveLength(3)
    expect(head.counted?.instructions?.failure).toMatch(/out of time: 0 of 3 runs fitted/)
    expect(observations.phasesMs!.counting).toBeLessThanOrEqual(14_000)

    // In the results: a side without counts has no median, so no change is recorded
    // (not -100% against a count of 0), and the row shows none.
    const finding = evaluate(observations, countedSpec()).targets[0]!
    const recorded = targetResult(finding).metrics!.find((m) => m.metric === 'instructions')!
    expect(recorded).toMatchObject({
      outcome: 'inconclusive',
      head_median: null,
      counted: { delta: null, pct: null, head_runs: 0 },
    })
  })
})
