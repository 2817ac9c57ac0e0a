// A run plan: which arms to measure and how, with the stopping rule and what
// counts as a change to explain handed in from analysis/. measure is a plan with one
// side, compare a plan with two; the engine runs either.
import type { ArmObservation } from '../analysis/verdict/observations.js'
import type { StoppingRule } from '../analysis/verdict/stopping.js'
import type { Sampling } from '../settings/setting-values.js'
import type { ArmKey } from '../model/target.js'
import type { EngineEvent } from '../model/engine-event.js'
import type { ProbeRequest, ProbeRun } from './run-probe.js'
import type { CounterSpec } from './counters.js'
import type { CacheSetup } from './cache-states.js'
import type { Pinning } from './pinning.js'

/** One arm as the engine runs it: what to start, in which environment. */
export interface PlannedArm {
  key: ArmKey
  /** The interpreter of this side's environment. */
  python: string
  /** The probe to run (compiled once per interpreter); probe.py itself when absent. */
  probe?: string
  env: Record<string, string>
  /** Its cache state's set-up before each timed run (no-pyc, cold); absent for warm. */
  cache?: CacheSetup
}

export interface RunPlan {
  arms: PlannedArm[]
  /** A neutral, empty folder for the children's cwd: nothing in it can shadow a module. */
  cwd: string
  /** Warm-ups, profile runs, rounds (min-pairs and max-pairs) and the per-run timeout, as configured. */
  sampling: Pick<
    Sampling,
    'warmups' | 'minPairs' | 'maxPairs' | 'profileRuns' | 'sampleTimeoutMs' | 'seed'
  >
  /**
   * The clock value (see EngineDeps.now) by which everything is done: no
   * warm-up, profile run or round starts unless it is expected to finish by then.
   */
  deadline: number
  /** The run order's source: drawn from `sampling.seed` by the engine (PlanSpec) unless handed in. */
  random: () => number
  /** The groups that still need pairs (compare: undecided; measure: median unsettled); the rest stop. */
  stopping: StoppingRule
  /** After sampling: the groups where a change was found, whose deferred profile runs are worth running. */
  changed: (arms: readonly ArmObservation[]) => string[]
  /**
   * Sampling on past the budget, for the groups the stopping rule still names
   * when it is spent, up to `deadline`. Absent for none.
   */
  overtime?: { deadline: number }
  /**
   * The counted metrics, after the timed samples (and any overtime): `runs`
   * rounds under each counter, within `budgetMs` of their own, up to
   * `parallel` runs at a time; absent for none.
   */
  counting?: { counters: CounterSpec[]; runs: number; budgetMs: number; parallel: number }
  /**
   * The explanation after sampling (measure/explain.ts): the profile runs the
   * budget deferred, for groups where a change was found, within `budgetMs`
   * of their own; absent for none (measure: there is no change to explain).
   */
  explain?: { budgetMs: number }
  /** Timed rounds take turns on these cores, each round's runs on one (measure/pinning.ts); absent: not pinned. */
  pinning?: Pinning
  /** The interpreter has lazy imports (Python 3.15+): head's arms get the two untimed lazy runs. */
  lazyImports?: boolean
  /** false: no function profiles (a proved target has no change to explain). Absent: as the budget allows. */
  profileFunctions?: false
  /** enforce-lazy: the lazy run as written is a gate's evidence, and runs whatever the budget left. */
  enforceLazy?: boolean
  signal?: AbortSignal
}

/** A plan as callers hand it to the engine: the run order is drawn from its seed unless given. */
export type PlanSpec = Omit<RunPlan, 'random'> & { random?: () => number }

export type { EngineEvent } from '../model/engine-event.js'

export type ProbeRunner = (request: ProbeRequest) => Promise<ProbeRun>

export interface EngineDeps {
  runProbe: ProbeRunner
  /** Milliseconds on a monotonic clock; performance.now() outside tests. */
  now: () => number
  onEvent?: (event: EngineEvent) => void
  /**
   * Cores' worth of other work on the machine since the call before (null at
   * the first call, or where it cannot tell): measure/machine-load.ts. Absent:
   * one timed round at a time.
   */
  loadElsewhere?: () => Promise<number | null>
}
