// Small, safe building blocks for GitHub-flavoured markdown. Pure.
import { markdownTable } from 'markdown-table'
import type { Verdict } from '../../model/verdict.js'
import type { Rich } from '../view/headline.js'
import { escapeHtml } from '../view/untrusted.js'

/**
 * Inline code that survives backticks in the text (a longer fence than any run
 * inside) and line breaks: a blank line ends a code span, and what follows it
 * (a function named "q\n\n@octocat <img …>") would be markdown, a mention and
 * HTML. No module or function name has a line break; they are shown as `\n`.
 */
export function code(given: string): string {
  const text = given.replace(/\r/g, '\\r').replace(/\n/g, '\\n')
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/**
 * Plain text that must not turn into HTML, a table cell break, emphasis, or a
 * mention that notifies a user or team (`@org/team` in an exception message).
 */
export function plain(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(/([\\*_[\]|])/g, '\\$1')
    .replace(/\r?\n/g, ' ')
}

/**
 * Rich text inside an HTML element (`<summary>`): GitHub does not apply
 * markdown there, so code parts become `<code>` and everything is escaped as
 * HTML, mentions included. A line break would end the HTML block and let what
 * follows be read as markdown: none is left.
 */
export function richHtml(parts: Rich): string {
  const text = (given: string) => escapeHtml(given).replace(/@/g, '&#64;')
  return parts
    .map((part) =>
      typeof part === 'string'
        ? text(part.replace(/\s*[\r\n]+\s*/g, ' '))
        : `<code>${text(part.code.replace(/\r/g, '\\r').replace(/\n/g, '\\n'))}</code>`,
    )
    .join('')
}

/** A table whose cells may hold anything: pipes and newlines are escaped. */
export function table(header: string[], rows: string[][], align: ('l' | 'r' | 'c')[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
  return markdownTable([header.map(cell), ...rows.map((row) => row.map(cell))], { align })
}

/** Rich text as markdown: code parts in code spans, the rest escaped. */
export function rich(parts: Rich): string {
  return parts.map((part) => (typeof part === 'string' ? plain(part) : code(part.code))).join('')
}

export function chain(names: readonly string[]): string {
  return names.map(code).join(' → ')
}

export const VERDICT_LABEL: Record<Verdict, string> = {
  pass: '✅ pass',
  improvement: '🚀 improvement',
  inconclusive: '❔ inconclusive',
  regression: '❌ regression',
  budget: '💸 over budget',
  forbidden: '⛔ forbidden import',
  error: '⚠️ error',
}

/** The first `limit` items, and a line saying how many were left out. */
export function capped<T>(
  items: readonly T[],
  limit: number,
  render: (item: T) => string,
): string[] {
  const lines = items.slice(0, limit).map(render)
  if (items.length > limit) lines.push(`- … and ${items.length - limit} more`)
  return lines
}
