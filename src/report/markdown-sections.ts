// The sections of the markdown report, each from the results document. Pure.
import { mostSerious } from '../analysis/gate.js'
import { formatMs, signedMs, signedPct } from './format.js'
import { capped, chain, code, howMuch, plain, table, VERDICT_LABEL } from './markdown-text.js'
import type { ModuleChangeJson, ResultsDocument, TargetResult } from './results.js'
import { grouped } from './groups.js'

/** Targets with the most serious verdict: the largest change first for regressions and improvements, else in config order. */
const worst = (doc: ResultsDocument): TargetResult[] => {
  const verdict = mostSerious(doc.targets.map((t) => t.verdict))
  const found = doc.targets.filter((t) => t.verdict === verdict)
  if (verdict !== 'regression' && verdict !== 'improvement') return found
  const size = (t: TargetResult) => Math.abs(t.delta?.pct ?? 0)
  return found.sort((a, b) => size(b) - size(a))
}

function headlineFor(t: TargetResult, doc: ResultsDocument): string {
  const name = code(t.name)
  switch (t.verdict) {
    case 'error':
      return `⚠️ importgate could not measure ${name} (${t.error!.side}): ${plain(t.error!.kind)}`
    case 'forbidden':
      return `⛔ ${name} imports forbidden module ${code(t.forbidden[0]!.name)}`
    case 'budget': {
      const b = t.budget!
      if (b.time && !b.time.ok)
        return `💸 ${name} takes ${formatMs(b.time.median_ms)} to import, over its ${formatMs(b.time.limit_ms)} budget`
      return `💸 ${name} loads ${b.modules!.count} modules, over the budget of ${b.modules!.limit}`
    }
    case 'regression':
      return `❌ ${name} imports ${howMuch(t.delta!.pct)} (${signedMs(t.delta!.ms)})`
    case 'improvement':
      return `🚀 ${name} imports ${howMuch(t.delta!.pct)} (${signedMs(t.delta!.ms)})`
    default:
      if (doc.command === 'measure')
        return `📏 ${name} imports in ${formatMs(t.head?.median_ms ?? NaN)}`
      return doc.targets.length > 1
        ? `✅ No import-time regressions in ${doc.targets.length} targets`
        : `✅ No import-time regression: ${name} ${t.delta ? signedPct(t.delta.pct) : 'measured'}`
  }
}

