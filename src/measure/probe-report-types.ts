// The modes probe.py measures in, and the shapes it reports in:
// probe-protocol.ts parses a report, probe-report-schema.ts checks it against them.
import type { LazyStatement } from '../analysis/attribution/lazy.js'
import type { ImportFailure } from '../model/failure.js'

/**
 * The modes probe.py measures in, as its _MODES table has them (a test holds
 * the two equal). lazy: Python 3.15+ (PEP 810), untimed, the import as
 * written with its lazy statements watched; all-lazy: every import lazy, its
 * import time the headroom.
 */
export const PROBE_MODES = [
  'time',
  'modules',
  'profile',
  'functions',
  'count',
  'empty',
  'lazy',
  'all-lazy',
] as const

export type ProbeMode = (typeof PROBE_MODES)[number]

export interface ProbeReport {
  protocol: 1
  mode: ProbeMode
  target: string
  ok: boolean
  import_ns: number
  /** null: the run has no CPU time of the import alone (a command target). */
  import_cpu_ns: number | null
  /** perf_counter_ns() just before and after the import: CLOCK_MONOTONIC on Linux. */
  start_ns: number
  end_ns: number
  modules_before: number
  modules_after: number
  probe_preloaded: string[]
  /** Peak resident memory during the import minus resident memory before it; null off Linux. */
  memory_kib?: number | null
  error: ImportFailure | null
  /** Modules the import added to sys.modules (modules, profile and functions modes). */
  added?: string[]
  /** Functions mode: what code running at import time called (see probe_functions.py). */
  functions?: FunctionsReport | null
  /**
   * Lazy modes: every import statement that was lazy (declared so, or every
   * one in all-lazy mode), in the order they ran; null where the interpreter
   * has no lazy imports (before 3.15).
   */
  lazy?: LazyStatement[] | null
}

/** As probe_functions.py writes it: the import's call graph. */
export interface FunctionsReport {
  functions: {
    name: string
    module: string | null
    file: string | null
    line: number | null
    /** A module or class body. */
    level: boolean
    calls: number
    ms: number
    /** Of `ms`, the time in the import system's frames it called (modules it loaded); absent from older probes. */
    import_ms?: number
    /** [index of the caller in `functions`, calls, ms] per calling function. */
    callers: [number, number, number][]
  }[]
  /** Module name to source file, for every module loaded with one. */
  files: Record<string, string>
}

export interface InterpreterInfo {
  protocol: 1
  mode: 'info'
  version: string
  version_info: [number, number, number]
  implementation: string
  cache_tag: string
  executable: string
  prefix: string
  base_prefix: string
  platform: string
  machine: string
  startup_modules: number
}
