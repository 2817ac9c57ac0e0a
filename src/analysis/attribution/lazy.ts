// PEP 810's lazy imports (Python 3.15+), from the probe's two untimed lazy
// runs of head: the project's lazy statements that the import loaded anyway
// (with the line that did), and the project's import lines whose modules no
// code needed during the import (the lines that could be `lazy import`),
// with the import's time when every import is lazy. Pure.
//
// Words: "declared lazy" is a `lazy import` statement or an entry in
// `__lazy_modules__`; "loaded anyway" is a declared-lazy module that the
// import loaded after all; "never needed" is a module that stayed unloaded
// with every import lazy. None of them is "no longer imported".

/** One lazy import statement as the probe saw it run (the lazy-imports filter, and a finder). */
export interface LazyStatement {
  /** The module whose code ran the statement. */
  importer: string
  module: string
  /** `from module import names`: the names; null for `import module`. */
  names: string[] | null
  file: string
  line: number
  /** Whether the module was loaded by the end of the import, lazy or not. */
  loaded: boolean
  /** [file, line] of the first code outside the import system that loaded it. */
  loaded_at: [string, number] | null
}

/** The probe's lazy runs of one arm; absent where the interpreter has no lazy imports. */
export interface LazyObservation {
  /** The import as written: the statements declared lazy. */
  declared: LazyStatement[]
  /** Every import lazy: the import's time, and every statement; null when that run failed. */
  allLazy: { importMs: number; statements: LazyStatement[] } | null
}

export interface LazyLine {
  module: string
  names: string[] | null
  file: string
  line: number
}

/**
 * How a line that could be lazy is best written: a `lazy import` statement
 * (Python 3.15+ only: a syntax error before), or an entry in the module's
 * `__lazy_modules__`, which older Pythons ignore.
 */
export type LazyForm = 'statement' | 'lazy-modules'

/**
 * The form for a project whose `requires-python` is `spec`: `lazy-modules`
 * when it admits a Python before 3.15 (or says nothing), else `statement`.
 * Reads the lower bounds of the specifiers (PEP 440): `>=3.10`, `~=3.12`,
 * `==3.15.*`, `>3.14` (3.14.1 passes it).
 */
export function lazyFormFor(spec: string | null): LazyForm {
  if (!spec) return 'lazy-modules'
  let lowest: [number, number] | null = null
  for (const clause of spec.split(',')) {
    const m = /^\s*(>=|~=|==|>)\s*(\d+)(?:\.(\d+))?/.exec(clause)
    if (!m) continue
    const bound: [number, number] = [Number(m[2]), Number(m[3] ?? 0)]
    if (!lowest || bound[0] > lowest[0] || (bound[0] === lowest[0] && bound[1] > lowest[1]))
      lowest = bound
  }
  if (!lowest) return 'lazy-modules'
  // `>3.14` is a bound of 3.14: 3.14.1 passes it.
  const [major, minor] = lowest
  return major > 3 || (major === 3 && minor >= 15) ? 'statement' : 'lazy-modules'
}

export interface LazyFinding {
  /** The project's declared-lazy imports that the import loaded anyway, and where. */
  loadedAnyway: (LazyLine & { loadedAt: { file: string; line: number } | null })[]
  /** The project's import lines whose modules stayed unloaded with every import lazy. */
  neverNeeded: (LazyLine & { cumulativeMs: number | null })[]
  /** The import's time with every import lazy (one untimed run); null when it did not run. */
  allLazyMs: number | null
  /** How the never-needed lines are best made lazy, from the project's requires-python. */
  form: LazyForm
}

const lineOf = (s: LazyStatement): LazyLine => ({
  module: s.module,
  names: s.names,
  file: s.file,
  line: s.line,
})

/** Each statement once (a module body runs once, but a statement may repeat in a loop). */
function unique<T extends LazyLine>(lines: T[]): T[] {
  const seen = new Set<string>()
  return lines.filter((l) => {
    const key = `${l.file}\0${l.line}\0${l.module}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * What head's lazy runs say about `target`'s own package (the statements of
 * modules under its top-level name); null when they did not run.
 * `cumulativeMs` gives a module's cumulative -X importtime cost, where known.
 */
export function lazyFinding(
  target: string,
  lazy: LazyObservation | null | undefined,
  cumulativeMs: (module: string) => number | null,
  form: LazyForm = 'statement',
): LazyFinding | null {
  if (!lazy) return null
  const top = target.split('.')[0]!
  const own = (s: LazyStatement) => s.importer === top || s.importer.startsWith(`${top}.`)
  const loadedAnyway = unique(
    lazy.declared
      .filter((s) => own(s) && s.loaded)
      .map((s) => ({
        ...lineOf(s),
        loadedAt: s.loaded_at ? { file: s.loaded_at[0], line: s.loaded_at[1] } : null,
      })),
  )
  // A line already declared lazy needs no suggestion.
  const declared = new Set(lazy.declared.map((s) => `${s.file}\0${s.line}\0${s.module}`))
  const neverNeeded = unique(
    (lazy.allLazy?.statements ?? [])
      .filter((s) => own(s) && !s.loaded && !declared.has(`${s.file}\0${s.line}\0${s.module}`))
      .map((s) => ({ ...lineOf(s), cumulativeMs: cumulativeMs(s.module) })),
  ).sort((a, b) => (b.cumulativeMs ?? 0) - (a.cumulativeMs ?? 0))
  return { loadedAnyway, neverNeeded, allLazyMs: lazy.allLazy?.importMs ?? null, form }
}

/** Rewrites every file a finding names (the statements' and the places that loaded them), in place. */
export function rewriteLazyFiles(
  finding: LazyFinding | undefined,
  rewrite: (file: string) => string,
): void {
  if (!finding) return
  for (const line of [...finding.loadedAnyway, ...finding.neverNeeded])
    line.file = rewrite(line.file)
  for (const line of finding.loadedAnyway)
    if (line.loadedAt) line.loadedAt.file = rewrite(line.loadedAt.file)
}
