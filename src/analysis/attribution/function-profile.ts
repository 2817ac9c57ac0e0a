// What a function diff reads (one cProfile run's call graph per side) and
// what it finds (function-diff.ts). Types only.
/** One function (or module or class body) of the call graph, on one side. */
export interface FunctionNode {
  /** Qualified: `mypkg.log.get_logger`; builtins as cProfile names them. */
  name: string
  /** The module that defines it; null for builtins. */
  module: string | null
  file: string | null
  line: number | null
  /** A module or class body: code that runs at import. */
  level: boolean
  calls: number
  /** Time in it and what it called, over the whole import, in the profiled run. */
  ms: number
  /**
   * Of `ms`, the time in the import system's frames it called: loading
   * modules, which the module diff accounts for. Absent means none.
   */
  importMs?: number
  callers: { name: string; calls: number; ms: number }[]
}

export interface FunctionProfile {
  functions: FunctionNode[]
  /** Module name to its source file. */
  files: Record<string, string>
}

export interface CallerChange {
  module: string
  /** How often this module's import-time code calls the function named in `calledAs`. */
  baseCalls: number
  headCalls: number
  /** The module's file on `side` (the side that calls more), and the lines that make the call. */
  file: string | null
  lines: number[]
  side: 'base' | 'head'
}

export interface FunctionChange {
  name: string
  /** Where it is defined, on `side` (the side that calls it more). */
  file: string | null
  line: number | null
  side: 'base' | 'head'
  baseCalls: number
  headCalls: number
  /** Profiled time in those calls, head minus base. */
  deltaMs: number
  /** The functions between it and module code, innermost first; empty when module code calls it. */
  via: string[]
  /** What module code calls: `via`'s last, else the function itself. */
  calledAs: string
  /** Modules whose import-time code calls `calledAs`, the largest change of calls first. */
  callers: CallerChange[]
  /** Where most of its time went: the first callee outside its package that holds 60% of it. */
  mostlyIn: { name: string; file: string | null; line: number | null; ms: number } | null
}
