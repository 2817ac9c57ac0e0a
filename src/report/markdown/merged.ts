// One report for several jobs of one comparison (`importgate merge`): the
// most serious finding across all as the headline, one table with a row per
// target and job, and each job's own explanations collapsed under its name.
// Pure.
import { mostSerious, type Verdict } from '../../model/verdict.js'
import type { JobResults } from '../../results/merge.js'
import { formatMs, signedMs, signedPct } from '../view/format.js'
import { plainText, type Rich } from '../view/headline.js'
import { markdownOfView, MARKDOWN_LIMIT } from './markdown.js'
import { code, plain, rich, richHtml, table, VERDICT_LABEL } from './markdown-text.js'
import { visible } from '../view/untrusted.js'
import { buildView, type ReportView } from '../view/view.js'

export interface MergedView {
  verdict: Verdict
  headline: Rich
  /** Each job with its own view, built once here, in the order of the jobs. */
  jobs: { job: JobResults; view: ReportView }[]
  rows: {
    target: string
    job: string
    base: string
    head: string
    delta: string
    pct: string
    verdict: Verdict
  }[]
}

export function mergedView(jobs: readonly JobResults[]): MergedView {
  const views = jobs.map((job) => ({ job, view: buildView(job.doc) }))
  const verdict = mostSerious(views.map((v) => v.view.verdict))
  const worst = views.find((v) => v.view.verdict === verdict)!
  const others = views.filter((v) => v.view.verdict === verdict).length - 1
  const headline: Rich =
    jobs.length > 1
      ? [
          ...worst.view.headline,
          ` (${visible(worst.job.label)}${others > 0 ? ` and ${others} more job${others > 1 ? 's' : ''}` : ''})`,
        ]
      : worst.view.headline
  const rows = views.flatMap(({ job, view }) =>
    view.rows
      .filter((r) => r.primary)
      .map((r) => ({
        target: r.target,
        job: visible(job.label),
        base: r.base ? formatMs(r.base.median) : '–',
        head: r.head ? formatMs(r.head.median) : '–',
        delta: r.delta ? signedMs(r.delta.ms) : '–',
        pct: r.delta ? signedPct(r.delta.pct) : '–',
        verdict: r.verdict,
      })),
  )
  // Grouped by target, so that a target's jobs sit together.
  const order = [...new Set(rows.map((r) => r.target))]
  rows.sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target))
  return { verdict, headline, rows, jobs: views }
}

/** The merged comment: under the limit, each job's report cut shorter as needed. */
export function mergedMarkdown(view: MergedView, limit = MARKDOWN_LIMIT): string {
  const { jobs } = view
  const top = [
    `### ${rich(view.headline)}`,
    '',
    table(
      ['Target', 'Job', 'Base', 'Head', 'Δ', 'Δ %', 'Verdict'],
      view.rows.map((r) => [
        code(r.target),
        plain(r.job),
        r.base,
        r.head,
        r.delta,
        r.pct,
        VERDICT_LABEL[r.verdict],
      ]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
    ),
  ].join('\n')
  // Each job's own report, its headline as the summary, within its share of the limit.
  const share = Math.max(2_000, Math.floor((limit - top.length - 200) / Math.max(1, jobs.length)))
  const sections: string[] = []
  let room = limit - top.length - 400
  let left = 0
  for (const { job, view: own } of jobs) {
    const body = markdownOfView(own, share - 200)
    const rest = body.split('\n').slice(1)
    // HTML, not markdown: <summary> is an HTML block (a code span would be raw text there).
    const summary = richHtml([`${visible(job.label)}: `, ...own.headline])
    const section = [`<details><summary>${summary}</summary>`, '', ...rest, '</details>'].join('\n')
    // Many jobs: the table above has every row; the details stop where the comment would.
    if (section.length + 2 > room) left++
    else {
      sections.push(section)
      room -= section.length + 2
    }
  }
  if (left)
    sections.push(
      `<sub>The details of ${left} more job${left === 1 ? '' : 's'} do not fit in one comment: the table above has every row, and each job's own summary its full report.</sub>`,
    )
  return `${top}\n\n${sections.join('\n\n')}\n`
}

/** The terminal lines of a merged report. */
export function mergedText(view: MergedView): string {
  const width = Math.max(...view.rows.map((r) => r.target.length + r.job.length + 3), 10)
  return [
    plainText(view.headline),
    '',
    ...view.rows.map(
      (r) =>
        `  ${`${r.target} · ${r.job}`.padEnd(width)}  ${r.base.padStart(8)}  ${r.head.padStart(8)}  ${r.delta.padStart(9)}  ${r.pct.padStart(8)}  ${r.verdict}`,
    ),
  ].join('\n')
}
