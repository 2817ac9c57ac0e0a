// From a planned arm to a probe request, and from a probe run to a sample.
import type { Sample } from '../model/metrics.js'
import type { PlannedArm, RunPlan } from './plan.js'
import type { ProbeMode } from './probe-protocol.js'
import type { ProbeRequest, ProbeRun } from './run-probe.js'

export function probeRequest(arm: PlannedArm, mode: ProbeMode, plan: RunPlan): ProbeRequest {
  return {
    python: arm.python,
    probe: arm.probe,
    target: arm.key.target,
    mode,
    env: arm.env,
    cwd: plan.cwd,
    timeoutMs: plan.sampling.sampleTimeoutMs,
  }
}

/** A completed timed run as a sample; the caller has checked that it reported. */
export function toSample(run: ProbeRun): Sample {
  const report = run.report!
  return {
    importMs: report.import_ns / 1e6,
    cpuMs: report.import_cpu_ns / 1e6,
    wallMs: run.wallMs,
    startupMs: run.startupMs,
    moduleCount: report.modules_after,
    modulesAdded: report.modules_after - report.modules_before,
  }
}
