// The drift check's issue body, its history and the budget ratchet (pure).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { explainIssueFailure } from '../../src/github/failure.js'
import { driftIssueBody, driftIssueTitle } from '../../src/report/markdown/drift-issue.js'
import { budgetRatchet, roundUpFigures } from '../../src/report/view/budget-ratchet.js'
import {
  HISTORY_ROWS,
  historyComment,
  historyOf,
  historyRow,
  withRow,
  type DriftHistoryRow,
} from '../../src/report/view/drift-history.js'
import type { CompareResults } from '../../src/results/schema.js'

const doc = JSON.parse(
  readFileSync(new URL('../fixtures/reports/improvement.json', import.meta.url), 'utf8'),
) as CompareResults
const drifted: CompareResults = {
  ...doc,
  drift: {
    since: { ref: 'v1.0', sha: 'a'.repeat(40), how: 'latest-tag' },
    commits: 3,
    merged: [],
    duration_s: 12,
  },
}
const withBudget = (limit: number): CompareResults => ({
  ...drifted,
  targets: drifted.targets.map((t) => ({
    ...t,
    budget: { time: { limit_ms: limit, median_ms: t.head!.median_ms, ok: true }, modules: null },
  })),
})
const row = (date: string, pct: number): DriftHistoryRow => ({
  date,
  since: 'v1.0',
  since_sha: 'a'.repeat(40),
  head_sha: 'b'.repeat(40),
  run_url: null,
  targets: [{ name: 'mypkg', verdict: 'pass', pct, ci: [pct - 1, pct + 1], head_ms: 20 }],
})
const parts = {
  report: '### ✅ report\n',
  headline: '### ✅ headline',
  whereWhole: 'of this run',
  ratchet: [],
  room: 65_000,
}

describe('the drift history kept in the issue', () => {
  it('is this check’s row, read back from the body it was written to', () => {
    const r = historyRow(drifted, 'https://github.com/o/r/actions/runs/1')
    expect(r).toMatchObject({ date: '2026-11-25', since: 'v1.0', head_sha: doc.head.sha })
    expect(r.targets[0]).toMatchObject({ name: 'mypkg', verdict: 'improvement' })
    expect(r.targets[0]!.pct).toBeCloseTo(doc.targets[0]!.delta!.pct, 1)
    const body = driftIssueBody({ ...parts, history: [r] })
    expect(historyOf(body)).toEqual([r])
  })

  it('cannot be ended early by what a ref or name holds, and keeps the newest rows', () => {
    const hostile = { ...row('2026-01-01', 1), since: 'v1 --> <b>x</b>' }
    const comment = historyComment([hostile])
    expect(comment.indexOf('-->')).toBe(comment.length - 3)
    expect(historyOf(`text\n${comment}`)).toEqual([hostile])
    const many = Array.from({ length: HISTORY_ROWS }, (_, i) => row('2026-01-01', i))
    const kept = withRow(many, row('2026-12-31', 99))
    expect(kept).toHaveLength(HISTORY_ROWS)
    expect(kept.at(-1)!.date).toBe('2026-12-31')
    expect(kept[0]!.targets[0]!.pct).toBe(1)
  })

  it('drops what a person’s edit broke, and starts over from a body without it', () => {
    const good = row('2026-01-02', 2)
    const broken = { ...row('2026-01-01', 1), date: 'yesterday' }
    const edited = historyComment([broken as DriftHistoryRow, good])
    expect(historyOf(edited)).toEqual([good])
    // What a table cell, a link or the chart would show is held to what importgate writes.
    const link = { ...good, run_url: 'https://x/y) [click](https://evil' }
    const name = { ...good, targets: [{ ...good.targets[0]!, name: 'a\n```\n<img>' }] }
    expect(historyOf(historyComment([link, name, good]))).toEqual([good])
    expect(historyOf('<!-- importgate-drift-history {not json -->')).toEqual([])
    expect(historyOf('<!-- importgate-drift-history {"a":1} -->')).toEqual([])
    expect(historyOf(null)).toEqual([])
  })
})

