// The view model's shape: what every report (markdown, terminal, HTML,
// annotations) is given. view.ts builds it from a results document.
import type { DriftView } from './view-drift.js'
import type { MedianNote } from './view-medians.js'
import type { Verdict } from '../../model/verdict.js'
import type {
  DeltaJson,
  FunctionChangeJson,
  ImportTreeJson,
  ModuleChangeJson,
  PackageJson,
  ResultsDocument,
  SideResult,
  TargetError,
  TargetResult,
} from '../../results/schema.js'
import type { ModuleGroup } from '../../analysis/attribution/module-groups.js'
import type { Rich } from './headline.js'
import type { ProofNote } from './view-proof.js'
import type { UndecidedPassNote } from './view-notes.js'
import type { WatchItem } from './view-watch.js'
import type { LazyImportsItem } from './view-lazy.js'
import type { MetricRowView } from './view-rows.js'
import type { GapItem } from './gaps-text.js'
import type { Cause, ModuleCause } from './view-causes.js'

export interface ModuleChangesView {
  target: string
  /** true: now imported; false: no longer imported. */
  eager: boolean
  groups: ModuleGroup<ModuleChangeJson>[]
  /** Module names that appeared or went without an -X importtime record (aliases). */
  aliases: number
}

export interface BudgetItem {
  target: string
  on: 'time' | 'modules'
  limit: number
  actual: number
  ok: boolean
}

export interface ForbiddenItem {
  target: string
  name: string
  chain: string[]
  rule: string
  count: number
  /** Modules under the rule base loaded; absent when unknown. */
  base_count?: number
}

/** A target whose evidence fell short, with what it has so far and what would do. */
export interface ShortfallItem {
  target: string
  reason: 'too-few-pairs' | 'unsettled'

  pairs: number
  needed: number
  suggestedMaxTimeS: number | null
  /** Pairs, not time, ran out: a max-pairs likely to settle it; null otherwise. */
  suggestedMaxPairs: number | null
  /** The estimate so far, when there were pairs to estimate from. */
  delta: DeltaJson | null
}

export interface ReportView {
  command: 'measure' | 'compare'
  verdict: Verdict
  headline: Rich
  rows: MetricRowView[]
  configChanges: { key: string; base: unknown; head: unknown }[]
  newTargets: string[]
  forbidden: ForbiddenItem[]
  budgets: BudgetItem[]
  shortfalls: ShortfallItem[]
  watched: WatchItem[]
  /** What could not be explained or checked, per target, and why. */
  gaps: GapItem[]
  /** Python 3.15+: head's lazy imports (PEP 810) per target; empty before 3.15. */
  lazyImports: LazyImportsItem[]
  /** Passes whose interval still reaches past the threshold: they do not rule out a regression that size. */
  widePasses: { target: string; hiPct: number; level: number }[]
  /** Targets whose medians' change lies outside Δ's interval: which figure to read, and why. */
  medianNotes: MedianNote[]
  /** Passed undecided at the end of sampling (`undecided = "warn"`). */
  undecidedPasses: UndecidedPassNote[]
  /**
   * compare: own time by top-level package, per target with a delta; only the
   * rows worth showing, each with the cause that brought or dropped it, if one did.
   */
  packages: {
    target: string
    /** cause: what brought or dropped the package; lead: its module that did. */
    rows: (PackageJson & { cause: { cause: ModuleCause; lead: string } | null })[]
  }[]
  moduleChanges: ModuleChangesView[]
  /** compare: what explains the changes, merged across targets, the largest first. */
  causes: Cause[]
  /** The headline's cause is the own time of the project's modules: Why says so first. */
  ownTimeLeads: boolean
  errors: { target: string; error: TargetError }[]
  /** compare: repository files of the modules shown, per target (for links to their lines). */
  sources: Record<string, NonNullable<TargetResult['sources']>>
  /** compare: functions import-time code calls more or less often, per target with any. */
  functions: { target: string; changes: readonly FunctionChangeJson[] }[]
  /** compare: largest changes of own -X importtime time, per target with a delta. */
  selfTime: { target: string; changes: NonNullable<TargetResult['modules']>['self_time_changes'] }[]
  /** measure: the slowest modules by own time, per target. */
  slowest: {
    target: string
    runs: number
    unstable: boolean
    modules: SideResult['profile']['slowest']
  }[]
  moduleCounts: { target: string; base: SideResult | null; head: SideResult }[]
  dependencies: { name: string; base: string | null; head: string | null }[]
  run: RunFacts
  /** compare: nothing was measured, since no changed file can affect importing. */
  skipped: { count: number; files: string[]; affects: string[] } | null
  /** `importgate drift`: the reference, the commits since and the bisection; null for a compare. */
  drift: DriftView | null
  /** compare: what the proof said of each target it was tried for (view-proof.ts). */
  proofs: ProofNote[]
  /** Each target's -X importtime tree on each side, where recorded: the HTML report's icicles. */
  importTrees: { target: string; base: ImportTreeJson | null; head: ImportTreeJson | null }[]
}

/** How the run was made: the footer and "How this was measured". */
export interface RunFacts {
  python: string
  platform: string
  base: ResultsDocument['base']
  head: ResultsDocument['head']
  rounds: number
  /** Warm-up rounds run (the setting in documents that predate the count). */
  warmupRounds: number
  /** The cores timed rounds took turns on; null: unpinned; undefined: the document predates it. */
  pinnedCores?: number[] | null
  /** Up to `most` timed rounds side by side, `rounds` of them did; absent: one at a time. */
  sideBySide?: { most: number; rounds: number }
  truncated: boolean
  durationS: number
  /** "install 12.1 s, warm-ups 3.2 s, profile runs 6.5 s, sampling 103 s"; empty in older files. */
  phases: string
  /** Seconds of the proof's tracing (null when none was tried). */
  proofS: number | null
  /** Seconds of sampling (null in files without phases). */
  samplingS: number | null
  version: string
  settings: ResultsDocument['settings']
  /** How the sides were installed, in words (install-text.ts); null when nothing was, or not recorded. */
  install: string | null
  /** Who ran the measured code: the separate user, or null and what that left out; absent when not recorded. */
  boundary?: { user: string | null; missing?: string }
}
