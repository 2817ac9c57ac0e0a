// The markdown report: PR comment, job summary and --markdown. Pure.
import * as gate from './markdown-gate.js'
import * as section from './markdown-sections.js'
import * as causes from './markdown-causes.js'
import * as dependencies from './markdown-dependencies.js'
import * as lazy from './markdown-lazy.js'
import { driftSection } from './markdown-drift.js'
import type { ResultsDocument } from '../../results/schema.js'
import { functionsCalledAtImport, moduleLinker, type SourceLinks } from './markdown-functions.js'
import { buildView, type ReportView } from '../view/view.js'

/** GitHub refuses comments over 65,536 characters; the action adds its marker and footer. */
export const MARKDOWN_LIMIT = 60_000

/** List lengths tried in turn until the report fits. */
const CAPS = [30, 15, 8, 4, 2]

/**
 * What a reviewer reads first stays above the first <details>: the verdict, its
 * size and how sure, what the gate found, the causes with their lines, a graph
 * of them and the roll-up by package. Everything else is one click away.
 */
function render(doc: ReportView, cap: number, links: SourceLinks | undefined): string {
  if (doc.skipped)
    return `${[section.headline(doc), ...gate.configChanges(doc), section.skipped(doc), driftSection(doc, 8).join('\n')].filter(Boolean).join('\n\n')}\n`
  const name = moduleLinker(doc, links)
  const details = [
    section.moduleChanges(doc, cap, name, links),
    lazy.lazyHeadroom(doc, Math.min(cap, 10)),
    functionsCalledAtImport(doc, Math.min(cap, 5), links),
    section.byPackage(doc, Math.min(cap, 8), rollupWorthShowing(doc) ? 'rest' : 'all'),
    section.whereTimeWent(doc, Math.min(cap, 10), name),
    section.slowest(doc, Math.min(cap, 10)),
    section.moduleCounts(doc),
    dependencies.dependencies(doc, cap),
  ].filter((p) => p.length)
  const parts: string[][] = [
    [section.headline(doc)],
    gate.configChanges(doc),
    [section.deltaTable(doc)],
    gate.proofs(doc),
    gate.errors(doc),
    gate.shortfalls(doc),
    gate.forbidden(doc, cap),
    gate.budgets(doc),
    gate.watched(doc),
    gate.gaps(doc),
    lazy.loadedAnyway(doc, Math.min(cap, 10)),
    causes.why(doc, Math.min(cap, 5), name, links),
    driftSection(doc, cap),
    dependencies.dependencyLine(doc),
    causes.importGraph(doc, Math.min(cap, 4)),
    // Only the project's own row, on an unchanged import: nothing for a reviewer yet.
    rollupWorthShowing(doc) ? section.byPackage(doc, Math.min(cap, 6), 'first') : [],
    // measure has no causes to lead with: its slowest modules are the report.
    ...(doc.command === 'measure' ? details : details.length ? [collapsed(details)] : []),
    section.methodology(doc),
    section.cost(doc),
  ]
  return `${parts
    .filter((p) => p.length)
    .map((p) => p.join('\n'))
    .join('\n\n')}\n`
}

/** The roll-up earns its place above the details when some package other than the project's moved. */
function rollupWorthShowing(doc: ReportView): boolean {
  return doc.packages.some((p) => p.rows.some((r) => !r.own))
}

/** The details, one click away: full chains, functions, modules, other targets, dependencies. */
function collapsed(sections: string[][]): string[] {
  return [
    '<details><summary>Details: import chains, functions, own time by module, modules loaded, dependencies</summary>',
    '',
    sections.map((p) => p.join('\n')).join('\n\n'),
    '',
    '</details>',
  ]
}

/**
 * Renders the report, shortening lists until it fits under `limit`
 * characters; as a last resort it is cut, with a line saying so.
 */
export const markdownReport = (
  results: ResultsDocument,
  limit = MARKDOWN_LIMIT,
  options: { repoUrl?: string } = {},
): string => markdownOfView(buildView(results), limit, options)

/** The markdown report, laid out from the view model (built once per report by the caller). */
export function markdownOfView(
  doc: ReportView,
  limit = MARKDOWN_LIMIT,
  options: { repoUrl?: string } = {},
): string {
  const links = options.repoUrl
    ? {
        repoUrl: options.repoUrl.replace(/\/+$/, ''),
        sha: { base: doc.run.base?.sha ?? null, head: doc.run.head.sha },
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
