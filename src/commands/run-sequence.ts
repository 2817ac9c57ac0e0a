// The one sequence measure and compare share, from the installed sides to the
// verdict: each cache state's set-up, the arms, one plan built from the
// settings and the command (compare stops a target once its change is
// decided, samples the undecided into overtime and explains a change after
// sampling; measure samples until the median settles), the engine with
// progress lines, and the evaluation. measure is a run of one side, head (the
// working tree). Targets a proof decided (compare) skip the timing: head's
// module set, and a short sample where a budget is set, still run.
import { lazyFormFor } from '../analysis/attribution/lazy.js'
import { explanationBudgetMs } from '../analysis/stats/budget.js'
import { changedGroups } from '../analysis/verdict/decision.js'
import { evaluate, provedIn, type EvaluatedTarget } from '../analysis/verdict/evaluate.js'
import type { Observations } from '../analysis/verdict/observations.js'
import { medianUnsettled, undecided } from '../analysis/verdict/stopping.js'
import type { Namer } from '../config/names.js'
import { requiresPython } from '../config/pyproject.js'
import { runPlan } from '../measure/engine.js'
import { hasLazyImports } from '../measure/interpreter.js'
import { machineLoadMeter } from '../measure/machine-load.js'
import type { PlanSpec, PlannedArm } from '../measure/plan.js'
import type { InterpreterInfo } from '../measure/probe-protocol.js'
import { runTarget } from '../measure/run-target.js'
import { CancelledError } from '../model/errors.js'
import type { MetricId } from '../model/metrics.js'
import { DEFAULT_VARIANT, SIDES, type Side } from '../model/target.js'
import { killTagged } from '../process/escapees.js'
import { progressLine } from '../report/progress.js'
import type { Sampling, Settings } from '../settings/setting-values.js'
import { cacheSetups, countingFor, pinningFor, plannedArms } from './pipeline.js'
import type { TargetProof } from './compare-proof.js'
import type { CommandDeps } from './pipeline.js'

/** One side as the engine runs it: its environment's interpreter and variables. */
export interface MeasuredSide {
  python: string
  env: Record<string, string>
}

/** What the sequence measures: the sides installed, the targets, the settings. */
export interface SidesRun {
  command: 'measure' | 'compare'
  /** The sides measured: head alone for measure (the working tree), base and head for compare. */
  sides: Partial<Record<Side, MeasuredSide>>
  /** The probe, compiled once for every side. */
  probe: string
  /** What the verdict is about: the configured targets, in their order. */
  targets: EvaluatedTarget[]
  settings: Settings
  interpreter: InterpreterInfo
  /** A neutral, empty folder for the children's cwd. */
  cwd: string
  /** The folders the cold cache state empties from the page cache, besides the environments. */
  trees: readonly string[]
  /** The project whose requires-python decides how lazy-import suggestions are written (head's). */
  projectDir: string
  /** compare: the proofs tried before timing (commands/compare-proof.ts), by target. */
  proofs?: ReadonlyMap<string, TargetProof>
}

/**
 * What the settings and the command decide of the engine's plan, built once;
 * the arms and what is found as the engine starts (the clock, the cores, the
 * counters) complete it (runEngine); the engine draws the run order from the seed.
 */
type PlanBase = Omit<
  PlanSpec,
  'arms' | 'sampling' | 'deadline' | 'overtime' | 'random' | 'counting' | 'pinning' | 'signal'
> & { sampling: Sampling; overtimeMs: number; metrics: readonly MetricId[] }

function planBase(run: SidesRun): PlanBase {
  const { gate, sampling, metrics } = run.settings
  const compare = run.command === 'compare'
  return {
    cwd: run.cwd,
    sampling,
    metrics,
    lazyImports: hasLazyImports(run.interpreter),
    enforceLazy: gate.enforceLazy,
    // measure compares nothing: no change is found, and nothing deferred runs.
    stopping: compare ? undecided({ gate }) : medianUnsettled,
    changed: compare ? changedGroups({ gate }) : () => [],
    overtimeMs: compare ? sampling.overtimeMs : 0,
    explain: compare ? { budgetMs: explanationBudgetMs(sampling.maxTimeMs) } : undefined,
  }
}

export async function measureSides(
  run: SidesRun,
  deps: CommandDeps,
  name: Namer,
  /** Called with the observations before they are judged (compare saves the runs' logs). */
  observed?: (observations: Observations) => Promise<void>,
) {
  const { settings } = run
  const { gate, sampling } = settings
  const sides = SIDES.filter((side) => run.sides[side])
  const head = run.sides.head!
  const setups = await cacheSetups(settings.cache, head, run.cwd, deps, name, run.trees)
  const isNew = (target: string) => run.targets.some((t) => t.name === target && t.isNew)
  const arms = plannedArms(
    run.targets.map((t) => t.name),
    (target) => sides.filter((side) => side === 'head' || !isNew(target)),
    setups,
    settings.cache,
    (side) => ({ ...run.sides[side]!, probe: run.probe }),
  )
  const base = planBase(run)
  const targetProofs = run.proofs ?? new Map<string, TargetProof>()
  const proofs = new Map([...targetProofs].map(([target, { proof }]) => [target, proof]))
  const proved = (arm: PlannedArm) => provedIn(proofs.get(arm.key.target), arm.key.variant)
  const timed = arms.filter((arm) => !proved(arm))
  const timedTargets = [...new Set(timed.map((arm) => arm.key.target))]
  if (timedTargets.length)
    deps.log(
      `measuring ${timedTargets.join(', ')}: ${sampling.minPairs} to ${sampling.maxPairs} ${sides.length > 1 ? 'interleaved pairs' : 'rounds'}, at most ${sampling.maxTimeMs / 1000} s${base.overtimeMs > 0 ? ` (${base.overtimeMs / 1000} s more for a target still undecided)` : ''}`,
    )
  const observations = mergeObservations([
    timed.length ? await runEngine(timed, base, deps, name) : null,
    ...(await provedRuns(arms.filter(proved), base, gate.budgetsMs, deps, name, targetProofs)),
  ])
  await observed?.(observations)
  const evaluation = evaluate(observations, {
    targets: run.targets,
    variant: DEFAULT_VARIANT,
    variants: settings.cache,
    gate,
    metrics: settings.metrics,
    watch: settings.watch,
    sampling,
    lazyImports: base.lazyImports === true,
    lazyForm: lazyFormFor(requiresPython(run.projectDir)),
    proofs,
  })
  return { observations, evaluation, coldMethod: setups.cold?.cold.method }
}

