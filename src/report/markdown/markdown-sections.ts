// The sections of the markdown report about the measurements, each from the
// view model. Pure. The run's own sections (what it cost, how it measured,
// why it skipped) are in markdown-footer.ts.
import { packageCauseText } from '../view/package-causes.js'
import { aliasText } from '../view/view-notes.js'
import { formatMs, formatValue, signedCount, signedMs, signedPct } from '../view/format.js'
import { countedNotes, stateNotes } from '../view/counted-notes.js'
import type { SourceLinks } from './markdown-functions.js'
import { mechanismLinked } from './markdown-mechanism.js'
import { capped, chain, code, plain, rich, table, VERDICT_LABEL } from './markdown-text.js'
export { cost, methodology, skipped } from './markdown-footer.js'
import {
  intervalColumn,
  reportedOnly,
  type ModuleChangesView,
  type MetricRowView,
  type ReportView,
} from '../view/view.js'

export function headline(view: ReportView): string {
  return `### ${rich(view.headline)}`
}

/** The row's target, with the metric named when it is not the primary one. */
const rowName = (r: MetricRowView) =>
  r.suffix ? `${code(r.target)} · ${plain(r.suffix)}` : code(r.target)

/** A gating row shows the target's verdict; a reported-only row what its statistics say. */
function verdictCell(r: MetricRowView): string {
  if (!r.gating) return `ℹ️ ${reportedOnly(r)}`
  return (
    VERDICT_LABEL[r.verdict] +
    (r.isNew ? ' (new target)' : r.isGone ? ' (removed in head, no longer a target)' : '')
  )
}

export function deltaTable(view: ReportView): string {
  if (view.command === 'measure') {
    const rows = view.rows.map((r) => [
      rowName(r),
      r.head ? formatValue(r.unit, r.head.median) : '–',
      r.head ? `${formatValue(r.unit, r.head.q1)} – ${formatValue(r.unit, r.head.q3)}` : '–',
      r.head ? String(r.head.moduleCount) : '–',
      verdictCell(r),
    ])
    const text = table(['Target', 'Median', 'IQR', 'Modules', 'Verdict'], rows, [
      'l',
      'r',
      'r',
      'r',
      'l',
    ])
    return withCountedNotes(text, view)
  }
  const interval = intervalColumn(view.rows)
  const rows = view.rows.map((r, i) => {
    const change = interval.cells[i]
    return [
      rowName(r),
      r.base ? formatValue(r.unit, r.base.median) : '–',
      r.head ? formatValue(r.unit, r.head.median) : '–',
      change?.delta ?? (r.proved ? 'none (proof)' : '–'),
      change ? signedPct(change.pct) : '–',
      change ? interval.text(change) : '–',
      verdictCell(r),
    ]
  })
  const text = table(['Target', 'Base', 'Head', 'Δ', 'Δ %', interval.header, 'Verdict'], rows, [
    'l',
    'r',
    'r',
    'r',
    'r',
    'r',
    'l',
  ])
  // Δ is estimated from the pairs, not from the medians; say so where they disagree.
  const odd = view.rows.filter((r) => {
    if (!r.delta || !r.base || !r.head) return false
    const medians = r.head.median - r.base.median
    return medians !== 0 && r.delta.ms !== 0 && Math.sign(medians) !== Math.sign(r.delta.ms)
  })
  if (!odd.length) return withCountedNotes(text, view)
  return `${withCountedNotes(text, view)}\n\n<sub>Δ is the median of the paired differences (Hodges-Lehmann), not the difference of the medians; for ${odd.map((r) => code(r.target)).join(', ')} the two point different ways, which happens when the change is within the noise.</sub>`
}

/** The counted rows' footnotes under the table, when there are any. */
function withCountedNotes(text: string, view: ReportView): string {
  const notes = [
    ...stateNotes(view.rows, view.run.settings.cold_method).map((n) => `<sub>${plain(n)}</sub>`),
    ...countedNotes(view.rows).map(
      (n) => `<sub>${code(n.target)} · ${plain(n.label)}: ${plain(n.parts.join('; '))}</sub>`,
    ),
  ]
  return notes.length ? `${text}\n\n${notes.join('<br>\n')}` : text
}

/** How a module name is written: in code, linked where the report knows its file. */
export type ModuleName = (target: string, module: string) => string
const plainModule: ModuleName = (_, module) => code(module)

function moduleChangeItems(
  view: ModuleChangesView,
  limit: number,
  name: ModuleName,
  links: SourceLinks | undefined,
): string[] {
  const { target, eager } = view
  const via = (chain: readonly string[]) => chain.map((m) => name(target, m)).join(' → ')
  const lines = capped(view.groups, limit, ({ lead, more }) => {
    const withMore = more ? `, with ${more} module${more > 1 ? 's' : ''} it imports` : ''
    const how = lead.how ? `: ${mechanismLinked(lead.how, links)}` : ''
    return eager
      ? `- ${code(lead.name)} is now imported by ${code(target)} (${signedMs(lead.cumulative_ms)}), via ${via(lead.chain)}${withMore}${how}`
      : `- ${code(lead.name)} is no longer imported by ${code(target)} (${signedMs(-lead.cumulative_ms)})${withMore}${how}; base imported it via ${via(lead.chain)}`
  })
  const n = view.aliases
  if (n) lines.push(`- ${aliasText(n, eager)}`)
  return lines
}

export function moduleChanges(
  view: ReportView,
  limit: number,
  name: ModuleName = plainModule,
  links?: SourceLinks,
): string[] {
  const lines = view.moduleChanges.flatMap((l) => moduleChangeItems(l, limit, name, links))
  if (!lines.length) return []
  return [
    '#### Modules now imported or no longer imported',
    '',
    ...lines,
    '',
    '<sub>Times are cumulative `-X importtime` times of the module and what it imports.</sub>',
  ]
}

