// The steps measure and compare share: finding the interpreter, the targets,
// running the engine with progress lines (their text: report/progress.ts),
// and the run's clock. The hint for a
// target that cannot be found is env/hints.ts; the document is results/document.ts.
import { describeInterpreter, findExecutable } from '../measure/interpreter.js'
import { childEnv } from '../process/child-env.js'
import type { Observations } from '../analysis/verdict/observations.js'
import { runPlan } from '../measure/engine.js'
import type { ArmObservation } from '../analysis/verdict/observations.js'
import { seededRandom } from '../analysis/stats/random.js'
import type { StoppingRule } from '../analysis/verdict/stopping.js'
import type { PlannedArm, RunPlan } from '../measure/plan.js'
import { progressLine } from '../report/progress.js'
import type { Sampling } from '../settings/setting-values.js'
import type { InterpreterInfo } from '../measure/probe-protocol.js'
import { runTarget } from '../measure/run-target.js'
import { killTagged } from '../process/escapees.js'
import { CancelledError, SetupError, UsageError } from '../model/errors.js'
import { type Namer } from '../config/names.js'
import type { MetricId } from '../model/metrics.js'
import { countingFor, pinningFor } from './arms.js'
import { machineLoadMeter } from '../measure/machine-load.js'

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

/** What a command decides about its run; the rest of the plan comes from the sampling settings. */
export interface PlanPolicy {
  /** A neutral, empty folder for the children's cwd. */
  cwd: string
  sampling: Sampling
  stopping: StoppingRule
  /** compare: the groups where a change was found, to explain after sampling. */
  changed: (arms: readonly ArmObservation[]) => string[]
  /** compare: time the undecided groups may sample past the budget. */
  overtimeMs?: number
  /** compare: the deferred profile runs after sampling, for a change found. */
  explain?: { budgetMs: number }
  /** The metrics asked for: the counted ones get their tool found here, and their runs planned. */
  metrics?: readonly MetricId[]
  /** The interpreter has lazy imports (Python 3.15+, PEP 810): head gets the lazy runs. */
  lazyImports?: boolean
  /** enforce-lazy: the lazy run as written is a gate's evidence (it runs whatever the budget left). */
  enforceLazy?: boolean
  /** false: no function profiles (proved targets: nothing to explain). */
  profileFunctions?: false
}

/** Runs the arms with the real probe runner, logging progress; throws when cancelled. */
export async function measureArms(
  arms: PlannedArm[],
  policy: PlanPolicy,
  deps: CommandDeps,
  name: Namer,
): Promise<Observations> {
  const { sampling } = policy
  const sides = new Set(arms.map((arm) => arm.key.side)).size
  const counting = await countingFor(arms, policy, deps, name)
  // Nothing timed (a proved target's module-set run): no cores to choose, nothing to say of them.
  const pinning = sampling.maxPairs > 0 ? await pinningFor(arms, policy.cwd, deps) : null
  const deadline = performance.now() + sampling.maxTimeMs
  const plan: RunPlan = {
    arms,
    cwd: policy.cwd,
    sampling,
    deadline,
    ...(policy.overtimeMs ? { overtime: { deadline: deadline + policy.overtimeMs } } : {}),
    random: seededRandom(sampling.seed),
    stopping: policy.stopping,
    changed: policy.changed,
    ...(counting ? { counting } : {}),
    ...(pinning ? { pinning } : {}),
    ...(policy.explain ? { explain: policy.explain } : {}),
    ...(policy.lazyImports ? { lazyImports: true } : {}),
    ...(policy.enforceLazy ? { enforceLazy: true } : {}),
    ...(policy.profileFunctions === false ? { profileFunctions: false as const } : {}),
    signal: deps.signal,
  }
  const observations = await runPlan(plan, {
    runProbe: runTarget,
    now: () => performance.now(),
    loadElsewhere: machineLoadMeter(() => performance.now()),
    onEvent: (event) => {
      const line = progressLine(event, sides, name)
      if (line) deps.log(line)
    },
  })
  // Each sample's escapees went with it; this sweeps up any that forked in the
  // moment between a sweep's look and its kill (a double fork under load).
  killTagged()
  if (deps.signal?.aborted) throw new CancelledError()
  return observations
}

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
