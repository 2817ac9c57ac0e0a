// The sections of the markdown report about the gate: forbidden imports,
// budgets, configuration changes and errors. Pure.
import { formatMs } from './format.js'
import { capped, chain, code, plain, table } from './markdown-text.js'
import type { ReportView } from './view.js'

export function budgets(view: ReportView): string[] {
  const rows = view.budgets.map((b) => [
    code(b.target),
    b.on === 'time' ? 'import time' : 'modules',
    b.on === 'time' ? formatMs(b.limit) : String(b.limit),
    b.on === 'time' ? formatMs(b.actual) : String(b.actual),
    b.ok ? '✅ within' : '❌ over',
  ])
  if (!rows.length) return []
  return [
    '#### Budgets',
    '',
    table(['Target', 'Budget on', 'Limit', 'Head', 'Status'], rows, ['l', 'l', 'r', 'r', 'l']),
  ]
}

export function forbidden(view: ReportView, limit: number): string[] {
  if (!view.forbidden.length) return []
  const lines = capped(view.forbidden, limit, (h) => {
    const via = h.chain.length ? `, via ${chain(h.chain)}` : ''
    const count = h.count > 1 ? ` (${h.count} modules under ${code(h.rule)})` : ''
    return `- ⛔ ${code(h.name)} is imported by ${code(h.target)}${via}${count}`
  })
  return ['#### Forbidden imports', '', ...lines]
}

export function configChanges(view: ReportView): string[] {
  if (!view.configChanges.length) return []
  const items = view.configChanges.map(
    (c) => `${code(c.key)}: ${code(JSON.stringify(c.base))} → ${code(JSON.stringify(c.head))}`,
  )
  return [
    `> [!WARNING]`,
    `> This pull request changes \`[tool.importgate]\`; the gate used the base branch's settings. ${items.join('; ')}`,
  ]
}

export function errors(view: ReportView): string[] {
  if (!view.errors.length) return []
  const out = ['#### Errors', '']
  for (const { target, error: e } of view.errors) {
    out.push(`- ${code(target)} (${e.side}): **${plain(e.kind)}**: ${plain(e.message)}`)
    const detail = [...e.traceback, ...(e.stderr_tail ? ['', e.stderr_tail] : [])]
      .join('\n')
      .replace(/```/g, "'''")
    if (detail.trim()) out.push('', '  ```', ...detail.split('\n').map((l) => `  ${l}`), '  ```')
  }
  return out
}