describe('the issue body', () => {
  it('holds the report, a history table newest first, and a trend once there are two points', () => {
    const one = driftIssueBody({ ...parts, history: [row('2026-01-01', 1)] })
    expect(one).toContain('### ✅ report')
    expect(one).toContain('#### History')
    expect(one).not.toContain('xychart-beta')
    const two = driftIssueBody({
      ...parts,
      history: [row('2026-01-01', 1), row('2026-01-08', 2.26)],
    })
    expect(two.indexOf('| 2026-01-08')).toBeLessThan(two.indexOf('| 2026-01-01'))
    expect(two).toContain('✅ +2.26% (+1.26% … +3.26%)')
    expect(two).toContain(
      '```mermaid\nxychart-beta\n  title "mypkg: change since the reference, %"\n  x-axis ["2026-01-01", "2026-01-08"]\n  y-axis "%" -6 --> 6\n  line [1, 2.3]\n```',
    )
  })

  it('fits GitHub’s limit: older rows go first, then the report gives way to its headline', () => {
    const history = Array.from({ length: 52 }, (_, i) => row('2026-01-01', i))
    const full = driftIssueBody({ ...parts, history })
    const roomy = driftIssueBody({ ...parts, history, room: full.length })
    expect(historyOf(roomy)).toHaveLength(52)
    const tight = driftIssueBody({ ...parts, history, room: full.length - 1 })
    expect(tight.length).toBeLessThan(full.length)
    expect(historyOf(tight).length).toBeLessThan(52)
    expect(historyOf(tight).at(-1)).toEqual(history.at(-1))
    const huge = driftIssueBody({ ...parts, report: 'x'.repeat(70_000), history })
    expect(huge.length).toBeLessThanOrEqual(65_000)
    expect(huge).toContain('### ✅ headline')
    expect(huge).toContain(
      'The full report is too long for an issue: it is in the job summary of this run.',
    )
  })

  it('is titled by the reference (a duration by itself), and the comment-key where one sets jobs apart', () => {
    const tag = { ref: 'v2.3.0', how: 'latest-tag' }
    expect(driftIssueTitle(tag, null, '')).toBe('Import time since v2.3.0')
    expect(driftIssueTitle(tag, null, 'py3.12')).toBe('Import time since v2.3.0 (py3.12)')
    // A duration's commit moves every week; the title does not.
    const days = { ref: '0123456789ab', how: 'duration' }
    expect(driftIssueTitle(days, '90 days', '')).toBe('Import time over the last 90 days')
  })
})

describe('the budget ratchet', () => {
  it('rounds up to two figures', () => {
    expect(roundUpFigures(2016)).toBe(2100)
    expect(roundUpFigures(99.6)).toBe(100)
    expect(roundUpFigures(24.6)).toBe(25)
    expect(roundUpFigures(8.2)).toBe(9)
  })

  it('suggests the tighter budget where head is well under it, and nothing where it is not', () => {
    const head = drifted.targets[0]!.head!.median_ms
    const [suggestion] = budgetRatchet(withBudget(300))
    expect(suggestion).toMatchObject({ target: 'mypkg', limitMs: 300 })
    expect(suggestion!.suggestedMs).toBe(roundUpFigures(head * 1.2))
    expect(suggestion!.line).toBe(`"mypkg" = "${suggestion!.suggestedMs}ms"`)
    const body = driftIssueBody({ ...parts, ratchet: [suggestion!], history: [] })
    expect(body).toContain(`[tool.importgate.budgets]\n"mypkg" = "${suggestion!.suggestedMs}ms"\n`)
    // Within a quarter of the budget: nothing to tighten.
    expect(budgetRatchet(withBudget(head / 0.8))).toEqual([])
    expect(budgetRatchet(drifted)).toEqual([])
  })
})

describe('why the issue could not be written', () => {
  const failure = (status: number, message: string) => ({ status, message, headers: {} })
  it('names the permission, the private repository’s 404, and issues turned off', () => {
    expect(
      explainIssueFailure(failure(403, 'Resource not accessible by integration'), 'o/r'),
    ).toContain('Give the job `permissions: issues: write`')
    expect(explainIssueFailure(failure(404, 'Not Found'), 'o/r')).toContain(
      'a private repository answers 404 without them',
    )
    expect(explainIssueFailure(failure(410, 'Issues are disabled'), 'o/r')).toMatch(
      /^Issues are turned off in o\/r/,
    )
  })
})
