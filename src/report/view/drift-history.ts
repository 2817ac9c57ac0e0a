// The drift check's history, one row a check, kept in its issue's body as
// JSON in a hidden comment (the issue is the only place a scheduled workflow
// can keep it): the row a results document makes, and the rows an issue's
// body holds. A body is text anyone with write access can edit: rows that do
// not have the shape are dropped, never trusted. Pure.
import { PRECEDENCE, type Verdict } from '../../model/verdict.js'
import type { CompareResults } from '../../results/schema.js'
import { decidingInterval } from './view-rows.js'

export interface DriftHistoryTarget {
  name: string
  verdict: Verdict
  /** The change since the reference, in percent; null when it was not timed. */
  pct: number | null
  /** Its interval, in percent; null when there is none. */
  ci: [number, number] | null
  /** Head's median, in ms; null when it was not timed. */
  head_ms: number | null
}

export interface DriftHistoryRow {
  /** The day of the check, YYYY-MM-DD. */
  date: string
  since: string
  since_sha: string
  head_sha: string
  run_url: string | null
  targets: DriftHistoryTarget[]
}

/** The checks an issue keeps: a year of weekly ones. */
export const HISTORY_ROWS = 52

const OPEN = '<!-- importgate-drift-history '
const CLOSE = ' -->'

/** This check's row: each target's warm entry (the cache states are rows of the report). */
export function historyRow(doc: CompareResults, runUrl: string | null): DriftHistoryRow {
  return {
    date: doc.started_at.slice(0, 10),
    since: doc.drift?.since.ref ?? doc.base.ref ?? '',
    since_sha: doc.drift?.since.sha ?? doc.base.sha ?? '',
    head_sha: doc.head.sha ?? '',
    run_url: runUrl,
    targets: doc.targets
      .filter((t) => !t.variant && !t.gone)
      .map((t) => {
        // The interval the report's table shows: the one the verdict rests on.
        const ci = t.delta ? decidingInterval(t.delta).ci : null
        return {
          name: t.name,
          verdict: t.verdict,
          pct: t.delta ? round(t.delta.pct) : null,
          ci: ci ? [round(ci[0]), round(ci[1])] : null,
          head_ms: t.head ? round(t.head.median_ms) : null,
        }
      }),
  }
}

const round = (x: number) => Math.round(x * 100) / 100

/** The hidden comment that carries the rows: JSON with `<` and `>` escaped, so nothing in it ends the comment. */
export function historyComment(rows: readonly DriftHistoryRow[]): string {
  const json = JSON.stringify(rows).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')
  return `${OPEN}${json}${CLOSE}`
}

/** The rows an issue's body keeps, oldest first; none when it has none, or none that can be read. */
export function historyOf(body: string | null): DriftHistoryRow[] {
  if (!body) return []
  const start = body.lastIndexOf(OPEN)
  if (start < 0) return []
  const end = body.indexOf(CLOSE, start + OPEN.length)
  if (end < 0) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(body.slice(start + OPEN.length, end))
  } catch {
    return []
  }
  return Array.isArray(parsed) ? parsed.filter(isRow) : []
}

/** The history after this check: the kept rows and this one, the newest HISTORY_ROWS. */
export function withRow(rows: readonly DriftHistoryRow[], row: DriftHistoryRow): DriftHistoryRow[] {
  return [...rows, row].slice(-HISTORY_ROWS)
}

const isText = (x: unknown): x is string => typeof x === 'string' && x.length < 400
/** A module's name, as a target is: nothing else reaches the table's header or the chart. */
const isModule = (x: unknown): x is string => isText(x) && /^[\w.]+$/.test(x)
/** A link to a run: nothing that could end the markdown link or start another. */
const isRunUrl = (x: unknown): x is string => isText(x) && /^https?:\/\/[^\s()<>[\]]+$/.test(x)
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
const orNull = <T>(x: unknown, is: (y: unknown) => y is T): boolean => x === null || is(x)
const isPair = (x: unknown): x is [number, number] =>
  Array.isArray(x) && x.length === 2 && x.every(isNumber)

function isTarget(x: unknown): x is DriftHistoryTarget {
  const t = x as Record<string, unknown>
  return (
    typeof x === 'object' &&
    x !== null &&
    isModule(t.name) &&
    PRECEDENCE.includes(t.verdict as Verdict) &&
    orNull(t.pct, isNumber) &&
    orNull(t.ci, isPair) &&
    orNull(t.head_ms, isNumber)
  )
}

function isRow(x: unknown): x is DriftHistoryRow {
  const r = x as Record<string, unknown>
  return (
    typeof x === 'object' &&
    x !== null &&
    isText(r.date) &&
    /^\d{4}-\d{2}-\d{2}$/.test(r.date) &&
    isText(r.since) &&
    isText(r.since_sha) &&
    isText(r.head_sha) &&
    orNull(r.run_url, isRunUrl) &&
    Array.isArray(r.targets) &&
    r.targets.every(isTarget)
  )
}
