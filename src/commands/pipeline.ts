// The steps measure and compare share: finding the interpreter, the targets,
// the hint for a target that cannot be found, running the engine with progress
// lines, and the results' common header.
import { importRoot } from '../env/import-root.js'
import { describeInterpreter, findExecutable } from '../env/interpreter.js'
import { childEnv } from '../env/child-env.js'
import type { Observations } from '../analysis/verdict/observations.js'
import type { evaluate } from '../analysis/verdict/evaluate.js'
import type { TargetFinding } from '../analysis/verdict/finding.js'
import { runPlan } from '../measure/engine.js'
import type { ArmObservation } from '../analysis/verdict/observations.js'
import { seededRandom } from '../analysis/stats/random.js'
import type { StoppingRule } from '../analysis/verdict/stopping.js'
import type { EngineEvent, PlannedArm, RunPlan } from '../measure/plan.js'
import type { Sampling, Settings } from '../model/settings.js'
import type { CommitRef } from '../results/schema.js'
import { settingsJson } from '../results/settings-json.js'
import { ms } from '../results/side-result.js'
import { targetResult } from '../results/target-result.js'
import type { InterpreterInfo } from '../measure/probe-protocol.js'
import { runTarget } from '../measure/run-target.js'
import { killTagged } from '../process/escapees.js'
import { CancelledError, SetupError, UsageError } from '../model/errors.js'
import { type Namer } from '../config/names.js'
import { armId } from '../model/target.js'
import type { MetricId } from '../model/metrics.js'
import { countingFor } from './arms.js'
import { VERSION } from '../version.js'

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

/** The module a ModuleNotFoundError names: "No module named 'a.b'" → "a.b". */
function missingModule(message: string): string | null {
  return /No module named '([^']+)'/.exec(message)?.[1] ?? null
}

/**
 * A hint for the commonest setup mistake: the target, or a dependency of it,
 * is not importable the way the environment was set up.
 */
export function notFoundHint(
  strategy: string,
  projectDir: string,
  name: Namer,
  target: string,
  message: string,
): string {
  const missing = missingModule(message)
  const isTarget = missing !== null && (target === missing || target.startsWith(`${missing}.`))
  if (!isTarget && missing !== null) {
    if (strategy === 'none')
      return ` (a dependency: with ${name('install')} none nothing is installed; install the project with ${name('install')} auto so that its dependencies are there)`
    if (strategy === 'current')
      return ` (a dependency, not installed in the interpreter's environment)`
    return ` (a dependency the project imports but that ${strategy} did not install; is it declared in the project's dependencies?)`
  }
  if (strategy === 'none') {
    return ` (with ${name('install')} none, PYTHONPATH is ${importRoot(projectDir)}; check the target's spelling and ${name('project-dir')}, or install the project with ${name('install')} auto)`
  }
  if (strategy === 'current')
    return ` (with ${name('install')} current the target must be installed in the interpreter's environment)`
  return ` (the project was installed with ${strategy}; does it package this module?)`
}

/** Adds the not-found hint of each side's environment to a ModuleNotFoundError. */
export function withHints(
  findings: TargetFinding[],
  hint: (side: 'base' | 'head', target: string, message: string) => string,
): TargetFinding[] {
  for (const f of findings) {
    if (f.error?.kind === 'ModuleNotFoundError')
      f.error.message += hint(f.error.side, f.target, f.error.message)
  }
  return findings
}

function progressLine(event: EngineEvent, sides: number, name: Namer): string | null {
  switch (event.phase) {
    case 'warmup':
      return `warming up (${event.round}/${event.of})`
    case 'profile':
      return `profiling with -X importtime (${event.runs} run(s) per target${sides > 1 ? ' and side' : ''})`
    case 'sample':
      return event.round === 1 ? `sampling interleaved ${sides > 1 ? 'pairs' : 'rounds'}` : null
    case 'overtime':
      return `the time budget (${name('max-time')}) is spent before ${event.groups.join(', ')} reached a verdict: sampling on for up to ${Math.round(event.untilMs / 1000)} s more (${name('overtime')})`
    case 'count':
      return `counting ${event.metric} with ${event.tool}: ${event.runs} run(s) per target${sides > 1 ? ' and side' : ''}`
    case 'forecast':
      return `at ${(event.roundMs / 1000).toFixed(1)} s a round, the time budget (${name('max-time')}${event.overtime ? ` with ${name('overtime')}` : ''}) fits about ${event.fits} of the ${event.needed} rounds a verdict needs: expect an inconclusive verdict, or raise it to about ${event.suggestedS} s`
    case 'out-of-time':
      return event.step === 'profile runs'
        ? `the time budget (${name('max-time')}) leaves no room for more profile runs after ${event.done} (the module set of each target and side was taken): the function profile runs after sampling if a change is found`
        : `the time budget (${name('max-time')}) ran out after ${event.done} ${event.step}`
    case 'explain':
      return `explaining the change in ${event.groups.join(', ')}: the profile runs the budget deferred, within ${Math.round(event.budgetMs / 1000)} s`
    case 'failed':
      return `${armId(event.key)}: ${event.failure.kind}: ${event.failure.message}`
  }
}

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
    ...(policy.explain ? { explain: policy.explain } : {}),
    ...(policy.lazyImports ? { lazyImports: true } : {}),
    ...(policy.enforceLazy ? { enforceLazy: true } : {}),
    signal: deps.signal,
  }
  const observations = await runPlan(plan, {
    runProbe: runTarget,
    now: () => performance.now(),
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

/** What tells one command's document from the other's: which command, which commits, and its own extras. */
interface Identity {
  command: 'measure' | 'compare'
  label?: string
  base: CommitRef | null
  head: CommitRef
}

/** A results document from what the run found, its fields in the documented order. */
export function resultsDocument<I extends Identity, E extends object>(
  identity: I,
  info: InterpreterInfo,
  settings: Settings,
  where: Parameters<typeof settingsJson>[1],
  extras: E,
  found: {
    observations: Observations
    evaluation: ReturnType<typeof evaluate>
    /** How long installing both sides took; null when nothing was installed. */
    installMs?: number | null
  },
  clock: RunClock,
) {
  const { observations, evaluation } = found
  const phases = observations.phasesMs
  return {
    schema: 1 as const,
    tool: { name: 'importgate' as const, version: VERSION },
    command: identity.command as I['command'],
    verdict: evaluation.verdict,
    python: info.version,
    platform: `${info.platform} ${info.machine}`.trim(),
    ...(identity.label ? { label: identity.label } : {}),
    base: identity.base as I['base'],
    head: identity.head,
    settings: settingsJson(settings, where),
    ...extras,
    rounds: observations.rounds,
    ...(observations.warmups !== undefined ? { warmup_rounds: observations.warmups } : {}),
    truncated: observations.truncated,
    ...(phases
      ? {
          phases_s: {
            install:
              found.installMs === undefined || found.installMs === null
                ? null
                : ms(found.installMs / 1000),
            warmup: ms(phases.warmup / 1000),
            profile: ms(phases.profile / 1000),
            sampling: ms(phases.sampling / 1000),
            ...(phases.explain !== undefined ? { explain: ms(phases.explain / 1000) } : {}),
            ...(phases.counting !== undefined ? { counting: ms(phases.counting / 1000) } : {}),
          },
        }
      : {}),
    started_at: clock.started.toISOString(),
    duration_s: ms((performance.now() - clock.at) / 1000),
    targets: evaluation.targets.map(targetResult),
  }
}
