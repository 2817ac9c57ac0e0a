// The markdown report: PR comment, job summary and --markdown. Pure.
import * as gate from './markdown-gate.js'
import * as section from './markdown-sections.js'
import type { ResultsDocument } from '../results/schema.js'
import { functionsCalledAtImport, moduleLinker, type SourceLinks } from './markdown-functions.js'
import { buildView, type ReportView } from './view.js'

/** GitHub refuses comments over 65,536 characters; the action adds its marker and footer. */
export const MARKDOWN_LIMIT = 60_000

/** List lengths tried in turn until the report fits. */
const CAPS = [30, 15, 8, 4, 2]

function render(doc: ReportView, cap: number, links: SourceLinks | undefined): string {
  const parts: string[][] = [
    [section.headline(doc)],
    gate.configChanges(doc),
    [section.deltaTable(doc)],
    gate.shortfalls(doc),
    gate.forbidden(doc, cap),
    gate.budgets(doc),
    gate.watched(doc),
    section.lazyLoading(doc, cap, moduleLinker(doc, links)),
    functionsCalledAtImport(doc, Math.min(cap, 5), links),
    section.byPackage(doc, Math.min(cap, 8)),
    section.whereTimeWent(doc, Math.min(cap, 10), moduleLinker(doc, links)),
    section.slowest(doc, Math.min(cap, 10)),
    section.moduleCounts(doc),
    section.dependencies(doc, cap),
    gate.errors(doc),
    section.methodology(doc),
  ]
  return `${parts
    .filter((p) => p.length)
    .map((p) => p.join('\n'))
    .join('\n\n')}\n`
}

/**
 * Renders the report, shortening lists until it fits under `limit`
 * characters; as a last resort it is cut, with a line saying so.
 */
export function markdownReport(
  results: ResultsDocument,
  limit = MARKDOWN_LIMIT,
  options: { repoUrl?: string } = {},
): string {
  const doc = buildView(results)
  const links = options.repoUrl
    ? {
        repoUrl: options.repoUrl.replace(/\/+$/, ''),
        sha: { base: results.base?.sha ?? null, head: results.head.sha },
      }
    : undefined
  for (const cap of CAPS) {
    const text = render(doc, cap, links)
    if (text.length <= limit) return text
  }
  const notice = '\n\n… (report cut to fit; the full results are in the uploaded JSON)\n'
  const text = render(doc, CAPS[CAPS.length - 1]!, links)
  const cut = text.lastIndexOf('\n', limit - notice.length)
  return text.slice(0, cut > 0 ? cut : limit - notice.length) + notice
}
