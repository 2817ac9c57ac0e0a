import type { Settings } from '../model/settings.js'
import type { SettingsJson } from './schema.js'

/** The settings as the results document records them. */
export function settingsJson(
  settings: Settings,
  where: { install: string; python: string; projectDir: string; coldMethod?: string },
): SettingsJson {
  const { gate: g, sampling: s } = settings
  return {
    install: where.install,
    python: where.python,
    project_dir: where.projectDir,
    threshold_pct: g.thresholdPct,
    instructions_threshold_pct: g.instructionsThresholdPct,
    min_delta_ms: g.minDeltaMs,
    alpha: g.alpha,
    max_modules: g.maxModules,
    forbid: g.forbid,
    enforce_lazy: g.enforceLazy,
    budgets_ms: g.budgetsMs,
    metrics: settings.metrics,
    affects: settings.affects,
    cache: settings.cache,
    ...(where.coldMethod ? { cold_method: where.coldMethod } : {}),
    warmups: s.warmups,
    min_pairs: s.minPairs,
    max_pairs: s.maxPairs,
    max_time_s: s.maxTimeMs / 1000,
    overtime_s: s.overtimeMs / 1000,
    sample_timeout_s: s.sampleTimeoutMs / 1000,
    profile_runs: s.profileRuns,
    seed: s.seed,
  }
}
