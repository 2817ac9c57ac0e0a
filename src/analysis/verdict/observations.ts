// What the measurement engine hands to evaluation: per arm, the samples, the
// failure that stopped it, and the profile runs. Data
// only; the engine in measure/ fills it, evaluate() reads it.
import type { ImportFailure } from '../../model/failure.js'
import { readPrimary, type CountedMetricId, type Sample } from '../../model/metrics.js'
import { groupId, type ArmKey, type Side } from '../../model/target.js'
import type { FunctionProfile } from '../attribution/function-diff.js'
import type { LazyObservation } from '../attribution/lazy.js'
import type { ModuleCost } from '../attribution/module-costs.js'

/** Untimed -X importtime runs of one arm (they are slower than timed ones and never feed timings). */
export interface ProfileObservation {
  /** Profile runs that completed. */
  runs: number
  /** Modules the import added to sys.modules, sorted (from the first run). */
  added: string[]
  /** len(sys.modules) after the import. */
  moduleCount: number
  /** True when runs disagreed on which modules were loaded. */
  unstableModules: boolean
  costs: Map<string, ModuleCost>
  /** The raw stderr of each run, -X importtime lines and all. */
  logs: string[]
  /** The functions import-time code called, from one cProfile run; null or absent when none ran. */
  functions?: FunctionProfile | null
  /** Python 3.15+: head's lazy runs (analysis/attribution/lazy.ts); null when they failed, absent when not run. */
  lazy?: LazyObservation | null
  failure: ImportFailure | null
  /**
   * Why the function profile did not run, when it did not: it did not fit the
   * budget before sampling, and after sampling either no change was found to
   * explain (`no-change`) or the explanation's own budget did not fit it
   * (`budget`). Absent when it ran (or was never due).
   */
  deferred?: 'budget' | 'no-change'
}

/** The runs of one arm under a counting tool (a counted metric: instructions, fs-calls). */
export interface CountedRuns {
  /** What counted, as the report says it: "perf stat (instructions:u), no ASLR". */
  tool: string
  /** One figure per run that counted: the whole process, or between the probe's markers. */
  runs: number[]
  /** Runs that only start the interpreter and the probe; taken off `runs` when present. */
  empty: number[]
  /** fs-calls: calls per system call, of the first run. */
  byCall?: Record<string, number>
  /** Why counting stopped short of the runs planned, or null. */
  failure: string | null
  /** How long this arm's runs took, all told. */
  ms: number
}

export interface ArmObservation {
  key: ArmKey
  /** Timed samples of the first batch, in round order (pairs line up across a group's arms). */
  samples: Sample[]
  /** Why the arm stopped early, or null. */
  failure: ImportFailure | null
  profile: ProfileObservation | null
  /** The counted metrics asked for, after the timed samples. */
  counted?: Partial<Record<CountedMetricId, CountedRuns>>
}

export interface Observations {
  arms: ArmObservation[]
  /** Rounds of timed samples run in the first batch. */
  rounds: number
  /** Warm-up rounds run: fewer than configured when the budget left no room for more. */
  warmups?: number
  /** The cores the timed rounds took turns on (both runs of a round on one), or null: unpinned. */
  pinnedCores?: number[] | null
  /**
   * Where up to `lanes` timed rounds could run at once (each on its own core,
   * while nothing else used the CPUs): how many rounds ran beside another.
   * Absent: one round at a time.
   */
  alongside?: { lanes: number; rounds: number }
  /** How long each phase took (sampling includes any overtime). */
  phasesMs?: {
    warmup: number
    profile: number
    sampling: number
    /** The deferred profile runs after sampling, when a change was found to explain. */
    explain?: number
    counting?: number
    /** compare: the proof's traced imports, before anything was timed. */
    proof?: number
  }
  /** The time budget ended sampling before the minimum number of rounds. */
  truncated: boolean
}

/** The arm of `target` on `side`, if the plan had one. */
export function armOf(
  arms: readonly ArmObservation[],
  side: Side,
  target: string,
  variant: string,
): ArmObservation | null {
  return (
    arms.find((a) => a.key.side === side && a.key.target === target && a.key.variant === variant) ??
    null
  )
}

/** Base and head arms of one target and variant, as pairs line up. */
export function pairOf(
  arms: readonly ArmObservation[],
  target: string,
  variant: string,
): { base: ArmObservation | null; head: ArmObservation | null } {
  return { base: armOf(arms, 'base', target, variant), head: armOf(arms, 'head', target, variant) }
}

/** The primary metric of each sample: what stopping goes by. */
export const primaryTimes = (samples: readonly Sample[]): number[] => samples.map(readPrimary)

/** Each group with both a base and a head arm (see groupId), in head order. */
export function comparedGroups(
  arms: readonly ArmObservation[],
): { group: string; base: ArmObservation; head: ArmObservation }[] {
  return arms.flatMap((head) => {
    if (head.key.side !== 'head') return []
    const group = groupId(head.key)
    const base = arms.find((a) => a.key.side === 'base' && groupId(a.key) === group)
    return base ? [{ group, base, head }] : []
  })
}
