// Untimed profile runs: the import under -X importtime, for attribution
// (which module's own time, through which chain) and the set of modules it
// loads; then one run under the C profiler, for which functions import-time
// code called. Both slow the import, so they never feed the timings.
import type { FunctionProfile } from '../analysis/attribution/function-diff.js'
import type { ProfileObservation } from '../analysis/verdict/observations.js'
import { shuffled } from '../analysis/stats/random.js'
import type { ArmStates } from './arm-states.js'
import { DEFAULT_VARIANT, traitsOf } from '../model/target.js'
import type { EngineDeps, PlannedArm, RunPlan } from './plan.js'
import type { FunctionsReport } from './probe-protocol.js'
import { isFunctionsReport } from './probe-report-schema.js'
import { importTimeCosts } from './importtime-costs.js'
import { cutByBudget, probeRequest } from './probe-run.js'

const emptyProfile = (): ProfileObservation => ({
  runs: 0,
  added: [],
  moduleCount: 0,
  unstableModules: false,
  costs: new Map(),
  logs: [],
  failure: null,
})

/** The warm module arms: attribution comes from the warm state, and commands run no probe to profile. */
export const profiledArms = (states: ArmStates, among?: readonly PlannedArm[]): PlannedArm[] =>
  states
    .live(among)
    .filter((arm) => arm.key.variant === DEFAULT_VARIANT && traitsOf(arm.key.target).profiles)

const overtimeEnd = (plan: RunPlan) => plan.overtime?.deadline ?? plan.deadline

/** Where a profile phase must end, and what it keeps for the steps after it. */
export interface ProfileBudget {
  /** Clock value by which a run must be expected to end. */
  deadline: number
  /** Time kept for the steps after it (the timed rounds). */
  keepMs: number
  /** The slowest run expected: of those done so far, or an estimate before any. */
  slowest: number
}

/**
 * `profileRuns` rounds of untimed -X importtime runs over the live warm module
 * arms, then their function profiles. The first round always runs, whatever
 * the budget: it is the module set that `forbid`, the module budget and the
 * watch list are checked on, and the chains that explain them, and a gate must
 * never be skipped for want of time (a 3 s import once passed with a forbidden
 * module loaded, its profile runs skipped). Later runs start only if the
 * slowest so far would end by the deadline with `keepMs` to spare for the
 * timed rounds; the function profiles that do not fit are deferred
 * (`ProfileObservation.deferred`): the engine runs them after sampling when
 * a change was found (measure/explain.ts).
 */
export async function runProfiles(
  plan: RunPlan,
  states: ArmStates,
  deps: EngineDeps,
  budget: { keepMs: number; firstEstimateMs: number },
): Promise<{ done: number; outOfTime: boolean; slowest: number }> {
  const arms = profiledArms(states)
  for (const arm of arms) states.setProfile(arm, emptyProfile())
  if (arms.length && plan.sampling.profileRuns > 0)
    deps.onEvent?.({ phase: 'profile', runs: plan.sampling.profileRuns })
  const rounds = await importTimeRounds(arms, plan.sampling.profileRuns, plan, states, deps, {
    deadline: plan.deadline,
    keepMs: budget.keepMs,
    slowest: budget.firstEstimateMs,
  })
  let { done, outOfTime } = rounds
  if (!outOfTime && done > 0 && plan.profileFunctions !== false) {
    const functions = await runFunctionProfiles(arms, plan, states, deps, {
      deadline: plan.deadline,
      keepMs: budget.keepMs,
      slowest: rounds.slowest,
    })
    outOfTime = functions.outOfTime
    done += functions.done
  }
  for (const arm of arms) {
    const profile = states.of(arm).profile!
    if (profile.functions === undefined && profile.runs > 0 && !profile.failure)
      profile.deferred = 'budget'
  }
  if (plan.lazyImports) done += await runLazyWatches(arms, plan, states, deps)
  return { done, outOfTime, slowest: rounds.slowest }
}

/**
 * Python 3.15+: head's two untimed lazy runs per warm module arm (the import
 * as written, then with every import lazy). Like the first profile run they
 * are evidence, not refinement: they start while the overtime lasts; under
 * enforce-lazy the run as written is a gate's evidence and always runs (a
 * gate is never skipped for want of time), within the sample timeout.
 */
async function runLazyWatches(
  arms: readonly PlannedArm[],
  plan: RunPlan,
  states: ArmStates,
  deps: EngineDeps,
): Promise<number> {
  let done = 0
  const deadline = Math.max(plan.deadline, overtimeEnd(plan))
  for (const arm of arms) {
    const profile = states.of(arm).profile!
    if (arm.key.side !== 'head' || profile.runs === 0 || profile.failure) continue
    if (plan.signal?.aborted) break
    const gate = plan.enforceLazy === true
    if (!gate && deps.now() > deadline) break
    const written = await deps.runProbe(
      gate
        ? probeRequest(arm, 'lazy', plan)
        : probeRequest(arm, 'lazy', plan, deps.now(), deadline),
    )
    done++
    if (cutByBudget(written)) break
    // The headroom run is an explanation: only within the budget and its overtime.
    const all =
      deps.now() > deadline
        ? null
        : await deps.runProbe(probeRequest(arm, 'all-lazy', plan, deps.now(), deadline))
    if (all) done++
    // A failed or malformed lazy run costs only what it would have said.
    const declared = written.report?.lazy
    profile.lazy = declared
      ? {
          declared,
          allLazy:
            all && !cutByBudget(all) && all.report?.ok && all.report.lazy
              ? { importMs: all.report.import_ns / 1e6, statements: all.report.lazy }
              : null,
        }
      : null
  }
  return done
}

