// The installed distributions that differ between base and head: one line
// above the details, the table in them. Pure.
import { code, table } from './markdown-text.js'
import type { ReportView } from '../view/view.js'

export function dependencies(view: ReportView, limit: number): string[] {
  const changed = view.dependencies
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

/**
 * The installed distributions that changed, in one line above the details: in
 * a pull request that bumps a dependency it is the cause of the causes
 * (httpx 0.27.2 → 0.28.1 stopped importing httpcore at import).
 */
export function dependencyLine(view: ReportView): string[] {
  const changed = view.dependencies
  if (!changed.length || view.command === 'measure') return []
  const shown = changed
    .slice(0, 6)
    .map((d) =>
      d.base === null
        ? `+ ${code(d.name)} ${code(d.head!)}`
        : d.head === null
          ? `− ${code(d.name)} ${code(d.base)}`
          : `${code(d.name)} ${code(d.base)} → ${code(d.head)}`,
    )
  const more = changed.length > shown.length ? `, and ${changed.length - shown.length} more` : ''
  return [`**Dependencies**: ${shown.join(', ')}${more}`]
}
