// The markdown for PEP 810's lazy imports (Python 3.15+): declared-lazy
// imports the import loaded anyway, where a reviewer sees them, and in the
// details the headroom with every import lazy and the lines that could be. Pure.
import { formatMs } from '../view/format.js'
import { capped, code } from './markdown-text.js'
import { allLazyText, lazySuggestions, profiledCost, worthSuggesting } from '../view/view-lazy.js'
import type { ReportView } from '../view/view.js'

const at = (place: { file: string; line: number }) => code(`${place.file}:${place.line}`)

/** Declared lazy, loaded anyway: the author believes it lazy, and it is not. */
export function loadedAnyway(view: ReportView, cap: number): string[] {
  const found = view.lazyImports.flatMap((item) =>
    item.lazy.loaded_anyway.map((l) => ({ target: item.target, l })),
  )
  if (!found.length) return []
  const enforced = view.run.settings.enforce_lazy === true
  const lines = capped(
    found,
    cap,
    ({ target, l }) =>
      `- ${code(target)}: ${code(l.module)} is declared lazy at ${at(l)}, but the import loads it anyway` +
      (l.loaded_at ? `, first needed at ${at(l.loaded_at)}` : ''),
  )
  return enforced
    ? [
        '#### ⛔ Declared lazy, loaded anyway (PEP 810): `enforce-lazy` fails the check',
        '',
        ...lines,
      ]
    : [
        '#### ⚠️ Declared lazy, loaded anyway (PEP 810)',
        '',
        ...lines,
        '',
        '<sub>A warning: `enforce-lazy = true` under `[tool.importgate]` (or the action input `enforce-lazy`) makes it fail the check.</sub>',
      ]
}

/** The headroom with every import lazy, and the project's lines whose modules nothing needed. */
export function lazyHeadroom(view: ReportView, cap: number): string[] {
  if (!view.lazyImports.length) return []
  const out = ['#### Lazy imports (Python 3.15, PEP 810)', '']
  for (const item of view.lazyImports) {
    const all = item.lazy.all_lazy_ms
    out.push(
      `${code(item.target)}: with every import lazy, ${allLazyText(all, item.headMs)} (one untimed run).`,
    )
    const floor = view.run.settings.min_delta_ms
    const suggestions = lazySuggestions(item.lazy, floor)
    const small = item.lazy.never_needed.length - worthSuggesting(item.lazy, floor).length
    const statements = (item.lazy.form ?? 'statement') === 'statement'
    if (suggestions.length) {
      out.push(
        '',
        statements
          ? 'Nothing needed these during the import; each line could be lazy:'
          : "Nothing needed these during the import. The project's `requires-python` admits Pythons before 3.15, so each module's `__lazy_modules__` (which they ignore) is the way to make them lazy:",
        '',
      )
      out.push(
        ...capped(suggestions, cap, (s) => {
          const where = statements
            ? `at ${at({ file: s.file, line: s.lines[0]! })}`
            : `in ${code(s.file)}, for line${s.lines.length > 1 ? 's' : ''} ${s.lines.join(', ')}`
          const cost = s.ms === null ? '' : ` (${profiledCost(s.ms, item.profileMs, formatMs)})`
          return `- ${code(s.text)} ${where}${cost}`
        }),
      )
    }
    if (small)
      out.push(
        '',
        `<sub>${small} more line${small > 1 ? 's' : ''} whose modules cost under ${formatMs(floor)} (\`min-delta\`) could be lazy too; the results file lists them.</sub>`,
      )
    out.push('')
  }
  return out.slice(0, -1)
}