/**
 * Rounds of -X importtime runs of `arms` until each has `upTo` runs. A run of
 * an arm with none yet always starts (the module set is a gate's evidence);
 * others only when the slowest so far fits the budget. Costs are recomputed
 * from every run's tree.
 */
export async function importTimeRounds(
  arms: readonly PlannedArm[],
  upTo: number,
  plan: RunPlan,
  states: ArmStates,
  deps: EngineDeps,
  budget: ProfileBudget,
): Promise<{ done: number; outOfTime: boolean; slowest: number }> {
  let slowest = budget.slowest
  let done = 0
  let outOfTime = false
  rounds: for (let round = 0; round < upTo; round++) {
    for (const arm of shuffled([...arms], plan.random)) {
      if (plan.signal?.aborted) break rounds
      const profile = states.of(arm).profile!
      if (profile.failure || profile.runs > round) continue
      const first = profile.runs === 0
      if (!first && deps.now() + slowest + budget.keepMs > budget.deadline) {
        outOfTime = true
        break rounds
      }
      // Even the first run of each arm waits for no one past the overtime: with many targets it
      // is the overtime, not the number of arms, that bounds the round (their gates say "not run").
      if (first && deps.now() > Math.max(budget.deadline, overtimeEnd(plan))) {
        outOfTime = true
        break rounds
      }
      const started = deps.now()
      // The first run may use the overtime; the rest end by the deadline.
      const deadline = first ? Math.max(budget.deadline, overtimeEnd(plan)) : budget.deadline
      const run = await deps.runProbe(probeRequest(arm, 'profile', plan, deps.now(), deadline))
      if (cutByBudget(run)) {
        outOfTime = true
        break rounds
      }
      slowest = Math.max(slowest, deps.now() - started)
      done++
      if (run.failure || !run.report) {
        profile.failure = run.failure
        continue
      }
      const added = [...(run.report.added ?? [])].sort()
      if (profile.runs === 0) {
        profile.added = added
        profile.moduleCount = run.report.modules_after
      } else if (added.join('\n') !== profile.added.join('\n')) {
        profile.unstableModules = true
      }
      profile.runs++
      profile.logs.push(run.stderr)
    }
  }
  for (const arm of arms) {
    const profile = states.of(arm).profile!
    const { costs, failure } = importTimeCosts(profile.logs, arm.key.target)
    if (failure && !profile.failure) profile.failure = failure
    profile.costs = costs
  }
  return { done, outOfTime, slowest }
}

/**
 * One functions-mode run per arm that has a profile and no function profile
 * yet, each when it fits the budget (cProfile slows Python code about twice:
 * two profile runs are budgeted for one).
 */
export async function runFunctionProfiles(
  arms: readonly PlannedArm[],
  plan: RunPlan,
  states: ArmStates,
  deps: EngineDeps,
  budget: ProfileBudget,
): Promise<{ done: number; outOfTime: boolean }> {
  let done = 0
  for (const arm of shuffled([...arms], plan.random)) {
    if (plan.signal?.aborted) break
    const profile = states.of(arm).profile
    if (!profile || profile.failure || profile.runs === 0 || profile.functions !== undefined)
      continue
    if (deps.now() + 2 * budget.slowest + budget.keepMs > budget.deadline)
      return { done, outOfTime: true }
    const request = probeRequest(arm, 'functions', plan, deps.now(), budget.deadline)
    // Both sides hash alike, so set and dict orders (and the calls that
    // depend on them) are the same: call counts are what the diff compares.
    const run = await deps.runProbe({ ...request, env: { ...request.env, PYTHONHASHSEED: '0' } })
    if (cutByBudget(run)) return { done, outOfTime: true }
    done++
    // A failed or malformed functions run costs only the function-level explanation.
    profile.functions = functionProfile(run.report?.functions)
  }
  return { done, outOfTime: false }
}

/**
 * The probe's call graph, callers by name rather than by index; null when the
 * report has not got its shape (it travels on the channel the measured code
 * could write to, and must never take the run down).
 */
function functionProfile(report: FunctionsReport | null | undefined): FunctionProfile | null {
  if (!isFunctionsReport(report)) return null
  const names = report.functions.map((f) => f.name)
  return {
    functions: report.functions.map((f) => ({
      name: f.name,
      module: f.module,
      file: f.file,
      line: f.line,
      level: f.level,
      calls: f.calls,
      ms: f.ms,
      importMs: Math.min(Math.max(f.import_ms ?? 0, 0), f.ms),
      callers: f.callers.flatMap(([index, calls, ms]) =>
        names[index] === undefined ? [] : [{ name: names[index]!, calls, ms }],
      ),
    })),
    files: report.files,
  }
}
