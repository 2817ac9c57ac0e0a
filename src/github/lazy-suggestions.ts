// Review comments with GitHub suggested changes that make never-needed
// imports lazy (PEP 810): one per line as `lazy import …`, or per module a
// `__lazy_modules__` list where the project supports Pythons before 3.15.
// Only on lines the pull request added or changed (GitHub takes review
// comments only on the diff, and an author asked about their own lines),
// never twice, never more than a handful. Pure: the file text, the changed
// lines and the existing comments come in.
import { importStatement } from '../analysis/attribution/python-imports.js'
import { formatMs } from '../report/view/format.js'
import { code } from '../report/markdown/markdown-text.js'
import { profiledCost, worthSuggesting, type LazyImportsItem } from '../report/view/view-lazy.js'
import type { ReviewComment } from './sticky-comment.js'

/** In every suggestion's body: how importgate finds its own. */
export const SUGGESTION_MARKER = '<!-- importgate:lazy-suggestion -->'

/** At most this many suggestions on a pull request, per run. */
export const MAX_SUGGESTIONS = 5

export interface SuggestionContext {
  /** The file at the pull request's head, or null when it cannot be read. */
  text(path: string): string | null
  /** The lines the pull request added or changed in the file. */
  changed(path: string): ReadonlySet<number>
  /** Review comments already on the pull request. */
  existing: readonly ReviewComment[]
  /** Lines whose modules cost less (the gate's min-delta) are not worth a suggestion. */
  floorMs?: number
}

const MODULE = /^[A-Za-z_][\w.]*$/

/** No import statement a person writes is longer; a longer line would make the review too long for GitHub, losing every suggestion. */
const MAX_LINE = 1_000

/**
 * The file's line `n` (1-based) as Python numbers it, or undefined. A lone CR
 * ends a line for Python but not for every reader of the diff: such a file
 * gets no suggestion rather than one on the wrong line.
 */
function lineOf(source: string | null | undefined, n: number): string | undefined {
  if (source == null || /\r(?!\n)/.test(source)) return undefined
  return source.split(/\r?\n/)[n - 1]
}

/** The line as one plain import statement, safe to put in a suggestion block; null otherwise. */
function plainImport(text: string | undefined): string | null {
  if (text === undefined || text.length > MAX_LINE || !importStatement(text)) return null
  // Continued (parentheses, backslash), several statements, or a fence breaker: leave it to a person.
  if (/[()\\;`]/.test(text.replace(/#.*$/, ''))) return null
  return text.includes('`') ? null : text
}

const suggestion = (why: string, code: string) =>
  `${SUGGESTION_MARKER}\n${why}\n\n\`\`\`suggestion\n${code}\n\`\`\``

export function reviewSuggestions(
  items: readonly LazyImportsItem[],
  context: SuggestionContext,
  limit = MAX_SUGGESTIONS,
): ReviewComment[] {
  const out: ReviewComment[] = []
  const posted = new Set(
    context.existing
      .filter((c) => c.body.includes(SUGGESTION_MARKER))
      .map((c) => `${c.path}:${c.line}`),
  )
  const add = (comment: ReviewComment) => {
    const key = `${comment.path}:${comment.line}`
    if (out.length < limit && !posted.has(key)) {
      posted.add(key)
      out.push(comment)
    }
  }
  for (const { target, lazy, profileMs } of items) {
    const never = worthSuggesting(lazy, context.floorMs ?? 0).filter(
      (l) => MODULE.test(l.module) && context.changed(l.file).has(l.line),
    )
    const cost = (ms: number | null) =>
      ms === null ? '' : ` (${profiledCost(ms, profileMs, formatMs)})`
    if ((lazy.form ?? 'statement') === 'statement') {
      for (const l of never) {
        const text = plainImport(lineOf(context.text(l.file), l.line))
        if (!text) continue
        const indent = /^\s*/.exec(text)![0]
        add({
          path: l.file,
          line: l.line,
          body: suggestion(
            `Nothing needed ${code(l.module)} while importing ${code(target)}${cost(l.cumulative_ms)}: as a \`lazy import\` (Python 3.15, PEP 810) it loads when first used.`,
            `${indent}lazy ${text.slice(indent.length)}`,
          ),
        })
      }
      continue
    }
    // One list per module, on its first changed line; not where the module has a list already.
    const byFile = new Map<string, typeof never>()
    for (const l of never) byFile.set(l.file, [...(byFile.get(l.file) ?? []), l])
    for (const [file, lines] of byFile) {
      const source = context.text(file)
      if (source === null || source.includes('__lazy_modules__')) continue
      const first = [...lines].sort((a, b) => a.line - b.line)[0]!
      const text = plainImport(lineOf(source, first.line))
      if (!text || /^\s/.test(text)) continue
      const names = [...new Set(lines.map((l) => l.module))]
      const ms = lines.reduce((sum, l) => sum + (l.cumulative_ms ?? 0), 0)
      add({
        path: file,
        line: first.line,
        body: suggestion(
          `Nothing needed ${names.map(code).join(', ')} while importing ${code(target)}${cost(ms || null)}: listed in \`__lazy_modules__\`, they load when first used on Python 3.15 (PEP 810), and older Pythons ignore the list.`,
          `__lazy_modules__ = [${names.map((n) => JSON.stringify(n)).join(', ')}]\n${text}`,
        ),
      })
    }
  }
  return out
}
