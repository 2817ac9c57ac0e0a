// The results document's per-side records (schema.ts holds the document):
// what one side's samples, counts and import tree were.
import type { CountedMetricId, Metric } from '../model/metrics.js'
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

/** Each metric's per-sample (or per counted run) values, in the field the metric table names. */
type MetricFields = { [F in Metric['samplesField']]?: number[] }

export interface SideResult extends MetricFields {
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
