// What measure and compare set up around the one sequence they share
// (run-sequence.ts): the interpreter, the targets and the run's clock before
// their sides are installed; then each arm's cache state, the counters the
// counted metrics need and the cores the timed rounds are pinned to (below).
// The hint for a target that cannot be found is env/hints.ts; the document is
// results/document.ts.
import { describeInterpreter, findExecutable } from '../measure/interpreter.js'
import { childEnv } from '../process/child-env.js'
import type { InterpreterInfo } from '../measure/probe-protocol.js'
import { SetupError, UsageError } from '../model/errors.js'
import { type Namer } from '../config/names.js'
import { availableParallelism } from 'node:os'
import { detectColdCache, type CacheSetups } from '../measure/cache-states.js'
import { detectCounters } from '../measure/counters.js'
import { MAX_LANES, detectPinning } from '../measure/pinning.js'
import type { PlannedArm, RunPlan } from '../measure/plan.js'
import { isCounted, type MetricId } from '../model/metrics.js'
import type { Sampling } from '../settings/setting-values.js'
import { variantNote, type Side, type Variant } from '../model/target.js'

export interface CommandDeps {
  /** The parent's environment: only its allowed part reaches the measured code. */
  env: NodeJS.ProcessEnv
  cwd: string
  /** Progress lines (stderr in the CLI, the log in the action). */
  log: (line: string) => void
  /** What the user must see even when progress is quiet (stderr in the CLI, a warning annotation in the action); `log` when absent. */
  warn?: (line: string) => void
  signal?: AbortSignal
  /** When set, raw -X importtime and install logs are saved here (the action uploads them). */
  logDir?: string
}

/** Installs of large projects take minutes; this only stops a hung one. */
export const INSTALL_TIMEOUT_MS = 20 * 60_000

/** A seed for the run order when none was given; recorded in the results to reproduce the run. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32)
}

/** The interpreter as given, resolved, and the real executable behind any launcher. */
export async function findInterpreter(
  python: string,
  deps: CommandDeps,
  cwd: string,
  name: Namer,
): Promise<{ info: InterpreterInfo; interpreter: string }> {
  const found = findExecutable(python, deps.env.PATH ?? '', deps.cwd)
  if (!found) {
    throw new SetupError(
      `${name('python')}: "${python}" was not found (give a path, or a name on PATH)`,
    )
  }
  const info = await describeInterpreter(found, childEnv(deps.env), cwd, name('python'))
  return { info, interpreter: info.executable || found }
}

export function requireTargets(
  targets: string[] | undefined,
  where: string,
  name: Namer,
  /** Where the list came from, as the user wrote it: the flag or input, or the pyproject key. */
  from = `targets in ${where}`,
): string[] {
  if (!targets?.length) {
    throw new UsageError(
      `no targets: give ${name('target')} MODULE, or set targets = ["mypkg"] under [tool.importgate] in ${where}`,
    )
  }
  if (targets.length > MAX_TARGETS)
    throw new UsageError(
      `${targets.length} targets (${from}): importgate measures at most ${MAX_TARGETS}, each in fresh interpreters on both sides; list the entry points that matter, or split them over jobs`,
    )
  return targets
}

/** More targets than this cannot be measured well in one job's budget. */
export const MAX_TARGETS = 100

/** When the run began: the results record the start and how long it all took. */
export interface RunClock {
  started: Date
  /** performance.now() at the start. */
  at: number
}

export const startClock = (): RunClock => ({ started: new Date(), at: performance.now() })

/** The run's timing as the results document records it. */
export const timingOf = (clock: RunClock) => ({
  startedAt: clock.started,
  durationMs: performance.now() - clock.at,
})

// What each arm runs in, beyond the target and the side: its cache state's
// set-up (found once per run: the cold state's method), the counters the
// counted metrics need (found once per run: perf, cachegrind, strace) and the
// cores the timed rounds are pinned to (found once per run: taskset).
/** What these steps tell the user, and what stops them. */
interface Progress {
  log: (line: string) => void
  signal?: AbortSignal
}

/**
 * What each cache state asked for does before a timed sample; the cold
 * state's method is found once, here, and logged.
 */
