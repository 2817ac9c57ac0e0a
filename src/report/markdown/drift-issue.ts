// The drift check's issue: its title, and a body of this check's report, the
// budgets worth tightening, the history of checks as a table and a trend
// (Mermaid's xychart, which GitHub draws), and the history itself as JSON in
// a hidden comment for the next check to read. Pure.
import type { RatchetSuggestion } from '../view/budget-ratchet.js'
import {
  historyComment,
  type DriftHistoryRow,
  type DriftHistoryTarget,
} from '../view/drift-history.js'
import { formatMs, signedPct } from '../view/format.js'
import { code, plain, table, VERDICT_LABEL } from './markdown-text.js'

/** Targets the history shows as columns and trends; the rest are in the JSON. */
const SHOWN_TARGETS = 4

/**
 * "Import time since v2.3.0"; for a duration, whose commit moves every week,
 * "Import time over the last 90 days", so the title stays put.
 */
export function driftIssueTitle(
  since: { ref: string; how: string },
  asGiven: string | null,
  key: string,
): string {
  const span =
    since.how === 'duration' && asGiven ? `over the last ${asGiven.trim()}` : `since ${since.ref}`
  return `Import time ${span}${key ? ` (${key})` : ''}`
}

export interface DriftIssueParts {
  /** This check's markdown report (the verdict, the table, the Why, the drift section). */
  report: string
  /** Its headline alone, for when the report does not fit. */
  headline: string
  /** Where the whole report is, for when it does not fit: "of [this run](…)". */
  whereWhole: string
  ratchet: readonly RatchetSuggestion[]
  /** The history, this check last. */
  history: readonly DriftHistoryRow[]
  /** The characters the body may take (GitHub's limit, less the marker before it). */
  room: number
}

/** The body: the report, shortened to its headline (and older rows dropped) when GitHub's limit needs it. */
export function driftIssueBody(parts: DriftIssueParts): string {
  const { room } = parts
  const short = `${parts.headline}\n\nThe full report is too long for an issue: it is in the job summary ${parts.whereWhole}.\n`
  // The newest rows, halved until they fit: all, then half, ..., then this check's alone.
  const keeps: number[] = [parts.history.length]
  while (keeps.at(-1)! > 1) keeps.push(Math.floor(keeps.at(-1)! / 2))
  for (const report of [parts.report, short]) {
    for (const keep of keeps) {
      const body = compose(report, parts.ratchet, keep ? parts.history.slice(-keep) : [])
      if (body.length <= room) return body
    }
  }
  return short
}

function compose(
  report: string,
  ratchet: readonly RatchetSuggestion[],
  history: readonly DriftHistoryRow[],
): string {
  return [
    report.trimEnd(),
    '',
    '---',
    ...ratchetSection(ratchet),
    ...historySection(history),
    historyComment(history),
    '',
  ].join('\n')
}

function ratchetSection(ratchet: readonly RatchetSuggestion[]): string[] {
  if (!ratchet.length) return []
  const why = ratchet.map(
    (r) =>
      `${code(r.target)} imports in ${formatMs(r.headMs)}, ${Math.round((1 - r.headMs / r.limitMs) * 100)}% under its ${formatMs(r.limitMs)} budget`,
  )
  return [
    '',
    '#### Budgets to tighten',
    '',
    `${why.join('; ')}. A tighter budget keeps what was gained (20% above today's median, for runners that differ); in \`pyproject.toml\`, or the \`budgets\` input where the budget is set there:`,
    '',
    '```toml',
    '[tool.importgate.budgets]',
    ...ratchet.map((r) => r.line),
    '```',
  ]
}

function historySection(history: readonly DriftHistoryRow[]): string[] {
  const names = [...new Set(history.at(-1)?.targets.map((t) => t.name) ?? [])].slice(
    0,
    SHOWN_TARGETS,
  )
  if (!names.length) return []
  const rows = [...history]
    .reverse()
    .map((row) => [
      row.date,
      `${code(row.since)} → ${code(row.head_sha.slice(0, 10))}`,
      ...names.map((name) => cell(row.targets.find((t) => t.name === name))),
      row.run_url ? `[run](${row.run_url})` : '',
    ])
  return [
    '',
    '#### History',
    '',
    table(['Date', 'Since → head', ...names.map((n) => `${code(n)} Δ (interval)`), 'Run'], rows, [
      'l',
      'l',
      ...names.map(() => 'r' as const),
      'l',
    ]),
    '',
    ...names.flatMap((name) => trend(name, history)),
    `<sub>One row a drift check, newest first, the last ${history.length}: each a paired, interleaved comparison of the two commits in one run, so rows from different runners compare by their intervals, not their absolute times.</sub>`,
  ]
}

function cell(t: DriftHistoryTarget | undefined): string {
  if (!t) return '–'
  const label = VERDICT_LABEL[t.verdict].split(' ')[0]
  if (t.pct === null) return `${label} ${plain(t.verdict)}`
  const ci = t.ci ? ` (${signedPct(t.ci[0])} … ${signedPct(t.ci[1])})` : ''
  return `${label} ${signedPct(t.pct)}${ci}`
}

/** A Mermaid xychart of one target's change since the reference, a point a check that timed it. */
function trend(name: string, history: readonly DriftHistoryRow[]): string[] {
  const points = history.flatMap((row) => {
    const t = row.targets.find((x) => x.name === name)
    return t?.pct === null || t === undefined ? [] : [{ date: row.date, pct: t.pct }]
  })
  if (points.length < 2) return []
  const values = points.map((p) => p.pct)
  // At least ±5%: a flat line looks flat, not like noise magnified.
  const low = Math.floor(Math.min(-5, ...values) - 1)
  const high = Math.ceil(Math.max(5, ...values) + 1)
  const quoted = (text: string) => `"${text.replace(/["\\\n\r]/g, '')}"`
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quoted(`${name}: change since the reference, %`)}`,
    `  x-axis [${points.map((p) => quoted(p.date)).join(', ')}]`,
    `  y-axis "%" ${low} --> ${high}`,
    `  line [${values.map((v) => Math.round(v * 10) / 10).join(', ')}]`,
    '```',
    '',
  ]
}
