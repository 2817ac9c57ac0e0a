// The terminal report of `importgate compare`. Pure: results in, text out.
import { formatChain, formatMs, signedMs, signedPct } from './format.js'
import { grouped } from './groups.js'
import { plainHeadline } from './markdown-sections.js'
import type { ModuleChangeJson, ResultsDocument, TargetResult, Verdict } from './results.js'
import { columns, type Style } from './style.js'

function paint(verdict: Verdict, style: Style): (text: string) => string {
  if (verdict === 'improvement') return style.green
  if (verdict === 'pass') return (t) => t
  return style.red
}

function verdictText(t: TargetResult): string {
  const c = t.delta?.confirmation
  if (t.verdict === 'regression' && c)
    return c.confirmed ? 'regression (confirmed)' : 'regression (unconfirmed)'
  if (t.verdict === 'pass' && c?.confirmed === false) return 'pass (not confirmed)'
  if (t.verdict === 'budget') return 'over budget'
  if (t.verdict === 'forbidden') return 'forbidden import'
  return t.new ? `${t.verdict} (new target)` : t.verdict
}

/** Config changes, forbidden imports and budgets: what decides beyond the statistics. */
export function gateLines(doc: ResultsDocument, style: Style): string[] {
  const out: string[] = []
  for (const c of doc.config_changes ?? []) {
    out.push(
      style.yellow(
        `head changes [tool.importgate] ${c.key}: ${JSON.stringify(c.base)} → ${JSON.stringify(c.head)} (the gate used base's)`,
      ),
    )
  }
  for (const t of doc.targets) {
    if (t.new) out.push(style.dim(`${t.name} is new in head: measured on head only`))
    for (const f of t.forbidden) {
      out.push(
        style.red(
          `forbidden: ${f.name} is imported by ${t.name}${f.chain.length ? ` via ${formatChain(f.chain)}` : ''}`,
        ),
      )
    }
    const b = t.budget
    if (b?.time)
      out.push(
        (b.time.ok ? style.dim : style.red)(
          `budget: ${t.name} ${formatMs(b.time.median_ms)} of ${formatMs(b.time.limit_ms)} ${b.time.ok ? '(within)' : '(over)'}`,
        ),
      )
    if (b?.modules)
      out.push(
        (b.modules.ok ? style.dim : style.red)(
          `budget: ${t.name} loads ${b.modules.count} of ${b.modules.limit} modules ${b.modules.ok ? '(within)' : '(over)'}`,
        ),
      )
  }
  return out.length ? ['', ...out] : []
}

function tableRows(doc: ResultsDocument, style: Style): string[][] {
  const rows = [['target', 'base', 'head', 'Δ ms', 'Δ %', 'CI', 'verdict'].map((h) => style.dim(h))]
  for (const t of doc.targets) {
    const color = paint(t.verdict, style)
    if (!t.delta) {
      rows.push([
        t.name,
        t.base ? formatMs(t.base.median_ms) : '–',
        t.head ? formatMs(t.head.median_ms) : '–',
        '',
        '',
        '',
        color(t.verdict),
      ])
      continue
    }
    const d = t.delta
    const tone = d.pct > 0 ? style.red : d.pct < 0 ? style.green : (x: string) => x
    rows.push([
      t.name,
      formatMs(t.base!.median_ms),
      formatMs(t.head!.median_ms),
      tone(signedMs(d.ms)),
      tone(signedPct(d.pct)),
      d.ci_pct ? `${signedPct(d.ci_pct[0])} … ${signedPct(d.ci_pct[1])}` : '–',
      color(verdictText(t)),
    ])
  }
  return rows
}