export async function cacheSetups(
  cache: readonly Variant[],
  arm: { python: string; env: Record<string, string> },
  cwd: string,
  deps: Progress,
  name: Namer,
  extraPaths: readonly string[],
): Promise<CacheSetups> {
  const setups: CacheSetups = {}
  if (cache.includes('no-pyc')) setups['no-pyc'] = { kind: 'no-pyc' }
  if (cache.includes('cold')) {
    const cold = await detectColdCache(
      arm.python,
      extraPaths,
      { env: arm.env, cwd, signal: deps.signal },
      name('cache'),
    )
    deps.log(`cold cache: ${variantNote('cold', cold.method)}`)
    setups.cold = { kind: 'cold', cold }
  }
  return setups
}

/** The arms of each target on each side, in each cache state asked for. */
export function plannedArms(
  targets: readonly string[],
  sides: (target: string) => readonly Side[],
  setups: CacheSetups,
  cache: readonly Variant[],
  sideArm: (side: Side) => { python: string; env: Record<string, string>; probe?: string },
): PlannedArm[] {
  return cache.flatMap((variant) =>
    targets.flatMap((target) =>
      sides(target).map((side) => ({
        key: { side, target, variant },
        ...sideArm(side),
        ...(variant !== 'warm' && setups[variant] ? { cache: setups[variant] } : {}),
      })),
    ),
  )
}

/** Runs a side under each counting tool: a few, since the counts barely vary. */
export const COUNTED_RUNS = 3

/** The counters the counted metrics need, found on this machine; a SetupError naming the setting when one is missing. */
export async function countingFor(
  arms: readonly PlannedArm[],
  policy: { metrics?: readonly MetricId[]; sampling: Sampling; cwd: string },
  deps: Progress,
  name: Namer,
): Promise<RunPlan['counting']> {
  const metrics = policy.metrics ?? []
  if (metrics.includes('memory') && process.platform !== 'linux')
    throw new SetupError(
      `${name('metric')}: memory is read from /proc and needs Linux; this is ${process.platform}`,
    )
  const counted = metrics.filter(isCounted)
  const first = arms[0]
  if (!counted.length || !first) return undefined
  const counters = await detectCounters(counted, {
    python: first.python,
    cwd: policy.cwd,
    env: first.env,
    signal: deps.signal,
    input: name('metric'),
  })
  for (const c of counters) deps.log(`${c.metric}: counted with ${c.label}`)
  // The counted runs get a budget of their own, the time budget and its
  // overtime: under valgrind they are ~50x slower, and must not eat the timings' time.
  const { maxTimeMs, overtimeMs } = policy.sampling
  // A count does not depend on the machine's load (nothing is timed, and no
  // timed sample runs meanwhile), so the counted runs use every core.
  return {
    counters,
    runs: COUNTED_RUNS,
    budgetMs: maxTimeMs + overtimeMs,
    parallel: availableParallelism(),
  }
}

/**
 * Where the timed rounds run: each on one core, where this machine lets runs
 * be pinned; with two cores or more, two rounds at once, each on its own,
 * while nothing else uses the CPUs (measure/rounds.ts).
 * Not with cold samples: emptying the page cache for one would empty it under
 * the run beside it.
 */
export async function pinningFor(
  arms: readonly PlannedArm[],
  cwd: string,
  deps: Progress,
): Promise<RunPlan['pinning']> {
  const first = arms[0]
  if (!first) return undefined
  const found = await detectPinning({
    python: first.python,
    cwd,
    env: first.env,
    signal: deps.signal,
  })
  if ('unpinned' in found) {
    deps.log(`timed pairs are not pinned to a core: ${found.unpinned}`)
    return undefined
  }
  const cold = arms.some((arm) => arm.cache?.kind === 'cold')
  const lanes = cold ? 1 : Math.min(MAX_LANES, found.cores.length)
  deps.log(
    `timed pairs: both runs of a round on one core, the cores ${found.cores.join(', ')} in turn` +
      (lanes > 1
        ? `; ${lanes} rounds at a time, each on its own core, while nothing else uses the CPUs`
        : cold
          ? ' (one round at a time: a cold sample empties the page cache)'
          : ''),
  )
  return { cores: found.cores, lanes }
}
