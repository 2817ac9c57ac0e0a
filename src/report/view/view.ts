// The one view model every report formats: the headline, the rows, the gate's
// items and the groups of modules now imported or no longer imported, built once from a results document.
// Markdown, the terminal and annotations only lay it out. Pure.
import { driftView } from './view-drift.js'
import { installText } from './install-text.js'
import { traitsOf } from '../../model/target.js'
import { mostSerious } from '../../model/verdict.js'
import type { FunctionChangeJson, ResultsDocument, TargetResult } from '../../results/schema.js'
import { grouped } from '../../analysis/attribution/module-groups.js'
import { headlineOf, namesCause, worst } from './headline.js'
import { phasesText } from './format.js'
import { visibleDeep } from './untrusted.js'
import { watchItem } from './view-watch.js'
import { lazyImportsOf } from './view-lazy.js'
import { rowsOf } from './view-rows.js'
import { gapsOf, targetLabel, undecidedPassesOf, widePasses } from './view-notes.js'
import { medianNotes } from './view-medians.js'

export { intervalColumn, reportedOnly, type MetricRowView, type SideFigures } from './view-rows.js'
import { causeText, causesOf, mainCause, ownTimeCause, type TargetChanges } from './view-causes.js'
import { packageExplainedBy } from './package-causes.js'

import type {
  BudgetItem,
  ForbiddenItem,
  ModuleChangesView,
  ReportView,
  RunFacts,
  ShortfallItem,
} from './view-model.js'

export type { BudgetItem, ForbiddenItem, ModuleChangesView, ReportView, RunFacts, ShortfallItem }

/** " (40 to 120 pairs per target, each sampled until decided)" when targets stopped at different counts. */
export function pairsNote(view: ReportView): string {
  const pairs = view.rows.filter((r) => r.gating && r.delta).map((r) => r.delta!.pairs)
  if (pairs.length < 2) return ''
  const [least, most] = [Math.min(...pairs), Math.max(...pairs)]
  return least === most ? '' : ` (${least} to ${most} pairs per target, each sampled until decided)`
}

/**
 * What the verdict cost, for the footer: the sampling time and the pairs it
 * took, and the whole run. Null when nothing was compared.
 */
