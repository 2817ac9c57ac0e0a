// The results document, schema 1 (docs/architecture.md, and the JSON Schema in
// results.schema.json beside this file). Written by the CLI (--json), uploaded
// by the action, read back by readResults. Fields are only added.
import type { CountedMetricId, MetricId, MetricUnit } from '../model/metrics.js'
import type { Verdict } from '../model/verdict.js'
import type { Side } from '../model/target.js'
import type { Mechanism } from '../analysis/attribution/import-mechanism.js'
import type { LazyForm } from '../analysis/attribution/lazy.js'

export type { Verdict }

export interface CommitRef {
  ref: string
  sha: string | null
  /** measure only: the working tree had uncommitted changes. */
  dirty?: boolean
}

export interface ModuleCostJson {
  name: string
  self_ms: number
  cumulative_ms: number
  chain: string[]
}

export interface SideResult {
  /** Median of samples_ms: the import alone, timed inside the interpreter. */
  median_ms: number
  samples_ms: number[]
  /** len(sys.modules) after importing the target. */
  module_count: number
  /** Modules the import itself added. */
  modules_added: number
  /** Modules in the target's top-level package. */
  package_module_count: number
  min_ms: number
  max_ms: number
  q1_ms: number
  q3_ms: number
  mad_ms: number
  /** 95% distribution-free interval for the median; null with too few samples. */
  median_ci_ms: [number, number] | null
  cpu_samples_ms: number[]
  /** Peak resident memory during the import less resident memory before it, per sample (Linux; absent in older files). */
  memory_samples_kib?: number[]
  /** instructions: each counted run's count of the import alone (absent unless asked for). */
  instruction_counts?: number[]
  /** fs_calls: each counted run's file-system calls between the probe's markers (absent unless asked for). */
  fs_call_counts?: number[]
  /** How each counted metric was counted on this side. */
  counting?: Partial<Record<CountedMetricId, CountingJson>>
  /** Spawn to exit as seen from outside, per sample. */
  wall_samples_ms: number[]
  startup_median_ms: number | null
  profile: {
    runs: number
    /** Profile runs disagreed on the set of modules loaded. */
    unstable_modules: boolean
    /** Largest -X importtime self times, median over profile runs. */
    slowest: ModuleCostJson[]
    /**
     * The modules the import loaded as a tree (each under the module that first
     * imported it), medians over profile runs; for the HTML report. Absent in older files.
     */
    tree?: ImportTreeJson | null
  }
  /** Sorted names of the modules the import added (from the profile runs). */
  modules: string[]
}

export interface CountingJson {
  /** "valgrind-3.19.0 (cachegrind, ~50x slower than a plain run), no ASLR", "strace". */
  tool: string
  /** Why fewer runs than planned counted, or null. */
  failure: string | null
  /** What the runs took, all told. */
  seconds: number
  /** fs_calls: calls per system call, of the first run. */
  by_call?: Record<string, number>
}

export interface ImportTreeJson {
  name: string
  self_ms: number
  cumulative_ms: number
  /** The largest first. */
  children: ImportTreeJson[]
}

