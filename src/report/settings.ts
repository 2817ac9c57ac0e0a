import type { SamplingConfig } from '../config/sampling.js'
import type { GateConfig } from '../config/settings.js'

/** The sampling settings as the results document records them. */
export function samplingSettings(s: SamplingConfig): Record<string, number> {
  return {
    warmups: s.warmups,
    min_pairs: s.minPairs,
    max_pairs: s.maxPairs,
    max_time_s: s.maxTimeMs / 1000,
    sample_timeout_s: s.sampleTimeoutMs / 1000,
    profile_runs: s.profileRuns,
    seed: s.seed,
  }
}

/** The gate settings as the results document records them. */
export function gateSettings(g: GateConfig): Record<string, unknown> {
  return {
    threshold_pct: g.thresholdPct,
    min_delta_ms: g.minDeltaMs,
    alpha: g.alpha,
    max_modules: g.maxModules,
    forbid: g.forbid,
    budgets_ms: g.budgetsMs,
  }
}
