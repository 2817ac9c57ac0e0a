import type { SamplingConfig } from '../config/sampling.js'

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
