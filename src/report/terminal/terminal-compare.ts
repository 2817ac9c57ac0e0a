// The terminal report of `importgate compare`. Pure: results in, text out.
import { packageCauseText } from '../view/package-causes.js'
import type { ResultsDocument } from '../../results/schema.js'
import { aliasText } from '../view/view-notes.js'
import {
  countOf,
  formatChain,
  formatValue,
  signedCount,
  signedMs,
  signedPct,
  warmupsRun,
} from '../view/format.js'
import { tableNotes } from '../view/counted-notes.js'
import { plainText } from '../view/headline.js'
import { columns, type Style } from './style.js'
import { whyLines } from './terminal-causes.js'
import { driftLines } from './terminal-drift.js'
import { lazyImportLines } from './terminal-lazy.js'
import { gateLines, paint } from './terminal-gate.js'
import {
  buildView,
  intervalColumn,
  pairsNote,
  costText,
  reportedOnly,
  type ModuleChangesView,
  type MetricRowView,
  type ReportView,
} from '../view/view.js'

function verdictText(r: MetricRowView): string {
  if (!r.gating) return reportedOnly(r)
  if (r.verdict === 'budget') return 'over budget'
  if (r.verdict === 'forbidden') return 'forbidden import'
  if (r.isGone) return `${r.verdict} (removed in head, no longer a target)`
  return r.isNew ? `${r.verdict} (new target)` : r.verdict
}

function tableRows(view: ReportView, style: Style): string[][] {
  const interval = intervalColumn(view.rows)
  const header = ['target', 'base', 'head', 'Δ', 'Δ %', interval.header, 'verdict']
  const rows = [header.map((h) => style.dim(h))]
  for (const [i, r] of view.rows.entries()) {
    const color = r.gating ? paint(r.verdict, style) : style.dim
    const name = r.suffix ? `${r.target} · ${r.suffix}` : r.target
    const base = r.base ? formatValue(r.unit, r.base.median) : '–'
    const head = r.head ? formatValue(r.unit, r.head.median) : '–'
    const change = interval.cells[i]
    if (!change) {
      rows.push([name, base, head, r.proved ? 'none (proof)' : '', '', '', color(verdictText(r))])
      continue
    }
    const tone = change.pct > 0 ? style.red : change.pct < 0 ? style.green : (x: string) => x
    rows.push([
      name,
      base,
      head,
      tone(change.delta),
      tone(signedPct(change.pct)),
      interval.text(change),
      color(verdictText(r)),
    ])
  }
  return rows
}

function moduleChangeLines(l: ModuleChangesView, style: Style, limit: number): string[] {
  const sign = l.eager ? 1 : -1
  const title = l.eager
    ? 'now imported (in head, not in base)'
    : 'no longer imported (in base, not in head)'
  const out = [`  ${style.bold(l.target)}: ${title}`]
  const rows = l.groups
    .slice(0, limit)
    .map(({ lead, more }) => [
      sign > 0 ? style.red(`+ ${lead.name}`) : style.green(`− ${lead.name}`),
      signedMs(sign * lead.cumulative_ms),
      style.dim(formatChain(lead.chain)),
      style.dim(more ? `(+${more} module${more > 1 ? 's' : ''} it imports)` : ''),
    ])
  out.push(...columns(rows, ['l', 'r', 'l', 'l']).map((line) => `    ${line}`))
  if (l.groups.length > limit) out.push(style.dim(`    … and ${l.groups.length - limit} more`))
  if (l.aliases) out.push(style.dim(`    (and ${aliasText(l.aliases, l.eager)})`))
  return out
}

/** " (with rich)": the cause that brought the package in; else whether it is new or gone. */
function packageNote(r: ReportView['packages'][number]['rows'][number]): string {
  if (r.cause && r.cause.cause.package !== r.name)
    return ` (${packageCauseText(r, r.cause, (s) => s)})`
  return r.base_self_ms === null ? ' (new)' : r.head_self_ms === null ? ' (gone)' : ''
}

export const compareReport = (doc: ResultsDocument, style: Style, limit = 8): string =>
  compareReportOfView(buildView(doc), style, limit)

