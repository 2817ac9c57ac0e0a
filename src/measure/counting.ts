// Runs under a counting tool, for the counted metrics (instructions,
// fs-calls): a few rounds over the arms, base and head interleaved, after the
// timed samples, within a budget of their own. The counts are nearly
// deterministic, so a few runs settle what hundreds of timed ones cannot;
// they never feed the timings (the tools slow the run down).
import type { CountedRuns } from '../analysis/verdict/observations.js'
import { shuffled } from '../analysis/stats/random.js'
import type { ArmStates } from './arm-states.js'
import { DEFAULT_VARIANT, traitsOf } from '../model/target.js'
import type { CounterSpec } from './counters.js'
import type { EngineDeps, PlannedArm, RunPlan } from './plan.js'
import type { ProbeMode } from './probe-protocol.js'
import { cutByBudget } from './probe-run.js'

function request(
  arm: PlannedArm,
  mode: ProbeMode,
  counter: CounterSpec,
  plan: RunPlan,
  now: number,
  deadline: number,
) {
  const ownTimeout = plan.sampling.sampleTimeoutMs * counter.slowdown
  const timeoutMs = Math.min(ownTimeout, Math.max(1_000, deadline - now))
  return {
    python: arm.python,
    probe: arm.probe,
    target: arm.key.target,
    mode,
    // Both sides hash alike: set and dict orders, and the work that depends on them, agree.
    env: { ...arm.env, PYTHONHASHSEED: '0' },
    cwd: plan.cwd,
    timeoutMs,
    budgetCut: timeoutMs < ownTimeout,
    counter,
  }
}

/**
 * Each counter's rounds over the arms that have not failed, up to `parallel`
 * runs at a time (a count does not depend on the load; nothing is timed
 * meanwhile). A run starts only if the slowest so far would end within the
 * phase's budget; an arm whose run fails (or whose tool printed no count)
 * keeps what it has and says why.
 */
export async function runCounts(plan: RunPlan, states: ArmStates, deps: EngineDeps): Promise<void> {
  const counting = plan.counting
  if (!counting?.counters.length) return
  const deadline = deps.now() + counting.budgetMs
  let slowest = 0
  let done = 0
  // Counts do not depend on the cache state: the warm arms are counted (module targets: the probe marks the import).
  const arms = plan.arms.filter(
    (arm) =>
      !states.of(arm).failure &&
      arm.key.variant === DEFAULT_VARIANT &&
      traitsOf(arm.key.target).countedRuns,
  )
  let spent = false
  const outOfTime = (runs: CountedRuns) =>
    `out of time: ${runs.runs.length} of ${counting.runs} runs fitted the counting budget`
  // The cheaper tools first: strace's count must not wait behind cachegrind's budget.
  for (const counter of [...counting.counters].sort((a, b) => a.slowdown - b.slowdown)) {
    deps.onEvent?.({
      phase: 'count',
      metric: counter.metric,
      tool: counter.label,
      runs: counting.runs,
    })
    const runsOf = new Map<PlannedArm, CountedRuns>()
    for (const arm of arms) {
      const runs: CountedRuns = { tool: counter.label, runs: [], empty: [], failure: null, ms: 0 }
      runsOf.set(arm, runs)
      ;(states.of(arm).counted ??= {})[counter.metric] = runs
    }
    if (spent) {
      for (const r of runsOf.values()) r.failure = 'not run: the counting budget was spent'
      continue
    }
    // Start-up is as deterministic as the import: one empty run an arm is enough to take off.
    const modesOf = (round: number): ProbeMode[] =>
      counter.subtractEmpty && round === 0 ? ['empty', 'count'] : ['count']
    const jobs: { arm: PlannedArm; mode: ProbeMode }[] = []
    for (let round = 0; round < counting.runs; round++)
      for (const arm of shuffled(arms, plan.random))
        for (const mode of modesOf(round)) jobs.push({ arm, mode })
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < jobs.length && !spent) {
        const { arm, mode } = jobs[next++]!
        const runs = runsOf.get(arm)!
        if (runs.failure) continue
        if (plan.signal?.aborted) return
        if (deps.now() + slowest > deadline) {
          spent = true
          for (const r of runsOf.values()) r.failure ??= outOfTime(r)
          deps.onEvent?.({ phase: 'out-of-time', step: 'counted runs', done })
          return
        }
        const started = deps.now()
        const run = await deps.runProbe(request(arm, mode, counter, plan, started, deadline))
        const took = deps.now() - started
        slowest = Math.max(slowest, took)
        runs.ms += took
        done++
        if (runs.failure) continue
        if (cutByBudget(run)) runs.failure = outOfTime(runs)
        else if (run.failure || !run.count)
          runs.failure = run.failure
            ? `${run.failure.kind}: ${run.failure.message}`
            : `${counter.label} printed no count`
        else if (mode === 'empty') runs.empty.push(run.count.value)
        else {
          runs.runs.push(run.count.value)
          runs.byCall ??= run.count.byCall
        }
      }
    }
    const workers = Math.max(1, Math.min(counting.parallel, jobs.length))
    await Promise.all(Array.from({ length: workers }, worker))
  }
}