function lazyLines(t: TargetResult, style: Style, limit: number): string[] {
  const out: string[] = []
  const section = (title: string, changes: ModuleChangeJson[], sign: 1 | -1) => {
    if (!changes.length) return
    out.push(`  ${style.bold(t.name)}: ${title}`)
    const groups = grouped(changes)
    const rows = groups
      .slice(0, limit)
      .map(({ lead, more }) => [
        sign > 0 ? style.red(`+ ${lead.name}`) : style.green(`− ${lead.name}`),
        signedMs(sign * lead.cumulative_ms),
        style.dim(formatChain(lead.chain)),
        more ? style.dim(`(+${more} module${more > 1 ? 's' : ''} it imports)`) : '',
      ])
    out.push(...columns(rows, ['l', 'r', 'l', 'l']).map((l) => `    ${l}`))
    if (groups.length > limit) out.push(style.dim(`    … and ${groups.length - limit} more`))
    const aliases = changes.filter((c) => c.chain.length === 0).length
    if (aliases)
      out.push(
        style.dim(
          `    (and ${aliases} module name${aliases > 1 ? 's' : ''} set in sys.modules without an import)`,
        ),
      )
  }
  section('now eager (imported in head, not in base)', t.modules?.added ?? [], 1)
  section('now lazy (imported in base, not in head)', t.modules?.removed ?? [], -1)
  return out
}

export function compareReport(doc: ResultsDocument, style: Style, limit = 8): string {
  const out: string[] = []
  const sha = (s: string | null) => (s ? s.slice(0, 10) : '?')
  out.push(style.bold(`importgate compare · Python ${doc.python.split(' ')[0]} · ${doc.platform}`))
  out.push(paint(doc.verdict, style)(plainHeadline(doc)))
  out.push(
    style.dim(
      `base ${doc.base?.ref} (${sha(doc.base?.sha ?? null)}) → head ${doc.head.ref} (${sha(doc.head.sha)})`,
    ),
  )
  out.push('')
  out.push(
    ...columns(tableRows(doc, style), ['l', 'r', 'r', 'r', 'r', 'r', 'l']).map((l) => `  ${l}`),
  )
  out.push(...gateLines(doc, style))
  const lazy = doc.targets.flatMap((t) => lazyLines(t, style, limit))
  if (lazy.length) {
    out.push(
      '',
      style.bold('Lazy-loading changes') + style.dim(' (cumulative -X importtime time)'),
      ...lazy,
    )
  }
  const moved = doc.targets.filter((t) => t.modules?.self_time_changes.length && t.delta)
  if (moved.length) {
    out.push(
      '',
      style.bold('Where the time went') + style.dim(' (own -X importtime time, head − base)'),
    )
    for (const t of moved) {
      const top = t.modules!.self_time_changes.slice(0, 5)
      out.push(
        `  ${style.bold(t.name)}: ${top.map((c) => `${c.name} ${signedMs(c.delta_ms)}`).join(', ')}`,
      )
    }
  }
  const counts = doc.targets.filter((t) => t.base && t.head)
  if (counts.length) {
    const text = counts.map((t) => {
      const [b, h] = [t.base!, t.head!]
      const d = h.module_count - b.module_count
      return `${t.name} ${b.module_count} → ${h.module_count} (${d > 0 ? '+' : ''}${d}; own package ${b.package_module_count} → ${h.package_module_count})`
    })
    out.push('', `${style.bold('Modules loaded')}: ${text.join(', ')}`)
  }
  if (doc.deps?.changed.length) {
    const items = doc.deps.changed.map((d) =>
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
  for (const t of doc.targets.filter((x) => x.error)) {
    const e = t.error!
    out.push('', style.red(`${t.name} (${e.side}): ${e.kind}: ${e.message}`))
    for (const frame of e.traceback.slice(-3)) out.push(style.dim(`    ${frame}`))
  }
  const s = doc.settings
  out.push('')
  out.push(
    style.dim(
      `${doc.rounds} interleaved round(s) after ${String(s.warmups)} warm-up(s); a regression needs p < ${String(s.alpha)} and more than ${String(s.threshold_pct)}% and ${String(s.min_delta_ms)} ms, confirmed by a fresh batch; ${doc.duration_s.toFixed(1)} s in all`,
    ),
  )
  if (doc.truncated)
    out.push(style.yellow(`--max-time ended sampling before --min-pairs; figures are less certain`))
  return out.join('\n')
}
