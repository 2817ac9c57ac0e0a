// Before any timing: can this pull request change what the import does? The
// files that differ (the worktrees' diff and the two environments' files), two
// traced imports a side (base and head at once: nothing is timed), and which
// changed lines ran, gathered here with every path made side-neutral; the
// decision is analysis/verdict/proof.ts.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ChangedFile } from '../analysis/verdict/affects.js'
import { differingFiles, linesFacts, neutralizer, onDisk, type SideRoot } from './proof-files.js'
import { prove, type Proof, type TraceFacts } from '../analysis/verdict/proof.js'
import type { SideEnvironment } from '../env/environment.js'
import type { ProfileObservation } from '../analysis/verdict/observations.js'
import { importTimeCosts } from '../measure/importtime-costs.js'
import { traceImport, type TraceReport } from '../measure/trace-import.js'
import { SIDES, traitsOf, type Side } from '../model/target.js'
import { METRICS, type MetricId } from '../model/metrics.js'
import type { Namer } from '../config/names.js'
import type { Sampling } from '../settings/setting-values.js'
import type { CommandDeps } from './pipeline.js'

/** Traced imports a side: two that disagree mean the import does not do the same work each time. */
export const TRACES_PER_SIDE = 2

export interface ProofPlaces {
  /** Each side's worktree (the checkout) and environment folder (null: imported from the worktree). */
  roots: Record<Side, SideRoot>
  envs: Record<Side, SideEnvironment>
  /** The files the commits differ in, repository-relative. */
  changes: readonly ChangedFile[]
  /** The children's empty cwd, where the proof's own files go too. */
  run: string
  timeoutMs: number
  minDeltaMs: number
  signal?: AbortSignal
}

function neutralTrace(report: TraceReport | string, neutral: (p: string) => string): TraceFacts {
  if (typeof report === 'string')
    return {
      ok: false,
      error: report,
      startup: [],
      how: 'none',
      modules: {},
      lines: {},
      touched: [],
      overflow: false,
      threads: 0,
    }
  return {
    ok: report.ok,
    error: report.error,
    how: report.how,
    overflow: report.overflow,
    threads: report.threads,
    modules: Object.fromEntries(
      Object.entries(report.modules).map(([name, file]) => [name, file && neutral(file)]),
    ),
    lines: Object.fromEntries(Object.entries(report.lines).map(([f, l]) => [neutral(f), l])),
    touched: report.touched.map(([event, path]) => ({ event, path: neutral(path) })),
    startup: report.startupFiles.map(neutral),
  }
}

/** A target's proof, and head's module set from its traced imports (their -X importtime lines). */
export interface TargetProof {
  proof: Proof
  /** What the engine's first profile run of head would give: the gates are checked on it. */
  headProfile: ProfileObservation | null
}

/** Head's last traced import as a profile run: the module set, its chains and costs. */
function profileOf(
  target: string,
  reports: readonly (TraceReport | string)[],
): ProfileObservation | null {
  const runs = reports.filter((r): r is TraceReport => typeof r !== 'string' && r.ok)
  const last = runs[runs.length - 1]
  if (!last || runs.length < reports.length) return null
  const { costs, failure } = importTimeCosts([last.stderr], target)
  return {
    runs: 1,
    added: last.added,
    moduleCount: last.modulesAfter,
    unstableModules: runs.some((r) => r.added.join('\n') !== last.added.join('\n')),
    costs,
    logs: [last.stderr],
    failure,
  }
}

/** The facts and the proof for each module target, in their order. */
export async function proveTargets(
  targets: readonly string[],
  places: ProofPlaces,
): Promise<Map<string, TargetProof>> {
  const { roots, envs } = places
  const neutral = { base: neutralizer(roots.base), head: neutralizer(roots.head) }
  const differing = await differingFiles(places.changes, roots)
  const python = differing.filter((f) => f.path.endsWith('.py'))
  const watched = Object.fromEntries(
    SIDES.map((side) => [
      side,
      python.flatMap((f) => onDisk(roots[side], f.path) ?? []).filter((p) => existsSync(p)),
    ]),
  ) as Record<Side, string[]>
  const proofs = new Map<string, TargetProof>()
  for (const target of targets) {
    const traces: Record<Side, TraceFacts[]> = { base: [], head: [] }
    const headReports: (TraceReport | string)[] = []
    for (let round = 0; round < TRACES_PER_SIDE; round++) {
      if (places.signal?.aborted) break
      const reports = await Promise.all(
        SIDES.map((side) =>
          traceImport({
            python: envs[side].python,
            env: envs[side].env,
            cwd: places.run,
            target,
            watched: watched[side],
            listFile: join(places.run, `importgate-trace-${side}.txt`),
            timeoutMs: places.timeoutMs,
          }),
        ),
      )
      SIDES.forEach((side, i) => traces[side].push(neutralTrace(reports[i]!, neutral[side])))
      headReports.push(reports[SIDES.indexOf('head')]!)
    }
    const loaded = new Set(
      SIDES.flatMap((side) => Object.values(traces[side][0]?.modules ?? {})).filter(Boolean),
    )
    const lines = await linesFacts(
      python.filter((f) => loaded.has(f.path)),
      traces,
      places,
    )
    proofs.set(target, {
      proof: prove({ traces, differing, lines, minDeltaMs: places.minDeltaMs }),
      headProfile: profileOf(target, headReports),
    })
  }
  return proofs
}

// Which targets the proof is tried for, and what the log says of each: module
// targets both sides list, when `proof` is on and no gating count is asked for.
export async function tryProofs(
  settings: {
    targets: readonly string[]
    newTargets: readonly string[]
    droppedTargets: readonly string[]
    sampling: Pick<Sampling, 'proof'>
    metrics: readonly MetricId[]
  },
  places: ProofPlaces,
  deps: CommandDeps,
  name: Namer,
): Promise<Map<string, TargetProof>> {
  if (!settings.sampling.proof) return new Map()
  // A gating count (instructions) is a gate of its own: it is compared, never proved.
  const counted = settings.metrics.find((id) => METRICS[id].kind === 'counted' && METRICS[id].gates)
  if (counted) {
    deps.log(`proof not tried: ${name('metric')} ${counted} asks for counts on both sides`)
    return new Map()
  }
  const targets = settings.targets.filter(
    (t) =>
      traitsOf(t).profiles &&
      !settings.newTargets.includes(t) &&
      !settings.droppedTargets.includes(t),
  )
  if (!targets.length) return new Map()
  deps.log(`proof: tracing one import a side, twice, of ${targets.join(', ')}`)
  const proofs = await proveTargets(targets, places)
  for (const [target, { proof }] of proofs)
    deps.log(
      proof.holds
        ? `proof: ${target} does the same work on both sides (${proof.differing} differing file(s), none run at import): nothing to time`
        : `proof: ${target} is timed: ${proof.reason?.replace(/`/g, '')}`,
    )
  return proofs
}
