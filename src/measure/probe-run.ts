// From a planned arm to a probe request, and from a probe run to a sample.
import { PRIMARY_METRIC, SAMPLE_METRICS, type Sample } from '../model/metrics.js'
import type { PlannedArm, RunPlan } from './plan.js'
import type { ProbeMode } from './probe-protocol.js'
import { OUT_OF_TIME, type ProbeRequest, type ProbeRun } from './run-probe.js'

/**
 * The request for one run of `arm`. Given the clock's `now`, the run may not
 * outlast the deadline: a hanging import under `--max-time 20` is stopped at
 * 20 s, not at the sample timeout (never below a second, so a run started
 * just before the deadline can still end). Runs in overtime are cut at its end instead.
 */
export function probeRequest(
  arm: PlannedArm,
  mode: ProbeMode,
  plan: RunPlan,
  now?: number,
  deadline = plan.deadline,
): ProbeRequest {
  const timeoutMs =
    now === undefined
      ? plan.sampling.sampleTimeoutMs
      : Math.min(plan.sampling.sampleTimeoutMs, Math.max(1_000, deadline - now))
  return {
    python: arm.python,
    probe: arm.probe,
    target: arm.key.target,
    mode,
    env: arm.env,
    cwd: plan.cwd,
    timeoutMs,
    budgetCut: timeoutMs < plan.sampling.sampleTimeoutMs,
    ...(mode === 'time' && arm.cache ? { cache: arm.cache } : {}),
  }
}

/** The run was stopped by the time budget, not by the sample timeout: out of time, not a failure of the import. */
export const cutByBudget = (run: ProbeRun): boolean => run.failure?.kind === OUT_OF_TIME

/** The sample metrics read from a report's own fields: all but the primary figure. */
const OTHER_SAMPLE_METRICS = SAMPLE_METRICS.filter((m) => m.id !== PRIMARY_METRIC)

/** A completed timed run as a sample; the caller has checked that it reported. */
export function toSample(run: ProbeRun): Sample {
  const report = run.report!
  // Each other sample metric from the report's field its table entry names
  // (parseProbeReport has checked each is a number or null).
  const fields: Readonly<Record<string, unknown>> = { ...report }
  const values = Object.fromEntries(
    OTHER_SAMPLE_METRICS.map((m) => {
      const raw = fields[m.probe.field]
      return [m.id, typeof raw === 'number' ? raw / m.probe.per : null]
    }),
  )
  return {
    importMs: report.import_ns / 1e6,
    wallMs: run.wallMs,
    startupMs: run.startupMs,
    moduleCount: report.modules_after,
    modulesAdded: report.modules_after - report.modules_before,
    values,
  }
}
