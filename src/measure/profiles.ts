// Untimed profile runs: the import under -X importtime, for attribution
// (which module's own time, through which chain) and the set of modules it
// loads; then one run under the C profiler, for which functions import-time
// code called. Both slow the import, so they never feed the timings.
import { parseImportTime, type ImportTree } from '../analysis/importtime.js'
import { moduleCosts } from '../analysis/module-costs.js'
import type { FunctionProfile } from '../analysis/function-diff.js'
import type { ProfileObservation } from '../analysis/observations.js'
import { shuffled } from '../analysis/random.js'
import type { ArmStates } from './arm-states.js'
import { DEFAULT_VARIANT, isCommandTarget } from '../model/target.js'
import type { EngineDeps, PlannedArm, RunPlan } from './plan.js'
import { BEGIN_MARK, END_MARK, type FunctionsReport } from './probe-protocol.js'
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

/**
 * `profileRuns` rounds over the live arms, each run starting only if the
 * slowest profile run so far (or the first estimate) would end by the deadline
 * with `keepMs` to spare for the timed rounds. Returns how many runs were
 * done; every live arm gets a profile (with runs = 0 when none fitted).
 */
export async function runProfiles(
  plan: RunPlan,
  states: ArmStates,
  deps: EngineDeps,
  budget: { keepMs: number; firstEstimateMs: number },
): Promise<{ done: number; outOfTime: boolean }> {
  // Attribution comes from the warm state; other cache states are timed only.
  // Commands are timed only: no probe runs inside them to profile.
  const arms = states
    .live()
    .filter((arm) => arm.key.variant === DEFAULT_VARIANT && !isCommandTarget(arm.key.target))
  const trees = new Map<PlannedArm, ImportTree[]>(arms.map((arm) => [arm, []]))
  for (const arm of arms) states.setProfile(arm, emptyProfile())
  let slowest = budget.firstEstimateMs
  let done = 0
  let outOfTime = false
  if (arms.length && plan.sampling.profileRuns > 0)
    deps.onEvent?.({ phase: 'profile', runs: plan.sampling.profileRuns })
  rounds: for (let round = 0; round < plan.sampling.profileRuns; round++) {
    for (const arm of shuffled(arms, plan.random)) {
      if (plan.signal?.aborted) break rounds
      const profile = states.of(arm).profile!
      if (profile.failure) continue
      if (deps.now() + slowest + budget.keepMs > plan.deadline) {
        outOfTime = true
        break rounds
      }
      const started = deps.now()
      const run = await deps.runProbe(probeRequest(arm, 'profile', plan, deps.now()))
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
      trees
        .get(arm)!
        .push(parseImportTime(run.stderr, { markers: { begin: BEGIN_MARK, end: END_MARK } }))
    }
  }
  for (const [arm, list] of trees) states.of(arm).profile!.costs = moduleCosts(list)
  if (!outOfTime && done > 0) {
    // cProfile slows Python code about twice: budget two profile runs for one.
    const functions = await runFunctionProfiles(plan, states, deps, { ...budget, slowest })
    outOfTime = functions.outOfTime
    done += functions.done
  }
  return { done, outOfTime }
}

/** One functions-mode run per live arm that has a profile, when it fits the deadline. */
async function runFunctionProfiles(
  plan: RunPlan,
  states: ArmStates,
  deps: EngineDeps,
  budget: { keepMs: number; slowest: number },
): Promise<{ done: number; outOfTime: boolean }> {
  let done = 0
  for (const arm of shuffled(states.live(), plan.random)) {
    if (plan.signal?.aborted) break
    const profile = states.of(arm).profile
    if (!profile || profile.failure || profile.runs === 0) continue
    if (deps.now() + 2 * budget.slowest + budget.keepMs > plan.deadline)
      return { done, outOfTime: true }
    const request = probeRequest(arm, 'functions', plan, deps.now())
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
      callers: f.callers.flatMap(([index, calls, ms]) =>
        names[index] === undefined ? [] : [{ name: names[index]!, calls, ms }],
      ),
    })),
    files: report.files,
  }
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
const isText = (x: unknown): x is string => typeof x === 'string'
const orNull =
  <T>(check: (x: unknown) => x is T) =>
  (x: unknown) =>
    x === null || check(x)

function isFunctionsReport(value: unknown): value is FunctionsReport {
  if (typeof value !== 'object' || value === null) return false
  const { functions, files } = value as Record<string, unknown>
  if (!Array.isArray(functions) || typeof files !== 'object' || files === null) return false
  return functions.every((f: unknown) => {
    if (typeof f !== 'object' || f === null) return false
    const n = f as Record<string, unknown>
    return (
      isText(n.name) &&
      orNull(isText)(n.module) &&
      orNull(isText)(n.file) &&
      orNull(isNumber)(n.line) &&
      typeof n.level === 'boolean' &&
      isNumber(n.calls) &&
      isNumber(n.ms) &&
      Array.isArray(n.callers) &&
      n.callers.every(
        (c: unknown) => Array.isArray(c) && c.length === 3 && c.every((x: unknown) => isNumber(x)),
      )
    )
  })
}
