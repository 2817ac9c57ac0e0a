// What probe.py reports, and how a report that is not what it should be is
// turned into an error rather than trusted.

import type { LazyStatement } from '../analysis/attribution/lazy.js'
import type { ImportFailure } from '../model/failure.js'
import { isInterpreterInfo, isProbeReport, whereItFailed } from './probe-report-schema.js'

export type ProbeMode =
  | 'time'
  | 'modules'
  | 'profile'
  | 'functions'
  | 'count'
  | 'empty'
  /** Python 3.15+ (PEP 810), untimed: the import as written, with its lazy statements watched. */
  | 'lazy'
  /** Python 3.15+, untimed: every import lazy; its import time is the headroom. */
  | 'all-lazy'

export const BEGIN_MARK = 'importgate-probe: begin import'
export const END_MARK = 'importgate-probe: end import'

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

/**
 * The report channel held something that is not a probe report: measured code
 * wrote to the descriptor, or the probe was cut short. It fails the arm, not
 * the run.
 */
export class BadReportError extends Error {
  override name = 'BadReportError'
}

/** Parses the probe's report; throws BadReportError with the raw text when it is malformed. */
export function parseProbeReport(raw: string): ProbeReport {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw new BadReportError(`the probe's report is not JSON: ${JSON.stringify(raw.slice(0, 200))}`)
  }
  if (!isProbeReport(value))
    throw new BadReportError(
      `the probe's report has an unexpected shape (${whereItFailed(isProbeReport)}): ${raw.slice(0, 200)}`,
    )
  return value
}

export function parseInterpreterInfo(raw: string): InterpreterInfo {
  const value: unknown = JSON.parse(raw)
  if (!isInterpreterInfo(value))
    throw new Error(`unexpected interpreter description: ${raw.slice(0, 200)}`)
  return value
}
