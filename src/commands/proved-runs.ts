// What runs for targets the proof decided (commands/compare-proof.ts): no
// timed pair and no base; head's module set from its traced import, or from
// one engine run where the trace gave none (or Python 3.15's lazy runs are
// due), and a short sample of head alone where a budget is set. Then the
// engine runs' observations as one.
import type { Observations } from '../analysis/verdict/observations.js'
import type { Namer } from '../config/names.js'
import type { PlannedArm } from '../measure/plan.js'
import { DEFAULT_VARIANT } from '../model/target.js'
import type { TargetProof } from './compare-proof.js'
import { measureArms, type CommandDeps, type PlanPolicy } from './pipeline.js'

/** A proved target with a budget gets this many timed imports of head: its median is what the budget is about. */
export const BUDGET_SAMPLES = 5

/**
 * What still runs for proved targets: head's warm arm, its first profile run
 * (the module set that forbid, max-modules, the watch list and enforce-lazy
 * are checked on), and where a budget is set a short sample of head alone.
 * Base is not run again: the proof showed it does the same work.
 */
export async function provedRuns(
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
