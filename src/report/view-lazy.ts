// PEP 810's lazy imports in the view model (Python 3.15+): per target, the
// declared-lazy imports loaded anyway, the import's time with every import
// lazy against head's median, and the lines that could be lazy.
import type { ResultsDocument, TargetResult } from '../results/schema.js'

export type LazyImportsJson = NonNullable<TargetResult['lazy']>

export interface LazyImportsItem {
  target: string
  /** Head's median import time, timed; null without samples. */
  headMs: number | null
  lazy: LazyImportsJson
}

/** Warm entries with lazy findings, in the document's order. */
export function lazyImportsOf(doc: ResultsDocument): LazyImportsItem[] {
  return doc.targets.flatMap((t) =>
    t.lazy && !t.variant
      ? [{ target: t.name, headMs: t.head?.median_ms ?? null, lazy: t.lazy }]
      : [],
  )
}

/** The statement that makes a never-needed import lazy, as it would be written. */
export function lazyStatement(line: { module: string; names: string[] | null }): string {
  return line.names
    ? `lazy from ${line.module} import ${line.names.join(', ')}`
    : `lazy import ${line.module}`
}
