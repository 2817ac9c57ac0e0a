// PEP 810's lazy imports in the view model (Python 3.15+): per target, the
// declared-lazy imports loaded anyway, the import's time with every import
// lazy against head's median, and the lines that could be lazy.
import type { ResultsDocument, TargetResult } from '../../results/schema.js'
import { formatMs } from './format.js'

export type LazyImportsJson = NonNullable<TargetResult['lazy']>

export interface LazyImportsItem {
  target: string
  /** Head's median import time, timed; null without samples. */
  headMs: number | null
  /** The target's cumulative time in head's -X importtime profile, what the lines' times are parts of; null when unknown. */
  profileMs: number | null
  lazy: LazyImportsJson
}

/** Warm entries with lazy findings, in the document's order. */
export function lazyImportsOf(doc: ResultsDocument): LazyImportsItem[] {
  return doc.targets.flatMap((t) =>
    t.lazy && !t.variant
      ? [
          {
            target: t.name,
            headMs: t.head?.median_ms ?? null,
            profileMs: t.head?.profile?.tree?.cumulative_ms ?? null,
            lazy: t.lazy,
          },
        ]
      : [],
  )
}

/**
 * The never-needed lines worth a suggestion: those whose modules cost at least
 * `floorMs` in head's profile (the gate's min-delta: nothing smaller can move
 * a verdict), or whose cost is unknown. The JSON keeps them all.
 */
export function worthSuggesting(lazy: LazyImportsJson, floorMs: number) {
  return lazy.never_needed.filter((l) => l.cumulative_ms === null || l.cumulative_ms >= floorMs)
}

/** "75.6 ms of the 76.1 ms import under -X importtime": a line's cost, as a part of what it was measured in. */
export function profiledCost(ms: number, profileMs: number | null, format: (ms: number) => string) {
  return profileMs === null
    ? `${format(ms)} in head's profile`
    : `${format(ms)} of the ${format(profileMs)} import under -X importtime`
}

/** The statement that makes a never-needed import lazy, as it would be written. */
export function lazyStatement(line: { module: string; names: string[] | null }): string {
  return line.names
    ? `lazy from ${line.module} import ${line.names.join(', ')}`
    : `lazy import ${line.module}`
}

/** One change that makes never-needed imports lazy: a line's statement, or a module's `__lazy_modules__`. */
export interface LazySuggestion {
  file: string
  /** The code to write: `lazy import json`, or `__lazy_modules__ = ["json", "csv"]`. */
  text: string
  /** The import lines it makes lazy. */
  lines: number[]
  /** Their modules' cumulative time in head's profile, summed; null when none is known. */
  ms: number | null
}

/**
 * The changes that make the never-needed lines lazy, the costliest first: one
 * statement per line, or (for a project that supports Pythons before 3.15)
 * one `__lazy_modules__` per file, naming each line's module once.
 */
export function lazySuggestions(lazy: LazyImportsJson, floorMs = 0): LazySuggestion[] {
  const never = worthSuggesting(lazy, floorMs)
  const sum = (values: (number | null)[]) =>
    values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null
  if ((lazy.form ?? 'statement') === 'statement')
    return never.map((l) => ({
      file: l.file,
      text: lazyStatement(l),
      lines: [l.line],
      ms: l.cumulative_ms,
    }))
  const byFile = new Map<string, typeof never>()
  for (const l of never) byFile.set(l.file, [...(byFile.get(l.file) ?? []), l])
  return [...byFile]
    .map(([file, lines]) => ({
      file,
      text: `__lazy_modules__ = [${[...new Set(lines.map((l) => l.module))].map((m) => JSON.stringify(m)).join(', ')}]`,
      lines: lines.map((l) => l.line).sort((a, b) => a - b),
      ms: sum(lines.map((l) => l.cumulative_ms)),
    }))
    .sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0))
}

/**
 * The all-lazy run against head as written: "90.1 ms of 130 ms", or, when
 * that one untimed run was no faster than the timed median, that it gained
 * nothing (never "140 ms of 130 ms", which reads as a saving).
 */
export function allLazyText(allMs: number | null, headMs: number | null): string {
  if (allMs === null) return 'not measured (that run failed)'
  if (headMs === null) return formatMs(allMs)
  if (allMs < headMs) return `${formatMs(allMs)} of ${formatMs(headMs)}`
  return `no faster: ${formatMs(allMs)} against ${formatMs(headMs)} as written, so making imports lazy gains nothing measurable here`
}
