// What a run is asked to do, wherever it was said: flags, action inputs or
// [tool.importgate]. Each source yields a PartialSettings; resolveSettings()
// merges them, first given wins, over the defaults. Pure: the seed for a run
// that names none is drawn by the caller.
import { DEFAULT_AFFECTS } from '../analysis/verdict/affects.js'
import { UsageError } from '../model/errors.js'
import { METRIC_IDS, METRICS, PRIMARY_METRIC, type MetricId } from '../model/metrics.js'
import type { InstallSpec, Settings } from '../model/settings.js'
import { VARIANTS, type Variant } from '../model/target.js'

/** What one source (the flags, the action's inputs, a pyproject.toml) says. */
export interface PartialSettings {
  targets?: string[]
  install?: InstallSpec
  thresholdPct?: number
  instructionsThresholdPct?: number
  minDeltaMs?: number
  alpha?: number
  maxModules?: number
  forbid?: string[]
  enforceLazy?: boolean
  budgetsMs?: Record<string, number>
  metrics?: MetricId[]
  watch?: string[]
  cache?: Variant[]
  affects?: string[]
  warmups?: number
  minPairs?: number
  maxPairs?: number
  maxTimeMs?: number
  overtimeMs?: number
  sampleTimeoutMs?: number
  profileRuns?: number
  seed?: number
}

export const DEFAULTS = {
  // From bench/RESULTS.md: 3% and 0.5 ms catch 5% slowdowns without false
  // alarms in A/A runs on a noisy 2-core machine.
  thresholdPct: 3,
  minDeltaMs: 0.5,
  alpha: 0.01,
  warmups: 3,
  minPairs: 20,
  maxPairs: 2000,
  maxTimeMs: 120_000,
  // Overtime, unless set: twice the budget, so it scales with what the user
  // chose to spend (a --max-time 10 run does not go on for minutes). At 120 s a
  // 2-3 s import gets the ~60 pairs a real +10% needs on a noisy 2-core runner (bench/SLOW.md).
  overtimeRatio: 2,
  sampleTimeoutMs: 60_000,
  // Five, not three: own-time changes are listed only where they exceed the
  // runs' spread, and three runs give a crude spread. -X importtime itself
  // adds 3-9% to an import (sympy +3%, rich.console +9% here), more with
  // more modules, so the timed samples cannot double as profile runs.
  profileRuns: 5,
  metrics: [PRIMARY_METRIC] as MetricId[],
}

/** Merges sources (earlier wins) over the defaults and checks what spans several settings. */
export function resolveSettings(sources: PartialSettings[], seed: number): Settings {
  const pick = <K extends keyof PartialSettings>(key: K): PartialSettings[K] =>
    sources.find((s) => s[key] !== undefined)?.[key]
  const minPairs = pick('minPairs') ?? DEFAULTS.minPairs
  const maxPairs = pick('maxPairs') ?? Math.max(minPairs, DEFAULTS.maxPairs)
  // The two may come from different places (a flag and pyproject), so the
  // message names the setting, not one source.
  if (maxPairs < minPairs)
    throw new UsageError(`max-pairs ${maxPairs} is less than min-pairs ${minPairs}`)
  const maxTimeMs = pick('maxTimeMs') ?? DEFAULTS.maxTimeMs
  const chosen = pick('metrics') ?? DEFAULTS.metrics
  // The primary metric is always measured: budgets and the stopping rule use it.
  const metrics = METRIC_IDS.filter((id) => id === PRIMARY_METRIC || chosen.includes(id))
  return {
    gate: {
      thresholdPct: pick('thresholdPct') ?? DEFAULTS.thresholdPct,
      minDeltaMs: pick('minDeltaMs') ?? DEFAULTS.minDeltaMs,
      instructionsThresholdPct:
        pick('instructionsThresholdPct') ?? METRICS.instructions.thresholdPct,
      alpha: pick('alpha') ?? DEFAULTS.alpha,
      maxModules: pick('maxModules') ?? null,
      forbid: pick('forbid') ?? [],
      enforceLazy: pick('enforceLazy') ?? false,
      budgetsMs: pick('budgetsMs') ?? {},
    },
    sampling: {
      warmups: pick('warmups') ?? DEFAULTS.warmups,
      minPairs,
      maxPairs,
      maxTimeMs,
      overtimeMs: pick('overtimeMs') ?? DEFAULTS.overtimeRatio * maxTimeMs,
      sampleTimeoutMs: pick('sampleTimeoutMs') ?? DEFAULTS.sampleTimeoutMs,
      profileRuns: pick('profileRuns') ?? DEFAULTS.profileRuns,
      seed: pick('seed') ?? seed,
    },
    install: pick('install'),
    metrics,
    watch: pick('watch') ?? [],
    // Warm always (the main row: headlines, causes and budgets go by it), and
    // in a fixed order, so the rows read the same whatever order was written.
    cache: VARIANTS.filter((v) => v === 'warm' || (pick('cache') ?? []).includes(v)),
    affects: pick('affects') ?? [...DEFAULT_AFFECTS],
  }
}

/** A budget naming something that is not a target is a typo until proven otherwise. */
export function checkBudgets(
  budgetsMs: Record<string, number>,
  targets: string[],
  source: string,
): void {
  for (const name of Object.keys(budgetsMs)) {
    if (!targets.includes(name)) {
      throw new UsageError(
        `${source}: budgets names "${name}", which is not a target; the targets are ${targets.map((t) => `"${t}"`).join(', ')}`,
      )
    }
  }
}
