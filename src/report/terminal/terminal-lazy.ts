// The terminal lines for PEP 810's lazy imports (Python 3.15+), shared by
// measure and compare: declared-lazy imports loaded anyway, then per target
// the headroom with every import lazy and the lines that could be. Pure.
import { formatMs } from '../view/format.js'
import type { Style } from './style.js'
import { allLazyText, lazySuggestions, profiledCost } from '../view/view-lazy.js'
import type { ReportView } from '../view/view.js'

/** At most this many lines that could be lazy, per target; the JSON has them all. */
const SHOWN = 5

export function lazyImportLines(view: ReportView, style: Style): string[] {
  const out: string[] = []
  const enforced = view.run.settings.enforce_lazy === true
  for (const item of view.lazyImports) {
    for (const l of item.lazy.loaded_anyway)
      out.push(
        (enforced ? style.red : style.yellow)(
          `${enforced ? 'forbidden (enforce-lazy): ' : ''}${item.target}: ${l.module} is declared lazy at ${l.file}:${l.line}, but the import loads it anyway` +
            (l.loaded_at ? ` (first needed at ${l.loaded_at.file}:${l.loaded_at.line})` : ''),
        ),
      )
    const all = item.lazy.all_lazy_ms
    if (all !== null)
      out.push(
        style.dim(
          `${item.target}: with every import lazy (PEP 810), ${allLazyText(all, item.headMs)} (one untimed run)`,
        ),
      )
    const suggestions = lazySuggestions(item.lazy, view.run.settings.min_delta_ms)
    for (const s of suggestions.slice(0, SHOWN))
      out.push(
        style.dim(
          `  could be lazy: ${s.text} ${s.lines.length > 1 || (item.lazy.form ?? 'statement') !== 'statement' ? `in ${s.file} (lines ${s.lines.join(', ')})` : `at ${s.file}:${s.lines[0]}`}` +
            (s.ms === null ? '' : ` (${profiledCost(s.ms, item.profileMs, formatMs)})`),
        ),
      )
    if (suggestions.length > SHOWN)
      out.push(style.dim(`  … and ${suggestions.length - SHOWN} more`))
  }
  return out.length ? ['', ...out] : []
}
