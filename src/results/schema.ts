// The results document, schema 1 (docs/architecture.md, and the JSON Schema in
// results.schema.json beside this file). Written by the CLI (--json), uploaded
// by the action, read back by readResults. Fields are only added. Each side's
// records are in schema-side.ts, the explanations in schema-explain.ts.
import type { Verdict } from '../model/verdict.js'
import type { RecordedSettings } from '../settings/setting-values.js'
import type { LazyForm } from '../analysis/attribution/lazy.js'
import type { CommitRef, SideResult } from './schema-side.js'
import type { DriftJson, InstallsJson } from './schema-run.js'
import type {
  DeltaJson,
  DependencyJson,
  FunctionChangeJson,
  MetricResultJson,
  ModulesJson,
  PackageJson,
  TargetError,
  WatchJson,
} from './schema-explain.js'

export type * from './schema-side.js'
export type * from './schema-run.js'
export type * from './schema-explain.js'
export type { Verdict }

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
  /** base_count: modules under the rule base's import loaded (0: this change brought it); absent when unknown. */
  forbidden: { name: string; chain: string[]; rule: string; count: number; base_count?: number }[]
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
  /**
   * compare: the proof tried before timing (docs/statistics.md, "Which path decides").
   * `decided`: it decided this row, which was not timed. Absent when none was
   * tried (a command or new target, `proof = false`).
   */
  proof?: {
    decided: boolean
    holds: boolean
    /** Why it does not hold, in one line; null when it does. */
    reason: string | null
    /** sys.monitoring or sys.settrace. */
    traced_with: string
    traced_runs: number
    /** Files the commits differ in. */
    changed_files: number
    /** Files that differ in all: the commits' and the two environments'. */
    differing_files: number
    /** Changed files the import loads, none of whose changed lines ran. */
    loaded_changed: string[]
    /** Changed Python files whose changed lines ran at import, on either side (absent in earlier files). */
    ran_changed?: string[]
    /** Of those, each side's changed lines that ran (the first 50 a file), by file (absent in earlier files). */
    ran_lines?: { base: Record<string, number[]>; head: Record<string, number[]> }
    modules: number
    code_bytes_delta: number
    load_bound_ms: number
  }
  /**
   * compare, `undecided = "warn"`: sampling ended without a decision, and the
   * pass interval (`delta.pass_ci_pct`) ruled out a regression of twice the
   * band, so the target passed with a warning: a change between `band_pct` and
   * `ruled_out_pct` may have slipped through.
   */
  undecided_pass?: { ruled_out_pct: number; band_pct: number; upper_pct: number }
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
/**
 * The results document's settings: where the run was made, then every
 * recorded setting by its key (derived from the settings registry).
 */
export type SettingsJson = {
  install: string
  python: string
  project_dir: string
  /** How the cold state emptied the cache: drop-caches, sudo-drop-caches or fadvise (with cold only). */
  cold_method?: string
} & RecordedSettings

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
   * The cores the timed rounds took turns on, both runs of a round on one
   * (docs/statistics.md); null when they ran unpinned; absent in older documents.
   */
  pinned_cores?: number[] | null
  /**
   * Where timed rounds could run side by side: up to `most` at once, each on its
   * own core with both runs of its pairs, in lockstep, while nothing else used
   * the CPUs; `rounds` of the rounds did (the rest ran one at a time). Absent:
   * one round at a time (or an older document).
   */
  rounds_side_by_side?: { most: number; rounds: number }
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
    /** compare: the traced imports of the proof, before timing. */
    proof?: number
  }
  /** How each side was installed; absent when nothing was (and in older documents). */
  installs?: InstallsJson
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
  /** `importgate drift`: what crept in since the reference (absent for a plain compare). */
  drift?: DriftJson
  /** [tool.importgate] keys whose value head changes; the gate used base's (a drift check: head's). */
  config_changes?: { key: string; base: unknown; head: unknown }[]
  /** Installed distributions that differ; null when nothing was installed. */
  deps?: { base_strategy: string; head_strategy: string; changed: DependencyJson[] } | null
  /**
   * Who ran the measured code (installs included): `user` is the separate
   * user it ran as, or null when it ran as importgate's own user, and then
   * `missing` says why and what that leaves out (docs/robustness.md).
   * Absent when nothing was measured.
   */
  boundary?: { user: string | null; missing?: string }
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