/** The headline without markdown, for terminals, check reasons and annotations. */
export function plainHeadline(doc: ResultsDocument): string {
  return headline(doc).replace(/^### /, '').replace(/`/g, '')
}

export function headline(doc: ResultsDocument): string {
  const [first, ...others] = worst(doc)
  if (!first) return '✅ No targets measured'
  const more = first.verdict !== 'pass' && others.length ? ` (and ${others.length} more)` : ''
  return `### ${headlineFor(first, doc)}${more}`
}

export function deltaTable(doc: ResultsDocument): string {
  if (doc.command === 'measure') {
    const rows = doc.targets.map((t) => [
      code(t.name),
      t.head ? formatMs(t.head.median_ms) : '–',
      t.head ? `${formatMs(t.head.q1_ms)} – ${formatMs(t.head.q3_ms)}` : '–',
      t.head ? String(t.head.module_count) : '–',
      VERDICT_LABEL[t.verdict],
    ])
    return table(['Target', 'Median', 'IQR', 'Modules', 'Verdict'], rows, ['l', 'r', 'r', 'r', 'l'])
  }
  const rows = doc.targets.map((t) => {
    const d = t.delta
    const verdict = VERDICT_LABEL[t.verdict] + (t.new ? ' (new target)' : '')
    return [
      code(t.name),
      t.base ? formatMs(t.base.median_ms) : '–',
      t.head ? formatMs(t.head.median_ms) : '–',
      d ? signedMs(d.ms) : '–',
      d ? signedPct(d.pct) : '–',
      d?.ci_pct ? `${signedPct(d.ci_pct[0])} … ${signedPct(d.ci_pct[1])}` : '–',
      verdict,
    ]
  })
  const level = doc.targets.find((t) => t.delta)?.delta?.ci_level ?? 0.98
  return table(
    ['Target', 'Base', 'Head', 'Δ ms', 'Δ %', `CI (${Math.round(level * 100)}%)`, 'Verdict'],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
  )
}

function lazyItem(target: string, lead: ModuleChangeJson, more: number, eager: boolean): string {
  const withMore = more ? `, with ${more} module${more > 1 ? 's' : ''} it imports` : ''
  return eager
    ? `- ${code(lead.name)} is now imported by ${code(target)} (${signedMs(lead.cumulative_ms)}), via ${chain(lead.chain)}${withMore}`
    : `- ${code(lead.name)} is no longer imported by ${code(target)} (${signedMs(-lead.cumulative_ms)})${withMore}`
}

export function lazyLoading(doc: ResultsDocument, limit: number): string[] {
  const lines: string[] = []
  for (const t of doc.targets) {
    for (const [changes, eager] of [
      [t.modules?.added ?? [], true],
      [t.modules?.removed ?? [], false],
    ] as const) {
      lines.push(
        ...capped(grouped([...changes]), limit, ({ lead, more }) =>
          lazyItem(t.name, lead, more, eager),
        ),
      )
      const aliases = changes.filter((c) => c.chain.length === 0).length
      if (aliases)
        lines.push(
          `- ${aliases} more module name${aliases > 1 ? 's' : ''} ${eager ? 'appear' : 'disappear'} in \`sys.modules\` without an import`,
        )
    }
  }
  if (!lines.length) return []
  return [
    '#### Lazy-loading changes',
    '',
    ...lines,
    '',
    '<sub>Times are cumulative `-X importtime` times of the module and what it imports.</sub>',
  ]
}

export function whereTimeWent(doc: ResultsDocument, limit: number): string[] {
  const out: string[] = []
  for (const t of doc.targets) {
    const changes = t.modules?.self_time_changes ?? []
    if (!t.delta || !changes.length) continue
    const ms = (x: number | null) => (x === null ? '–' : formatMs(x))
    const rows = changes
      .slice(0, limit)
      .map((c) => [code(c.name), ms(c.base_self_ms), ms(c.head_self_ms), signedMs(c.delta_ms)])
    if (out.length) out.push('')
    out.push(
      `**${code(t.name)}**: own (self) time by module, largest changes first`,
      '',
      table(['Module', 'Base', 'Head', 'Δ'], rows, ['l', 'r', 'r', 'r']),
    )
  }
  return out.length ? ['#### Where the time went', '', ...out] : []
}

export function slowest(doc: ResultsDocument, limit: number): string[] {
  if (doc.command !== 'measure') return []
  const out: string[] = []
  for (const t of doc.targets) {
    const list = t.head?.profile.slowest ?? []
    if (!list.length) continue
    const rows = list
      .slice(0, limit)
      .map((m) => [
        code(m.name),
        formatMs(m.self_ms),
        formatMs(m.cumulative_ms),
        m.chain.length > 1 ? chain(m.chain.slice(0, -1)) : '(the target)',
      ])
    if (out.length) out.push('')
    out.push(
      `**${code(t.name)}**`,
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

export function moduleCounts(doc: ResultsDocument): string[] {
  const rows = doc.targets
    .filter((t) => t.head)
    .map((t) => {
      const b = t.base
      const h = t.head!
      const delta = b ? h.module_count - b.module_count : null
      return [
        code(t.name),
        b ? String(b.module_count) : '–',
        String(h.module_count),
        delta === null ? '–' : `${delta > 0 ? '+' : ''}${delta}`,
        b
          ? `${b.package_module_count} → ${h.package_module_count}`
          : String(h.package_module_count),
      ]
    })
  if (!rows.length) return []
  if (doc.command === 'measure') {
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

export function dependencies(doc: ResultsDocument, limit: number): string[] {
  const changed = doc.deps?.changed ?? []
  if (!changed.length) return []
  const rows = changed
    .slice(0, limit)
    .map((d) => [code(d.name), d.base ? code(d.base) : '–', d.head ? code(d.head) : '–'])
  const more = changed.length > limit ? [`… and ${changed.length - limit} more`] : []
  return [
    '#### Dependency changes',
    '',
    table(['Package', 'Base', 'Head'], rows, ['l', 'l', 'l']),
    ...more,
  ]
}

export function methodology(doc: ResultsDocument): string[] {
  const s = doc.settings
  const sha = (x: string | null | undefined) => (x ? code(x.slice(0, 12)) : '–')
  const lines = [
    `- ${doc.rounds} interleaved round(s) after ${String(s.warmups)} warm-up round(s); every sample a fresh interpreter timing the import alone; ${doc.command === 'compare' ? 'base and head' : 'targets'} alternate in a random order each round (seed ${String(s.seed)}).`,
    doc.command === 'compare'
      ? `- A regression needs a one-sided Wilcoxon signed-rank p < ${String(s.alpha)} on paired log-ratios, a Hodges-Lehmann estimate above ${String(s.threshold_pct)}% and above ${String(s.min_delta_ms)} ms, and a fresh confirming batch.`
      : '- Spread is the interquartile range of the samples.',
    `- Python ${plain(doc.python.split(' ')[0] ?? doc.python)} on ${plain(doc.platform)}; install: ${code(String(s.install))}.`,
    doc.base
      ? `- Base ${code(doc.base.ref)} at ${sha(doc.base.sha)}, head ${code(doc.head.ref)} at ${sha(doc.head.sha)}.`
      : `- Working tree at ${sha(doc.head.sha)}${doc.head.dirty ? ' with uncommitted changes' : ''}.`,
    `- ${doc.duration_s.toFixed(1)} s in all; importgate ${doc.tool.version}.${doc.truncated ? ' The time budget ended sampling before the minimum number of pairs.' : ''}`,
  ]
  return ['<details><summary>How this was measured</summary>', '', ...lines, '', '</details>']
}
