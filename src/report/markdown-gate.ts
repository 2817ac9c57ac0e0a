// The sections of the markdown report about the gate: forbidden imports,
// budgets, configuration changes and errors. Pure.
import { formatMs } from './format.js'
import { capped, chain, code, plain, table } from './markdown-text.js'
import type { ResultsDocument } from './results.js'

export function budgets(doc: ResultsDocument): string[] {
  const rows: string[][] = []
  for (const t of doc.targets) {
    const b = t.budget
    if (b?.time)
      rows.push([
        code(t.name),
        'import time',
        formatMs(b.time.limit_ms),
        formatMs(b.time.median_ms),
        b.time.ok ? '✅ within' : '❌ over',
      ])
    if (b?.modules)
      rows.push([
        code(t.name),
        'modules',
        String(b.modules.limit),
        String(b.modules.count),
        b.modules.ok ? '✅ within' : '❌ over',
      ])
  }
  if (!rows.length) return []
  return [
    '#### Budgets',
    '',
    table(['Target', 'Budget on', 'Limit', 'Head', 'Status'], rows, ['l', 'l', 'r', 'r', 'l']),
  ]
}

export function forbidden(doc: ResultsDocument, limit: number): string[] {
  const hits = doc.targets.flatMap((t) => t.forbidden.map((f) => ({ target: t.name, ...f })))
  if (!hits.length) return []
  const lines = capped(hits, limit, (h) => {
    const via = h.chain.length ? `, via ${chain(h.chain)}` : ''
    const count = h.count > 1 ? ` (${h.count} modules under ${code(h.rule)})` : ''
    return `- ⛔ ${code(h.name)} is imported by ${code(h.target)}${via}${count}`
  })
  return ['#### Forbidden imports', '', ...lines]
}

export function configChanges(doc: ResultsDocument): string[] {
  const changes = doc.config_changes ?? []
  if (!changes.length) return []
  const items = changes.map(
    (c) => `${code(c.key)}: ${code(JSON.stringify(c.base))} → ${code(JSON.stringify(c.head))}`,
  )
  return [
    `> [!WARNING]`,
    `> This pull request changes \`[tool.importgate]\`; the gate used the base branch's settings. ${items.join('; ')}`,
  ]
}

export function errors(doc: ResultsDocument): string[] {
  const failed = doc.targets.filter((t) => t.error)
  if (!failed.length) return []
  const out = ['#### Errors', '']
  for (const t of failed) {
    const e = t.error!
    out.push(`- ${code(t.name)} (${e.side}): **${plain(e.kind)}**: ${plain(e.message)}`)
    const detail = [...e.traceback, ...(e.stderr_tail ? ['', e.stderr_tail] : [])]
      .join('\n')
      .replace(/```/g, "'''")
    if (detail.trim()) out.push('', '  ```', ...detail.split('\n').map((l) => `  ${l}`), '  ```')
  }
  return out
}
