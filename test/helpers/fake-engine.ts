// A fake interpreter on a fake clock for the measurement engine: every run
// "takes" a set time, so deadlines, stopping and overtime are
// tested exactly, without interpreters or timing noise.
import { seededRandom } from '../../src/analysis/stats/random.js'
import type { StoppingRule } from '../../src/analysis/verdict/stopping.js'
import type { PlannedArm, RunPlan } from '../../src/measure/plan.js'
import type { ProbeRequest } from '../../src/measure/run-probe.js'
import { probeRunOf } from '../../src/measure/run-probe.js'
import { groupId, type Side } from '../../src/model/target.js'
import { resolveSettings } from '../../src/settings/settings.js'
import type { Gate } from '../../src/settings/setting-values.js'

/** The gate at its defaults: each new setting's default comes with it. */
export const gate: Gate = resolveSettings([], 0).gate

/** What each run of the fake interpreter does: its import time, and how long it "takes". */
export type Behaviour = (call: {
  side: Side
  target: string
  mode: ProbeRequest['mode']
  /** How many timed runs of this arm came before. */
  n: number
}) =>
  | { importMs: number; takesMs: number }
  | { report: string; takesMs: number }
  | { hangs: true; takesMs: number }

export function fakeInterpreter(behaviour: Behaviour) {
  let clock = 0
  const calls: { side: Side; target: string; mode: string; at: number; core?: number }[] = []
  const counts = new Map<string, number>()
  const runProbe = async (request: ProbeRequest) => {
    const side = request.env.SIDE as Side
    const key = `${side}:${request.target}`
    const n = request.mode === 'time' ? (counts.get(key) ?? 0) : 0
    if (request.mode === 'time') counts.set(key, n + 1)
    calls.push({
      side,
      target: request.target,
      mode: request.mode,
      at: clock,
      ...(request.core === undefined ? {} : { core: request.core }),
    })
    const result = behaviour({ side, target: request.target, mode: request.mode, n })
    clock += result.takesMs
    // A hanging run is killed at its timeout, or at the time it "takes" if that is shorter.
    const hung = 'hangs' in result
    if (hung) clock += Math.min(request.timeoutMs, result.takesMs) - result.takesMs
    const report = hung
      ? ''
      : 'report' in result
        ? result.report
        : JSON.stringify({
            protocol: 1,
            mode: request.mode,
            target: request.target,
            ok: true,
            import_ns: (result as { importMs: number }).importMs * 1e6,
            import_cpu_ns: (result as { importMs: number }).importMs * 0.9e6,
            // Within the run as the parent clocks it (spawn at 0), as the probe's are.
            start_ns: 0,
            end_ns: (result as { importMs: number }).importMs * 1e6,
            modules_before: 30,
            modules_after: 40,
            probe_preloaded: [],
            error: null,
            added: request.mode === 'profile' ? [request.target] : undefined,
          })
    return probeRunOf(request, {
      report,
      stderr: Buffer.from(''),
      stderrTruncated: false,
      code: 0,
      signal: null,
      timedOut: hung,
      spawnNs: 0n,
      exitNs: BigInt(result.takesMs * 1e6),
    })
  }
  return { runProbe, now: () => clock, calls }
}

export const arm = (side: Side, target: string): PlannedArm => ({
  key: { side, target, variant: 'warm' },
  python: 'python3',
  env: { SIDE: side },
})

export type Sampling = RunPlan['sampling']
export const SAMPLING: Sampling = {
  warmups: 3,
  minPairs: 5,
  maxPairs: 200,
  profileRuns: 3,
  sampleTimeoutMs: 60_000,
  seed: 7,
}

/** A plan with the defaults above; sampling settings may be given beside the others. */
export function plan(overrides: Partial<Omit<RunPlan, 'sampling'>> & Partial<Sampling>): RunPlan {
  const sampling = Object.fromEntries(
    Object.keys(SAMPLING).map((k) => [
      k,
      overrides[k as keyof Sampling] ?? SAMPLING[k as keyof Sampling],
    ]),
  ) as Sampling
  return {
    arms: [arm('base', 'pkg'), arm('head', 'pkg')],
    cwd: '/nonexistent',
    deadline: Number.POSITIVE_INFINITY,
    random: seededRandom(7),
    stopping: never,
    changed: () => [],
    ...overrides,
    sampling,
  }
}

/** Every group always needs more samples: sampling runs to max-pairs or the deadline. */
export const never: StoppingRule = (arms) => [...new Set(arms.map((a) => groupId(a.key)))]