export function costText(view: ReportView): string | null {
  const pairs = view.rows.filter((r) => r.gating && r.delta).map((r) => r.delta!.pairs)
  const sampling = view.run.samplingS
  const s = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} s`
  const proof = view.run.proofS
  if (proof !== null && view.rows.length && view.rows.every((r) => r.proved))
    return `verdict by proof after ${s(proof)} of tracing, ${view.rows.some((r) => r.head) ? 'head alone timed for its budget' : 'nothing timed'}, ${s(view.run.durationS)} in all`
  if (!pairs.length || sampling === null) return null
  const most = Math.max(...pairs)
  return `verdict after ${s(sampling)} of sampling (${most === Math.min(...pairs) ? most : `up to ${most}`} pairs), ${s(view.run.durationS)} in all`
}

function moduleChangesOf(t: TargetResult): ModuleChangesView[] {
  const views: ModuleChangesView[] = []
  for (const [changes, eager] of [
    [t.modules?.added ?? [], true],
    [t.modules?.removed ?? [], false],
  ] as const) {
    if (!changes.length) continue
    views.push({
      target: t.name,
      eager,
      groups: grouped([...changes]),
      aliases: changes.filter((c) => c.chain.length === 0).length,
    })
  }
  return views
}

function changesOf(t: TargetResult): TargetChanges {
  return {
    target: t.name,
    added: t.modules?.added ?? [],
    removed: t.modules?.removed ?? [],
    functions: ownCallersFirst(t.function_changes ?? []),
  }
}

/**
 * The project's own calling modules (a file in the repository) first, the
 * analysis' order otherwise: where a reviewer can act. A class-creation hook
 * is reached through `builtins.__build_class__`, which every module with a
 * class statement calls: after a pydantic bump the list began with
 * `pydantic.warnings` 3 → 12, and the project's `class Note(BaseModel)` was
 * one of 85 more.
 */
function ownCallersFirst(changes: readonly FunctionChangeJson[]): FunctionChangeJson[] {
  return changes.map((c) => ({
    ...c,
    callers: [...c.callers].sort((a, b) => Number(b.path !== null) - Number(a.path !== null)),
  }))
}

import { proofNotes, provedHeadline } from './view-proof.js'

export function buildView(document: ResultsDocument): ReportView {
  // Everything shown comes from here, and much of it from the measured code.
  const doc = visibleDeep(document)
  const command = doc.command === 'measure' ? 'measure' : 'compare'
  const compare = doc.command === 'measure' ? null : doc
  // Once per target: the causes, the package table and the functions list read the same changes.
  const changesByTarget = new Map(doc.targets.map((t) => [t, changesOf(t)]))
  const changesFor = (t: TargetResult) => changesByTarget.get(t)!
  const causes = causesOf(doc.targets.map(changesFor))
  const own = (t: TargetResult) => ownTimeCause(t.name, t.modules?.self_time_changes ?? [])
  // The cause the headline names comes first wherever causes are listed.
  const [top] = worst(doc.targets)
  const leading =
    top?.delta && namesCause(top) ? mainCause(causes, top.name, top.delta, own(top)) : null
  return {
    command,
    // What the rows show decides, as the headline does: a file whose top-level
    // verdict says "pass" over regressing rows (forged, or edited) cannot pass the check.
    verdict: mostSerious([doc.verdict, ...doc.targets.map((t) => t.verdict)]),
    headline: compare?.skipped
      ? [
          compare.skipped.changed_count === 0
            ? // The same commit, or two with the same files (a drift check run on its release).
              '✅ Nothing to measure: base and head have the same files'
            : `✅ Nothing to measure: none of the ${compare.skipped.changed_count} changed file${compare.skipped.changed_count === 1 ? '' : 's'} can affect importing`,
        ]
      : (provedHeadline(doc) ??
        headlineOf(doc.targets, command, (t) => {
          const cause = t.delta ? mainCause(causes, t.name, t.delta, own(t)) : null
          return cause ? causeText(cause, t.name) : null
        })),
    causes:
      leading && leading.kind !== 'own'
        ? [leading, ...causes.filter((c) => c !== leading)]
        : causes,
    ownTimeLeads: leading?.kind === 'own',
    rows: doc.targets.flatMap(rowsOf),
    proofs: proofNotes(doc),
    importTrees: doc.targets.flatMap((t) => {
      const base = t.base?.profile?.tree ?? null
      const head = t.head?.profile?.tree ?? null
      return base || head ? [{ target: t.name, base, head }] : []
    }),
    configChanges: compare?.config_changes ?? [],
    newTargets: doc.targets.filter((t) => t.new).map((t) => t.name),
    forbidden: doc.targets.flatMap((t) => t.forbidden.map((f) => ({ target: t.name, ...f }))),
    budgets: doc.targets.flatMap((t) => {
      const b = t.budget
      const items: BudgetItem[] = []
      if (b?.time)
        items.push({
          target: t.name,
          on: 'time',
          limit: b.time.limit_ms,
          actual: b.time.median_ms,
          ok: b.time.ok,
        })
      if (b?.modules)
        items.push({
          target: t.name,
          on: 'modules',
          limit: b.modules.limit,
          actual: b.modules.count,
          ok: b.modules.ok,
        })
      return items
    }),
    shortfalls: doc.targets.flatMap((t) =>
      t.inconclusive
        ? [
            {
              target: targetLabel(t),
              reason: t.inconclusive.reason ?? 'too-few-pairs',
              pairs: t.inconclusive.pairs,
              needed: t.inconclusive.needed_pairs,
              suggestedMaxTimeS: t.inconclusive.suggested_max_time_s,
              suggestedMaxPairs: t.inconclusive.suggested_max_pairs ?? null,
              delta: t.delta,
            },
          ]
        : [],
    ),
    watched: doc.targets.flatMap((t) => (t.watch ?? []).map((w) => watchItem(t.name, w))),
    widePasses: widePasses(doc),
    medianNotes: medianNotes(doc),
    undecidedPasses: undecidedPassesOf(doc),
    gaps: gapsOf(doc),
    lazyImports: lazyImportsOf(doc),
    packages: doc.targets.flatMap((t) => {
      // Files without `notable` (none were written) show every changed row.
      const rows = (t.packages ?? []).filter((r) => r.own || (r.notable ?? r.delta_ms !== 0))
      const changes = changesFor(t)
      const explained = rows.map((r) => ({
        ...r,
        cause: r.own ? null : packageExplainedBy(causes, changes, r.name),
      }))
      return t.delta && rows.length ? [{ target: t.name, rows: explained }] : []
    }),
    moduleChanges: doc.targets.flatMap(moduleChangesOf),
    errors: doc.targets.flatMap((t) =>
      t.error
        ? [
            {
              target: targetLabel(t),
              error: t.error,
            },
          ]
        : [],
    ),
    sources: Object.fromEntries(doc.targets.map((t) => [t.name, t.sources ?? {}])),
    functions: doc.targets.flatMap((t) => {
      const changes = changesFor(t).functions
      return changes.length ? [{ target: t.name, changes }] : []
    }),
    selfTime: doc.targets.flatMap((t) =>
      t.delta && t.modules?.self_time_changes.length
        ? [{ target: t.name, changes: t.modules.self_time_changes }]
        : [],
    ),
    slowest:
      command === 'measure'
        ? doc.targets.flatMap((t) =>
            t.head?.profile.slowest.length
              ? [
                  {
                    target: t.name,
                    runs: t.head.profile.runs,
                    unstable: t.head.profile.unstable_modules,
                    modules: t.head.profile.slowest,
                  },
                ]
              : [],
          )
        : [],
    // The module counts are the same in every cache state: the warm entry's.
    moduleCounts: doc.targets.flatMap((t) =>
      t.head && !t.variant && traitsOf(t.name).lazyRuns
        ? [{ target: t.name, base: t.base, head: t.head }]
        : [],
    ),
    dependencies: compare?.deps?.changed ?? [],
    drift: driftView(compare?.drift),
    skipped: compare?.skipped
      ? {
          count: compare.skipped.changed_count,
          files: compare.skipped.changed_files,
          affects: compare.settings.affects ?? [],
        }
      : null,
    run: {
      python: doc.python,
      platform: doc.platform,
      base: doc.base,
      head: doc.head,
      rounds: doc.rounds,
      warmupRounds: doc.warmup_rounds ?? doc.settings.warmups,
      ...(doc.pinned_cores !== undefined ? { pinnedCores: doc.pinned_cores } : {}),
      ...(doc.rounds_side_by_side ? { sideBySide: doc.rounds_side_by_side } : {}),
      truncated: doc.truncated,
      durationS: doc.duration_s,
      phases: phasesText(doc.phases_s),
      samplingS: doc.phases_s?.sampling ?? null,
      proofS: doc.phases_s?.proof ?? null,
      version: doc.tool?.version ?? '',
      settings: doc.settings,
      install: installText(doc.installs),
      ...(compare?.boundary ? { boundary: compare.boundary } : {}),
    },
  }
}
