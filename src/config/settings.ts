// What a run is asked to do, wherever it was said: flags, action inputs or
// [tool.importgate]. Each source yields a partial SettingsInput; resolve()
// merges them, first given wins, over the defaults.
import { randomSeed } from '../analysis/random.js'
import type { InstallSpec } from '../env/install-spec.js'
import { UsageError } from './errors.js'
import type { SamplingConfig } from './sampling.js'

export interface GateConfig {
  /** Relative change (percent) below which nothing is a regression or an improvement. */
  thresholdPct: number
  /** Absolute change (ms) below which nothing is a regression or an improvement. */
  minDeltaMs: number
  /** One-sided significance level. */
  alpha: number
  /** Budget on len(sys.modules) after importing any target; null for none. */
  maxModules: number | null
  /** Modules no target may import (a name forbids its submodules too). */
  forbid: string[]
  /** Budget on a target's median import time, in ms. */
  budgetsMs: Record<string, number>
}

export interface SettingsInput {
  targets?: string[]
  install?: InstallSpec
  thresholdPct?: number
  minDeltaMs?: number
  alpha?: number
  maxModules?: number
  forbid?: string[]
  budgetsMs?: Record<string, number>
  warmups?: number
  minPairs?: number
  maxPairs?: number
  maxTimeMs?: number
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
  maxPairs: 200,
  maxTimeMs: 120_000,
  sampleTimeoutMs: 60_000,
  profileRuns: 3,
}

export interface Resolved {
  gate: GateConfig
  sampling: SamplingConfig
  install: InstallSpec | undefined
}

/** Merges sources (earlier wins) over the defaults and checks what spans several settings. */
export function resolve(...sources: SettingsInput[]): Resolved {
  const pick = <K extends keyof SettingsInput>(key: K): SettingsInput[K] =>
    sources.find((s) => s[key] !== undefined)?.[key]
  const minPairs = pick('minPairs') ?? DEFAULTS.minPairs
  const maxPairs = pick('maxPairs') ?? Math.max(minPairs, DEFAULTS.maxPairs)
  if (maxPairs < minPairs)
    throw new UsageError(`max-pairs ${maxPairs} is less than min-pairs ${minPairs}`)
  return {
    gate: {
      thresholdPct: pick('thresholdPct') ?? DEFAULTS.thresholdPct,
      minDeltaMs: pick('minDeltaMs') ?? DEFAULTS.minDeltaMs,
      alpha: pick('alpha') ?? DEFAULTS.alpha,
      maxModules: pick('maxModules') ?? null,
      forbid: pick('forbid') ?? [],
      budgetsMs: pick('budgetsMs') ?? {},
    },
    sampling: {
      warmups: pick('warmups') ?? DEFAULTS.warmups,
      minPairs,
      maxPairs,
      maxTimeMs: pick('maxTimeMs') ?? DEFAULTS.maxTimeMs,
      sampleTimeoutMs: pick('sampleTimeoutMs') ?? DEFAULTS.sampleTimeoutMs,
      profileRuns: pick('profileRuns') ?? DEFAULTS.profileRuns,
      seed: pick('seed') ?? randomSeed(),
    },
    install: pick('install'),
  }
}

/** A budget naming something that is not a target is a typo until proven otherwise. */
export function checkBudgets(gate: GateConfig, targets: string[], source: string): void {
  for (const name of Object.keys(gate.budgetsMs)) {
    if (!targets.includes(name)) {
      throw new UsageError(
        `${source}: budgets names "${name}", which is not a target; the targets are ${targets.map((t) => `"${t}"`).join(', ')}`,
      )
    }
  }
}
