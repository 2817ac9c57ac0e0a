// The results document's explanations (schema.ts holds the document): how
// each side's measurements differ, module by module and function by function.
import type { Mechanism } from '../analysis/attribution/import-mechanism.js'
import type { MetricId, MetricUnit } from '../model/metrics.js'
import type { Side } from '../model/target.js'
export interface DeltaJson {
  /** Hodges-Lehmann estimate of the paired differences head − base, in ms. */
  ms: number
  /** The sequential procedure's estimate of the change (the median of the pairs' log-ratios), as a percentage. */
  pct: number
  /** Its time-uniform interval at ci_level (1 − 2α: one-sided α on each side); null before the fewest pairs that can bound it. */
  ci_pct: [number, number] | null
  ci_level: number
  /**
   * The interval a pass is decided on, at pass_ci_level (one-sided β on each
   * side): a pass has it inside the band. Absent in files written before it.
   */
  pass_ci_pct?: [number, number] | null
  pass_ci_level?: number
  /** Always-valid one-sided p-value against "no change", in the direction of the estimate. */
  p: number
  p_slower: number
  p_faster: number
  pairs: number
  /** What the sequential procedure decided over these pairs (absent in files written before it). */
  decision?: 'regression' | 'improvement' | 'pass' | 'undecided'
  /** Read, never written: files of the block-median procedure that came before the signs' carry it. */
  block_pairs?: number
  /**
   * Files written before the sequential procedure: the fresh batch that
   * confirmed (or did not) a flagged change. Read, never written.
   */
  confirmation?: {
    pairs: number
    p: number
    confirmed: boolean | null
    batches?: number
    planned?: number
  } | null
}

export interface ModuleChangeJson {
  name: string
  /** The imports that first loaded it; empty when -X importtime never saw it load (an alias set in sys.modules directly). */
  chain: string[]
  self_ms: number
  cumulative_ms: number
  /**
   * cumulative_ms less the modules loaded on both sides that it happened to
   * load first: what it and the changed modules under it cost. Absent: the same as cumulative_ms.
   */
  group_ms?: number
  /**
   * Removed modules only, where the importer's source says how it stopped
   * loading this one: the mechanism and its line (base's for import-removed,
   * head's otherwise). Absent where it does not.
   */
  how?: ImportMechanismJson
}

export interface ImportMechanismJson {
  mechanism: Mechanism
  /** The module whose source changed (loaded on both sides). */
  importer: string
  side: Side
  /** In the repository; null for a dependency's file. */
  path: string | null
  line: number
  /** function and module-getattr: the function the import is in. */
  function: string | null
  /**
   * made-eager: how base's importer kept it from loading, at its line in base.
   * import-added: where another module of base had an import of it that did
   * not run at import (`importer`, its file in `path`).
   */
  before?: {
    mechanism: Mechanism
    line: number
    function: string | null
    importer?: string
    path?: string | null
  }
}

export interface ModulesJson {
  /** Loaded in head, not base: now eager. */
  added: ModuleChangeJson[]
  /** Loaded in base, not head: no longer imported. */
  removed: ModuleChangeJson[]
  /** Largest changes of -X importtime self time. */
  self_time_changes: {
    name: string
    base_self_ms: number | null
    head_self_ms: number | null
    delta_ms: number
    /** The spread of the runs on both sides together; changes within it are not listed. */
    noise_ms?: number | null
  }[]
}

export interface DependencyJson {
  name: string
  base: string | null
  head: string | null
}

export interface TargetError {
  side: 'base' | 'head'
  kind: string
  message: string
  traceback: string[]
  exit_code?: number | string | null
  stderr_tail?: string
}

/** One metric of one target: the row a report shows for it. */
export interface MetricResultJson {
  metric: MetricId
  variant: string
  unit: MetricUnit
  /** Whether this metric's outcome decides the target's verdict. */
  gating: boolean
  /** compare: regression, improvement or pass by the statistics (inconclusive: a counted metric's runs disagree); measure: null. */
  outcome: 'regression' | 'improvement' | 'pass' | 'inconclusive' | null
  base_median: number | null
  head_median: number | null
  /** compare: base against head; null for measure, a new target, an error, or a counted metric. */
  delta: DeltaJson | null
  /** compare, a counted metric: how the counts compare (absent otherwise). */
  counted?: CountedDeltaJson | null
}

export interface CountedDeltaJson {
  /** head − base, of the medians; null where a side has no counts. */
  delta: number | null
  pct: number | null
  /** The larger side's (max − min) / median, in percent. */
  spread_pct: number
  threshold_pct: number
  base_runs: number
  head_runs: number
  /** Why the outcome is inconclusive; null otherwise. */
  reason: string | null
}

export interface PackageJson {
  name: string
  own: boolean
  base_self_ms: number | null
  head_self_ms: number | null
  delta_ms: number
  base_modules: number
  head_modules: number
  /** Own, new or gone, or changed by at least 1 ms and 5%: what the reports show. */
  notable?: boolean
}

export interface WatchSideJson {
  loaded: boolean
  chain: string[]
  cumulative_ms: number | null
}

export interface WatchJson {
  name: string
  /** null for measure, a new target, or a side without a profile run. */
  base: WatchSideJson | null
  head: WatchSideJson | null
}

/** Where a function or call is, in the repository; path is null outside it (stdlib, dependencies). */
export interface SourceJson {
  path: string | null
  line: number | null
}

export interface FunctionChangeJson {
  /** Qualified name: `mypkg.log.get_logger`. */
  name: string
  /** Where it is defined, on `side` (the side that calls it more). */
  source: SourceJson
  side: 'base' | 'head'
  /** Calls from import-time code of modules both sides load. */
  base_calls: number
  head_calls: number
  /**
   * Time in those calls, head minus base, in one cProfile run per side (which
   * slows Python code): the work they brought, less the modules they loaded and
   * the calls they make that the import makes as often on both sides.
   */
  profiled_delta_ms: number
  /** The functions between it and module code, innermost first; empty when module code calls it. */
  via: string[]
  /** The function module code calls (via's last, else this one). */
  called_as: string
  mostly_in: { name: string; source: SourceJson; profiled_ms: number } | null
  /** The modules whose import-time code calls `called_as`, the largest change of calls first. */
  callers: {
    module: string
    side: 'base' | 'head'
    path: string | null
    lines: number[]
    base_calls: number
    head_calls: number
  }[]
}