/** "with `rich`": the cause above that brought the package in (or dropped it). */
function whyCell(r: ReportView['packages'][number]['rows'][number]): string {
  return r.cause ? packageCauseText(r, r.cause, code) : ''
}

/**
 * Own time by top-level package: the project's own first, then the largest
 * changes, each new or dropped package with the cause that explains it. `which`:
 * the first target's table (shown), the others' (in the details), or all.
 */
export function byPackage(
  view: ReportView,
  limit: number,
  which: 'first' | 'rest' | 'all' = 'all',
): string[] {
  const out: string[] = []
  const tables =
    which === 'first'
      ? view.packages.slice(0, 1)
      : which === 'rest'
        ? view.packages.slice(1)
        : view.packages
  const named = which !== 'first' || view.packages.length > 1
  for (const { target, rows } of tables) {
    const ms = (x: number | null) => (x === null ? '–' : formatMs(x))
    const shown = rows.slice(0, limit)
    // The Why column only where some row has a cause to name.
    const why = shown.some((r) => r.cause)
    const table_ = table(
      ['Package', 'Base', 'Head', 'Δ', 'Modules', ...(why ? ['Why'] : [])],
      shown.map((r) => [
        code(r.name) + (r.own ? ' (this project)' : ''),
        ms(r.base_self_ms),
        ms(r.head_self_ms),
        signedMs(r.delta_ms) + (r.notable === false ? ' (noise)' : ''),
        r.base_modules === r.head_modules
          ? String(r.head_modules)
          : `${r.base_modules} → ${r.head_modules}`,
        ...(why ? [whyCell(r)] : []),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'l'],
    )
    if (out.length) out.push('')
    if (named) out.push(`**${code(target)}**`, '')
    out.push(table_)
    const more = rows.length - shown.length
    if (more > 0) out.push('', `… and ${more} more package${more > 1 ? 's' : ''}`)
  }
  if (!out.length) return []
  const heading =
    which === 'rest' ? '#### Own time by package, other targets' : '#### Own time by package'
  return [
    heading,
    '',
    ...out,
    '',
    '<sub>Own time of each package\'s modules together: sums of `-X importtime` own times (median of the untimed runs per module), which run slower than the timed samples. "with `x`": loaded along with the cause `x` above. Packages that changed by less than 1 ms, or by no more than their modules\' own times spread over the untimed runs (or with fewer than 3 such runs a side, too few to know that spread), are left out as noise; the project\'s own row stays, its change marked "(noise)".</sub>',
  ]
}

export function whereTimeWent(
  view: ReportView,
  limit: number,
  name: ModuleName = plainModule,
): string[] {
  const out: string[] = []
  for (const { target, changes } of view.selfTime) {
    const ms = (x: number | null) => (x === null ? '–' : formatMs(x))
    const rows = changes
      .slice(0, limit)
      .map((c) => [
        name(target, c.name),
        ms(c.base_self_ms),
        ms(c.head_self_ms),
        signedMs(c.delta_ms),
        c.noise_ms === undefined || c.noise_ms === null ? '–' : `±${formatMs(c.noise_ms)}`,
      ])
    if (out.length) out.push('')
    out.push(
      `**${code(target)}**: own (self) time by module, largest changes first`,
      '',
      table(['Module', 'Base', 'Head', 'Δ', 'Runs spread'], rows, ['l', 'r', 'r', 'r', 'r']),
    )
  }
  if (!out.length) return []
  return [
    '#### Where the time went',
    '',
    ...out,
    '',
    '<sub>A module both sides load is listed only when its change is larger than the spread of its own time over the untimed runs of both sides.</sub>',
  ]
}

export function slowest(view: ReportView, limit: number): string[] {
  const out: string[] = []
  for (const { target, modules } of view.slowest) {
    const rows = modules
      .slice(0, limit)
      .map((m) => [
        code(m.name),
        formatMs(m.self_ms),
        formatMs(m.cumulative_ms),
        m.chain.length > 1 ? chain(m.chain.slice(0, -1)) : '(the target)',
      ])
    if (out.length) out.push('')
    out.push(
      `**${code(target)}**`,
      '',
      table(['Module', 'Self', 'Cumulative', 'Imported through'], rows, ['l', 'r', 'r', 'l']),
    )
  }
  if (!out.length) return []
  return [
    '#### Slowest modules',
    '',
    ...out,
    '',
    '<sub>Median of untimed `-X importtime` runs, which run slower than the timed samples.</sub>',
  ]
}

export function moduleCounts(view: ReportView): string[] {
  const rows = view.moduleCounts.map(({ target, base: b, head: h }) => {
    const delta = b ? h.module_count - b.module_count : null
    return [
      code(target),
      b ? String(b.module_count) : '–',
      String(h.module_count),
      delta === null ? '–' : signedCount(delta),
      b ? `${b.package_module_count} → ${h.package_module_count}` : String(h.package_module_count),
    ]
  })
  if (!rows.length) return []
  if (view.command === 'measure') {
    const measured = rows.map((r) => [r[0]!, r[2]!, r[4]!])
    return [
      '#### Modules loaded',
      '',
      table(['Target', 'Modules', 'Own package'], measured, ['l', 'r', 'r']),
    ]
  }
  return [
    '#### Modules loaded',
    '',
    table(['Target', 'Base', 'Head', 'Δ', 'Own package'], rows, ['l', 'r', 'r', 'r', 'r']),
  ]
}
