// The one sequence both commands end with: the planned arms through the
// engine under the command's stopping policy, then the verdict. measure and
// compare differ only in the plan they hand in and in the policy: compare
// stops a target once its change is decided, samples the undecided into
// overtime and explains a change after sampling; measure samples until the
// median settles. Targets a proof decided (compare) skip the engine's timing:
// proved-runs.ts says what still runs for them.
import { lazyFormFor } from '../analysis/attribution/lazy.js'
import { explanationBudgetMs } from '../analysis/stats/budget.js'
import { changedGroups } from '../analysis/verdict/decision.js'
import { evaluate, provedIn, type EvaluatedTarget } from '../analysis/verdict/evaluate.js'
import type { Observations } from '../analysis/verdict/observations.js'
import type { TargetProof } from './compare-proof.js'
import { mergeObservations, provedRuns } from './proved-runs.js'
import { medianUnsettled, undecided } from '../analysis/verdict/stopping.js'
import type { Namer } from '../config/names.js'
import { requiresPython } from '../config/pyproject.js'
import { hasLazyImports } from '../measure/interpreter.js'
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