export interface DeltaJson {
  /** Hodges-Lehmann estimate of the paired differences head − base, in ms. */
  ms: number
  /** The sequential procedure's estimate of the change (the median of the pairs' log-ratios), as a percentage. */
  pct: number
  /** Its time-uniform interval at ci_level (1 − 2α: one-sided α on each side); null before the fewest pairs that can bound it. */
  ci_pct: [number, number] | null
  ci_level: number
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
  /** The module whose source changed (still loaded in head). */
  importer: string
  side: Side
  /** In the repository; null for a dependency's file. */
  path: string | null
  line: number
  /** function and module-getattr: the function the import is in. */
  function: string | null
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
  /** head − base, of the medians. */
  delta: number
  pct: number
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
  /** Time in those calls, head minus base, in one cProfile run per side (which slows Python code). */
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

export interface TargetResult {
  /** The cache state of this entry: absent for warm; no-pyc and cold entries follow their target's warm one. */
  variant?: 'no-pyc' | 'cold'
  name: string
  verdict: Verdict
  base: SideResult | null
  head: SideResult | null
  delta: DeltaJson | null
  modules: ModulesJson | null
  /** Forbidden modules the import loaded, one per forbid entry, with the chain that pulled each in. */
  forbidden: { name: string; chain: string[]; rule: string; count: number }[]
  /** Budgets that apply to this target, checked against head. */
  budget: {
    time: { limit_ms: number; median_ms: number; ok: boolean } | null
    modules: { limit: number; count: number; ok: boolean } | null
  } | null
  /** compare: a target only head's configuration lists, or a module base does not have; measured on head only. */
  new?: boolean
  /** compare: a module head removed and no longer lists as a target; not measured. */
  gone?: boolean
  error: TargetError | null
  /** compare: own -X importtime time summed by top-level package, the target's own first. */
  packages?: PackageJson[]
  /** The watched modules ([tool.importgate] watch), each side: loaded or not, and through which chain. */
  watch?: WatchJson[]
  /** compare: where in the repository the modules this entry shows are, by side; line: the import of the next link of its chain. */
  sources?: Record<string, { side: 'base' | 'head'; path: string; line: number | null }>
  /** compare: functions import-time code now calls more or less often (absent without a function profile of both sides). */
  function_changes?: FunctionChangeJson[]
  /**
   * Python 3.15+ (PEP 810): head's lazy imports, from two untimed runs. Paths
   * are relative to the commit (or `<head venv>/…`).
   */
  lazy?: {
    /** The import's time with every import lazy (one untimed run), or null. */
    all_lazy_ms: number | null
    /**
     * How never_needed lines are best made lazy: `statement` (`lazy import`, the
     * project requires Python 3.15+) or `lazy-modules` (an entry in the module's
     * `__lazy_modules__`, which older Pythons ignore). Absent in earlier files: statement.
     */
    form?: LazyForm
    /** The project's declared-lazy imports that the import loaded anyway, and the line that did. */
    loaded_anyway: {
      module: string
      names: string[] | null
      file: string
      line: number
      loaded_at: { file: string; line: number } | null
    }[]
    /** The project's import lines whose modules nothing needed during the import: could be lazy. */
    never_needed: {
      module: string
      names: string[] | null
      file: string
      line: number
      /** The module's cumulative -X importtime cost in head's eager profile, or null. */
      cumulative_ms: number | null
    }[]
  }
  /**
   * What this entry cannot explain or check, and why: `functions` (no function
   * profile), `modules` (no module set: forbid, the module budget and the
   * watch list unchecked) or `lazy` (enforce-lazy unchecked); reason `budget`,
   * `no-change` (deferred, and no change was found to explain), `failed`,
   * `not-run` or `unsupported` (no lazy imports before Python 3.15). Absent: nothing missing.
   */
  gaps?: {
    missing: 'functions' | 'modules' | 'lazy'
    reason: 'budget' | 'no-change' | 'failed' | 'not-run' | 'unsupported'
  }[]
  /** Present when the verdict is inconclusive: the evidence fell short of what a verdict needs. */
  inconclusive?: {
    /**
     * too-few-pairs: fewer than any decision needs; unsettled: enough pairs,
     * but sampling ended with the procedure undecided (its interval reaching
     * past the thresholds). Absent in files written before it was recorded (too-few-pairs).
     */
    reason?: 'too-few-pairs' | 'unsettled'
    /** Pairs (compare) or samples (measure) taken. */
    pairs: number
    /** What any decision needs: min-pairs (measure), the fewest pairs the procedure can decide on (compare). */
    needed_pairs: number
    /** A time budget likely to fit every step at these import times; null when nothing was timed. */
    suggested_max_time_s: number | null
    /**
     * Set when max-pairs, not time, ended sampling with the procedure
     * undecided: a max-pairs that would give it more. Absent otherwise.
     */
    suggested_max_pairs?: number
    /** Files written before the sequential procedure: the seconds of max-time left when batches disagreed. Read, never written. */
    budget_left_s?: number
  }
  /**
   * Every metric reported, primary (import_ms, the same figures as base, head
   * and delta above) first. Absent in files written before it was added.
   */
  metrics?: MetricResultJson[]
}

/** The settings a run used, as recorded. */
export interface SettingsJson {
  install: string
  python: string
  project_dir: string
  threshold_pct: number
  /** Absent in files written before it was a setting (the threshold was 1%). */
  instructions_threshold_pct?: number
  min_delta_ms: number
  alpha: number
  max_modules: number | null
  forbid: string[]
  /** Python 3.15+: a declared-lazy module loaded anyway fails the check. Absent in files of earlier releases: false. */
  enforce_lazy?: boolean
  budgets_ms: Record<string, number>
  /** Absent in files written before metrics were configurable: import_ms alone. */
  metrics?: MetricId[]
  warmups: number
  min_pairs: number
  max_pairs: number
  max_time_s: number
  /** The cache states measured, warm first (absent in older documents: warm alone). */
  cache?: string[]
  /** How the cold state emptied the cache: drop-caches, sudo-drop-caches or fadvise (with cold only). */
  cold_method?: string
  /** compare: globs of changed files that can affect importing (absent in older documents). */
  affects?: string[]
  /** compare: time a run may go past max_time_s while a verdict is not yet earned (absent in older documents). */
  overtime_s?: number
  sample_timeout_s: number
  profile_runs: number
  seed: number
}

interface DocumentBase {
  schema: 1
  tool: { name: 'importgate'; version: string }
  verdict: Verdict
  python: string
  platform: string
  /** The job that wrote it (`--label`, the action's label input), for merged reports; absent unless set. */
  label?: string
  /** The pull request the action measured, for a publish step that cannot read it from its own event (a fork's workflow_run). */
  pull_request?: number
  head: CommitRef
  settings: SettingsJson
  /** Rounds of timed samples actually run. */
  rounds: number
  /** Warm-up rounds actually run (settings.warmups is what was asked); absent in older documents. */
  warmup_rounds?: number
  /**
   * How long each phase took, in seconds (install: both sides, concurrently; null
   * when nothing was installed; sampling includes confirmation and overtime).
   */
  phases_s?: {
    install: number | null
    warmup: number
    profile: number
    sampling: number
    /** The profile runs deferred past sampling, run because a change was found. */
    explain?: number
    /** The counted metrics' runs, when any were asked for. */
    counting?: number
  }
  /** The time budget ended sampling before the minimum was reached. */
  truncated: boolean
  started_at: string
  duration_s: number
  targets: TargetResult[]
}

/** `importgate measure`: the working tree, one side. */
export interface MeasureResults extends DocumentBase {
  command: 'measure'
  base: null
}

/** `importgate compare`: base against head. */
export interface CompareResults extends DocumentBase {
  command: 'compare'
  base: CommitRef
  /** [tool.importgate] keys whose value head changes; the gate used base's. */
  config_changes?: { key: string; base: unknown; head: unknown }[]
  /** Installed distributions that differ; null when nothing was installed. */
  deps?: { base_strategy: string; head_strategy: string; changed: DependencyJson[] } | null
  /**
   * Present when nothing was measured because no changed file matches
   * settings.affects: the verdict is pass and targets is empty.
   */
  skipped?: {
    reason: 'no-affecting-change'
    changed_count: number
    /** The first 20 changed paths. */
    changed_files: string[]
  }
}

export type ResultsDocument = MeasureResults | CompareResults