/** compare's terminal report, laid out from the view model (built once per report by the caller). */
export function compareReportOfView(view: ReportView, style: Style, limit = 8): string {
  const { run } = view
  const out: string[] = []
  const sha = (s: string | null | undefined) => (s ? s.slice(0, 10) : '?')
  const side = (c: { ref: string; sha: string | null } | null) =>
    c && c.sha && c.ref === c.sha ? sha(c.sha) : `${c?.ref} (${sha(c?.sha)})`
  out.push(style.bold(`importgate compare · Python ${run.python.split(' ')[0]} · ${run.platform}`))
  out.push(paint(view.verdict, style)(plainText(view.headline)))
  out.push(style.dim(`base ${side(run.base)} → head ${side(run.head)}`))
  if (view.skipped) {
    const { files, count, affects } = view.skipped
    const more = count > files.length ? ` and ${count - files.length} more` : ''
    out.push(
      '',
      ...(count === 0
        ? [style.dim('no file differs between base and head: nothing was installed or measured')]
        : [
            `changed: ${files.join(', ')}${more}`,
            style.dim(
              `none matches affects (${affects.join(' ')}): nothing was installed or measured; ${run.durationS.toFixed(1)} s in all`,
            ),
          ]),
      ...driftLines(view, style, 8),
    )
    return out.join('\n')
  }
  out.push('')
  out.push(
    ...columns(tableRows(view, style), ['l', 'r', 'r', 'r', 'r', 'r', 'l']).map((l) => `  ${l}`),
  )
  out.push(...tableNotes(view).map((n) => style.dim(`  ${n}`)))
  for (const p of view.proofs)
    out.push(
      p.decided
        ? `${style.green('proof')}: ${p.target} is unchanged at import. ${plainText(p.text)}`
        : `${style.dim('proof')}: ${p.target} was ${plainText(p.text)}.`,
    )
  out.push(...gateLines(view, style))
  out.push(...lazyImportLines(view, style))
  out.push(...whyLines(view, style, limit))
  out.push(...driftLines(view, style, limit))
  const chains = view.moduleChanges.flatMap((l) => moduleChangeLines(l, style, limit))
  if (chains.length) {
    out.push(
      '',
      style.bold('Import chains') + style.dim(' (per target; cumulative -X importtime time)'),
      ...chains,
    )
  }
  if (view.packages.length) {
    out.push('', style.bold('By package') + style.dim(' (own -X importtime time, head − base)'))
    for (const { target, rows } of view.packages) {
      const top = rows.slice(0, 5)
      const label = (r: (typeof rows)[number]) =>
        `${r.name}${r.own ? ' (this project)' : ''} ${signedMs(r.delta_ms)}${r.notable === false ? ' (noise)' : ''}${packageNote(r)}`
      out.push(`  ${style.bold(target)}: ${top.map(label).join(', ')}`)
    }
  }
  if (view.selfTime.length) {
    out.push(
      '',
      style.bold('Where the time went') + style.dim(' (own -X importtime time, head − base)'),
    )
    for (const { target, changes } of view.selfTime) {
      const top = changes.slice(0, 5)
      out.push(
        `  ${style.bold(target)}: ${top.map((c) => `${c.name} ${signedMs(c.delta_ms)}`).join(', ')}`,
      )
    }
  }
  const counts = view.moduleCounts.filter((c) => c.base)
  if (counts.length) {
    const text = counts.map(({ target, base, head }) => {
      const d = head.module_count - base!.module_count
      return `${target} ${base!.module_count} → ${head.module_count} (${signedCount(d)}; own package ${base!.package_module_count} → ${head.package_module_count})`
    })
    out.push('', `${style.bold('Modules loaded')}: ${text.join(', ')}`)
  }
  if (view.dependencies.length) {
    const items = view.dependencies.map((d) =>
      d.base === null
        ? `+ ${d.name} ${d.head}`
        : d.head === null
          ? `− ${d.name} ${d.base}`
          : `${d.name} ${d.base} → ${d.head}`,
    )
    out.push(
      '',
      `${style.bold('Dependencies')}: ${items.slice(0, 12).join(', ')}${items.length > 12 ? `, … and ${items.length - 12} more` : ''}`,
    )
  }
  for (const { target, error: e } of view.errors) {
    out.push('', style.red(`${target} (${e.side}): ${e.kind}: ${e.message}`))
    for (const frame of e.traceback.slice(-3)) out.push(style.dim(`    ${frame}`))
  }
  const s = run.settings
  out.push('')
  const allProved = view.rows.length > 0 && view.rows.every((r) => r.proved)
  const timing = allProved ? (costText(view) ?? 'nothing timed') : undefined
  out.push(
    style.dim(
      timing
        ? `${timing}${run.phases ? ` (${run.phases})` : ''}`
        : `${countOf(run.rounds, 'interleaved round')}${pairsNote(view)} after ${warmupsRun(run.warmupRounds, s.warmups)} warm-up${s.warmups === 1 ? '' : 's'}; sequential test, band ±${String(s.threshold_pct)}% or ±${String(s.min_delta_ms)} ms; ${costText(view) ?? `${run.durationS.toFixed(1)} s in all`}${run.phases ? ` (${run.phases})` : ''}`,
    ),
  )
  if (run.install) out.push(style.dim(run.install))
  if (run.truncated)
    out.push(style.yellow(`--max-time ended sampling before --min-pairs; figures are less certain`))
  return out.join('\n')
}