/** The plan completed as the engine starts, then run with the real probe runner, logging progress; throws when cancelled. */
async function runEngine(
  arms: PlannedArm[],
  base: PlanBase,
  deps: CommandDeps,
  name: Namer,
): Promise<Observations> {
  const { overtimeMs, metrics, ...fixed } = base
  const sides = new Set(arms.map((arm) => arm.key.side)).size
  const counting = await countingFor(
    arms,
    { metrics, sampling: base.sampling, cwd: base.cwd },
    deps,
    name,
  )
  // Nothing timed (a proved target's module-set run): no cores to choose, nothing to say of them.
  const pinning = base.sampling.maxPairs > 0 ? await pinningFor(arms, base.cwd, deps) : undefined
  const deadline = performance.now() + base.sampling.maxTimeMs
  const plan: PlanSpec = {
    ...fixed,
    arms,
    deadline,
    overtime: overtimeMs > 0 ? { deadline: deadline + overtimeMs } : undefined,
    counting,
    pinning,
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

/** A proved target with a budget gets this many timed imports of head: its median is what the budget is about. */
export const BUDGET_SAMPLES = 5

/**
 * What still runs for proved targets: head's warm arm, its first profile run
 * (the module set that forbid, max-modules, the watch list and enforce-lazy
 * are checked on), and where a budget is set a short sample of head alone.
 * Base is not run again: the proof showed it does the same work.
 */
async function provedRuns(
  arms: readonly PlannedArm[],
  base: PlanBase,
  budgetsMs: Readonly<Record<string, number>>,
  deps: CommandDeps,
  name: Namer,
  proofs: ReadonlyMap<string, TargetProof>,
): Promise<Observations[]> {
  const heads = arms.filter((arm) => arm.key.side === 'head' && arm.key.variant === DEFAULT_VARIANT)
  const budgeted = heads.filter((arm) => budgetsMs[arm.key.target] !== undefined)
  // Head's traced import was a module-set run already (under -X importtime): the
  // engine adds one only where the trace's is missing, or for 3.15's lazy runs.
  const traced = (arm: PlannedArm) =>
    !base.lazyImports ? (proofs.get(arm.key.target)?.headProfile ?? null) : null
  const fromTrace = heads.filter((arm) => budgetsMs[arm.key.target] === undefined && traced(arm))
  const plain = heads.filter(
    (arm) => budgetsMs[arm.key.target] === undefined && !fromTrace.includes(arm),
  )
  const runs: Observations[] = fromTrace.length
    ? [
        {
          arms: fromTrace.map((arm) => ({
            key: arm.key,
            samples: [],
            failure: null,
            profile: traced(arm),
          })),
          rounds: 0,
          truncated: false,
          phasesMs: { warmup: 0, profile: 0, sampling: 0 },
        },
      ]
    : []
  for (const [group, pairs] of [
    [plain, 0],
    [budgeted, BUDGET_SAMPLES],
  ] as const) {
    if (!group.length) continue
    // Nothing to decide or explain: a fixed sample, no counters, no function profiles.
    const short: PlanBase = {
      ...base,
      sampling: {
        ...base.sampling,
        warmups: pairs ? 1 : 0,
        profileRuns: 1,
        minPairs: pairs,
        maxPairs: pairs,
      },
      metrics: [],
      stopping: () => [],
      changed: () => [],
      overtimeMs: 0,
      explain: undefined,
      profileFunctions: false,
    }
    runs.push(await runEngine([...group], short, deps, name))
  }
  return runs
}

/** The observations of several engine runs as one: the timed run's rounds, every arm, the phases summed. */
export function mergeObservations(runs: readonly (Observations | null)[]): Observations {
  const present = runs.filter((r): r is Observations => r !== null)
  const [first] = present
  if (!first) return { arms: [], rounds: 0, truncated: false }
  const sum = (pick: (r: Observations) => number | undefined) =>
    present.reduce((total, r) => total + (r.phasesMs ? (pick(r) ?? 0) : 0), 0)
  return {
    ...first,
    arms: present.flatMap((r) => r.arms),
    phasesMs: {
      ...first.phasesMs,
      warmup: sum((r) => r.phasesMs?.warmup),
      profile: sum((r) => r.phasesMs?.profile),
      sampling: sum((r) => r.phasesMs?.sampling),
    },
  }
}
