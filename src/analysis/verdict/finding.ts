// What evaluate decides about a target, per variant and metric: the shape the
// results file records and the reports show. Types only.
import type { LazyFinding } from '../attribution/lazy.js'
import type { ImportFailure } from '../../model/failure.js'
import type { CountedMetricId, MetricId, Sample } from '../../model/metrics.js'
import type { Side, Variant } from '../../model/target.js'
import type { Verdict } from '../../model/verdict.js'
import type { CountedComparison } from './counted-compare.js'
import type { FunctionChange } from '../attribution/function-diff.js'
import type { BudgetStatus, ForbiddenHit } from './gate.js'
import type { ModuleDiff } from '../attribution/module-diff.js'
import type { ProfileObservation } from './observations.js'
import type { Outcome, PairedComparison } from '../stats/paired-compare.js'
import type { PackageRow } from '../attribution/package-rollup.js'
import type { Shortfall } from './shortfall.js'
import type { ModuleSource } from '../attribution/source-paths.js'
import type { WatchFinding } from './watch.js'
import type { ExplanationGap } from './explanation-gaps.js'
import type { Proof } from './proof.js'
import type { UndecidedPass } from './end-of-budget.js'

/** One side of a target as the findings see it: every sample and the profile. */
export interface SideFinding {
  samples: Sample[]
  profile: ProfileObservation | null
  medianMs: number
  /** len(sys.modules) after the import. */
  moduleCount: number
  /** The counted metrics asked for: each run's count of the import alone, and how it was counted. */
  counted?: Partial<Record<CountedMetricId, CountedSide>>
}

export interface CountedSide {
  counts: number[]
  tool: string
  byCall?: Record<string, number>
  failure: string | null
  ms: number
}

export interface MetricFinding {
  metric: MetricId
  /** Whether this metric's outcome decides the verdict. */
  gating: boolean
  /** compare: what the statistics say (a counted metric may be inconclusive); measure: always pass. */
  outcome: Outcome | 'inconclusive'
  /** compare, a counted metric: both sides' counts and what they say. */
  counted?: CountedComparison | null
  /** compare: base against head over every pair, with the sequential procedure's decision; null for measure or without samples. */
  comparison: PairedComparison | null
}

export interface TargetFinding {
  target: string
  variant: Variant
  /** compare: a target only head's configuration lists, or a module base does not have: measured on head alone. */
  isNew: boolean
  /** compare: a module head removed and no longer lists as a target: not measured, not a failure. */
  gone?: boolean
  base: SideFinding | null
  head: SideFinding | null
  /** Primary metric first. Empty when the target could not be measured. */
  metrics: MetricFinding[]
  /** compare: modules now imported or no longer imported, and whose own time moved. */
  modules: ModuleDiff | null
  /** compare: own time by top-level package, base against head. */
  packages: PackageRow[] | null
  /** compare: functions import-time code now calls more or less; null when either side was not profiled. */
  functions: FunctionChange[] | null
  /** compare: repository files of the modules shown, filled in by the command (it reads the worktrees). */
  sources?: Record<string, ModuleSource>
  forbidden: ForbiddenHit[]
  budget: BudgetStatus
  /** The watched modules, in the order configured. */
  watched: WatchFinding[]
  error: (ImportFailure & { side: Side }) | null
  /** What the report cannot explain or check, and why (absent: nothing). */
  gaps?: ExplanationGap[]
  /** Python 3.15+: head's lazy imports (PEP 810), from its two untimed lazy runs; absent before 3.15. */
  lazy?: LazyFinding
  /**
   * compare: the proof tried before timing, and whether it decided this row
   * (it holds, and this cache state's work cannot have changed); absent when
   * none was tried (a command target, a new one, the proof turned off).
   */
  proof?: Proof & { decided: boolean }
  /**
   * compare, `undecided = "warn"`: sampling ended undecided, and the pass
   * interval ruled out twice the band, so the target passed with a warning.
   */
  undecidedPass?: UndecidedPass
  /** Set when the evidence fell short: the verdict is then inconclusive, never a pass. */
  shortfall: Shortfall | null
  verdict: Verdict
}
