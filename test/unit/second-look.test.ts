// The second look, on a fake clock: a flag whose fresh batch was caught in a
// burst of noise, while all pairs still lean past the thresholds, samples on
// and is decided by a new fresh batch instead of ending inconclusive.
import { describe, expect, it } from 'vitest'
import { changeConfirmation } from '../../src/analysis/confirmation.js'
import { evaluate } from '../../src/analysis/evaluate.js'
import { overtimeFor } from '../../src/analysis/overtime.js'
import { seededRandom } from '../../src/analysis/random.js'
import { comparisonSettled } from '../../src/analysis/stopping.js'
import { runPlan } from '../../src/measure/engine.js'
import type { EngineEvent } from '../../src/measure/plan.js'
import { SAMPLING, fakeInterpreter, gate, plan } from '../helpers/fake-engine.js'

const MIN_PAIRS = 7

/**
 * A 150 ms import 10% slower in head, ±1% noise, except that head runs
 * `burst` (by count, warm-up included) are 3% faster: the machine was busy
 * in a way that hid the change. With one warm-up and a first batch that
 * settles at 7 pairs, runs 8 to 21 are the 14 pairs of the fresh batch, and
 * the first 10 of them are hidden below.
 */
function burstyImport(burst: [number, number]) {
  const noise = seededRandom(4)
  return fakeInterpreter(({ side, n }) => {
    const hidden = n >= burst[0] && n < burst[1]
    const slower = side === 'head' ? (hidden ? 0.97 : 1.1) : 1
    return { importMs: 150 * slower * (0.99 + 0.02 * noise()), takesMs: 200 }
  })
}

async function compare(fake: ReturnType<typeof fakeInterpreter>, overtimeMs: number) {
  const deadline = 120_000
  const sampling = { minPairs: MIN_PAIRS, maxPairs: 200 }
  const overtime = overtimeFor(gate, sampling, overtimeMs)
  const events: EngineEvent[] = []
  const observations = await runPlan(
    plan({
      deadline,
      warmups: 1,
      profileRuns: 0,
      ...sampling,
      stopping: comparisonSettled(gate),
      confirmation: changeConfirmation(gate, MIN_PAIRS, sampling.maxPairs),
      overtime: {
        deadline: deadline + overtimeMs,
        maxPairs: overtime.maxPairs,
        groups: overtime.groups,
        leaning: overtime.leaning,
      },
    }),
    { ...fake, onEvent: (e) => events.push(e) },
  )
  const [target] = evaluate(observations, {
    targets: [{ name: 'pkg', isNew: false }],
    variant: 'warm',
    gate,
    metrics: ['import_ms'],
    watch: [],
    sampling: { ...SAMPLING, ...sampling, maxTimeMs: deadline },
  }).targets
  return { events, target: target!, end: fake.now() }
}

describe('a second look', () => {
  it('decides a flag whose fresh batch disagreed by a new fresh batch, with the time left', async () => {
    const run = await compare(burstyImport([8, 18]), 240_000)
    expect(run.events.filter((e) => e.phase === 'confirm')).toHaveLength(2)
    expect(run.events).toContainEqual(
      expect.objectContaining({ phase: 'second-look', groups: ['pkg'] }),
    )
    expect(run.target.verdict).toBe('regression')
    expect(run.target.metrics[0]!.confirmation).toMatchObject({ confirmed: true })
    // Well within the budget: the time was there, and it bought the verdict.
    expect(run.end).toBeLessThan(120_000)
  })

  it('leaves a clean confirmation alone', async () => {
    const run = await compare(burstyImport([0, 0]), 240_000)
    expect(run.events.some((e) => e.phase === 'second-look')).toBe(false)
    expect(run.events.filter((e) => e.phase === 'confirm')).toHaveLength(1)
    expect(run.target.verdict).toBe('regression')
  })
})
