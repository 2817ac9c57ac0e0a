// What a run is asked to do, once every source (flags or action inputs,
// [tool.importgate], defaults) is merged. Types only: parsing is in config/.
import type { MetricId } from './metrics.js'
import type { Variant } from './target.js'

/** When a change counts: all three must hold for a regression (or, mirrored, an improvement). */
export interface Thresholds {
  /** Relative change (percent) below which nothing is a regression or an improvement. */
  thresholdPct: number
  /** Absolute change (ms) below which nothing is a regression or an improvement. */
  minDeltaMs: number
  /** One-sided significance level. */
  alpha: number
}

/** Everything that decides a verdict beyond the measurements. */
export interface Gate extends Thresholds {
  /** Relative change of instruction counts (percent) below which they are no change; counts need no noise allowance. */
  instructionsThresholdPct: number
  /** Budget on len(sys.modules) after importing any target; null for none. */
  maxModules: number | null
  /** Modules no target may import (a name forbids its submodules too). */
  forbid: string[]
  /** Budget on a target's median import time, in ms. */
  budgetsMs: Record<string, number>
  /**
   * Python 3.15+ (PEP 810): a module the project declares lazy that the import
   * loads anyway fails the check (verdict forbidden); otherwise a warning.
   */
  enforceLazy: boolean
}

export interface Sampling {
  warmups: number
  /** Samples per target (measure) or pairs per target (compare): at least, at most. */
  minPairs: number
  maxPairs: number
  /** Budget for warm-ups, profiles and samples; installs are not counted. */
  maxTimeMs: number
  /**
   * compare: time a run may take past maxTimeMs, in which only the undecided
   * targets sample on (the sequential procedure's intervals hold wherever it stops).
   */
  overtimeMs: number
  sampleTimeoutMs: number
  profileRuns: number
  seed: number
}

/** How each side's environment is made. */
export type InstallSpec =
  | { kind: 'auto' }
  | { kind: 'none' }
  /** measure only: the interpreter's environment as it is. */
  | { kind: 'current' }
  | { kind: 'pip' }
  | { kind: 'uv' }
  /** The user's own workflow text, run by /bin/sh in the worktree with the venv activated. */
  | { kind: 'command'; command: string }

export type InstallMode = Exclude<InstallSpec['kind'], 'command'>

/** The modes each command accepts: compare has no "current" (the worktrees have no environment). */
export const INSTALL_MODES = {
  measure: ['none', 'current', 'auto', 'pip', 'uv'],
  compare: ['auto', 'none', 'pip', 'uv'],
} as const satisfies Record<string, readonly InstallMode[]>

export const ALL_INSTALL_MODES: readonly InstallMode[] = ['auto', 'none', 'current', 'pip', 'uv']

export interface Settings {
  gate: Gate
  sampling: Sampling
  install: InstallSpec | undefined
  /** Metrics reported, primary first; a metric fails the check only if its table entry gates. */
  metrics: MetricId[]
  /** Modules each report tracks by name: loaded or not on each side, whatever grouping does. */
  watch: string[]
  /** The cache states each target is measured in, warm first; each its own row. */
  cache: Variant[]
  /** compare: globs of the changed files that can affect importing; none changed, nothing is measured. */
  affects: string[]
}
