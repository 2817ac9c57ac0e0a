// The one sequence both commands end with: the planned arms through the
// engine under the command's stopping policy, then the verdict. measure and
// compare differ only in the plan they hand in and in the policy: compare
// stops a target once its change is decided, samples the undecided into
// overtime and explains a change after sampling; measure samples until the
// median settles.
import { lazyFormFor } from '../analysis/attribution/lazy.js'
import { explanationBudgetMs } from '../analysis/stats/budget.js'
import { changedGroups } from '../analysis/verdict/decision.js'
import { evaluate, provedIn, type EvaluatedTarget } from '../analysis/verdict/evaluate.js'
import type { Observations } from '../analysis/verdict/observations.js'
import type { TargetProof } from './compare-proof.js'
import { medianUnsettled, undecided } from '../analysis/verdict/stopping.js'
import type { Namer } from '../config/names.js'
import { requiresPython } from '../config/pyproject.js'
import { hasLazyImports } from '../env/interpreter.js'
import type { PlannedArm } from '../measure/plan.js'
import type { InterpreterInfo } from '../measure/probe-protocol.js'
import type { Settings } from '../settings/setting-values.js'
import { DEFAULT_VARIANT } from '../model/target.js'
import { measureArms, type CommandDeps, type PlanPolicy } from './pipeline.js'

export interface Sequence {
  command: 'measure' | 'compare'
  arms: PlannedArm[]
  /** What the verdict is about: the configured targets, in their order. */
  targets: EvaluatedTarget[]
  settings: Pick<Settings, 'gate' | 'sampling' | 'metrics' | 'watch' | 'cache'>
  interpreter: InterpreterInfo
  /** A neutral, empty folder for the children's cwd. */
  cwd: string
  /** The project whose requires-python decides how lazy-import suggestions are written (head's). */
  projectDir: string
  /** compare: the proofs tried before timing (commands/compare-proof.ts), by target. */
  proofs?: ReadonlyMap<string, TargetProof>
}

/** A proved target with a budget gets this many timed imports of head: its median is what the budget is about. */
export const BUDGET_SAMPLES = 5

export async function measureAndEvaluate(
  sequence: Sequence,
  deps: CommandDeps,
  name: Namer,
  /** Called with the observations before they are judged (compare saves the runs' logs). */
  observed?: (observations: Observations) => Promise<void>,
) {
  const { settings, command } = sequence
  const { gate, sampling } = settings
  const lazyImports = hasLazyImports(sequence.interpreter)
  const policy: PlanPolicy = {
    cwd: sequence.cwd,
    sampling,
    metrics: settings.metrics,
    lazyImports,
    enforceLazy: gate.enforceLazy,
    ...(command === 'compare'
      ? {
          stopping: undecided({ gate }),
          changed: changedGroups({ gate }),
          overtimeMs: sampling.overtimeMs,
          explain: { budgetMs: explanationBudgetMs(sampling.maxTimeMs) },
        }
      : // Nothing is compared, so no change is found, and nothing deferred runs.
        { stopping: medianUnsettled, changed: () => [] }),
  }
  const targetProofs = sequence.proofs ?? new Map<string, TargetProof>()
  const proofs = new Map([...targetProofs].map(([target, { proof }]) => [target, proof]))
  const proved = (arm: PlannedArm) => provedIn(proofs.get(arm.key.target), arm.key.variant)
  const timed = sequence.arms.filter((arm) => !proved(arm))
  const observations = mergeObservations([
    timed.length ? await measureArms(timed, policy, deps, name) : null,
    ...(await provedRuns(
      sequence.arms.filter(proved),
      policy,
      gate.budgetsMs,
      deps,
      name,
      targetProofs,
    )),
  ])
  await observed?.(observations)
  const evaluation = evaluate(observations, {
    targets: sequence.targets,
    variant: DEFAULT_VARIANT,
    variants: settings.cache,
    gate,
    metrics: settings.metrics,
    watch: settings.watch,
    sampling,
    lazyImports,
    lazyForm: lazyFormFor(requiresPython(sequence.projectDir)),
    proofs,
  })
  return { observations, evaluation }
}

/**
 * What still runs for proved targets: head's warm arm, its first profile run
 * (the module set that forbid, max-modules, the watch list and enforce-lazy
 * are checked on), and where a budget is set a short sample of head alone.
 * Base is not run again: the proof showed it does the same work.
 */
async function provedRuns(
  arms: readonly PlannedArm[],
  policy: PlanPolicy,
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
    !policy.lazyImports ? (proofs.get(arm.key.target)?.headProfile ?? null) : null
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
    const sampling = {
      ...policy.sampling,
      warmups: pairs ? 1 : 0,
      profileRuns: 1,
      minPairs: pairs,
      maxPairs: pairs,
    }
    const plan: PlanPolicy = {
      cwd: policy.cwd,
      sampling,
      stopping: () => [],
      changed: () => [],
      profileFunctions: false,
      ...(policy.lazyImports ? { lazyImports: true } : {}),
      ...(policy.enforceLazy ? { enforceLazy: true } : {}),
    }
    runs.push(await measureArms([...group], plan, deps, name))
  }
  return runs
}

/** The observations of several engine runs as one: the timed run's rounds, every arm, the phases summed. */
function mergeObservations(runs: readonly (Observations | null)[]): Observations {
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
