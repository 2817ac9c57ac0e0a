// Before any timing: can this pull request change what the import does? The
// files that differ (the worktrees' diff and the two environments' files), two
// traced imports a side (base and head at once: nothing is timed), and which
// changed lines ran, gathered here with every path made side-neutral; the
// decision is analysis/verdict/proof.ts.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { realpathSync } from 'node:fs'
import { structuredPatch } from 'diff'
import type { ChangedFile } from '../analysis/verdict/affects.js'
import {
  prove,
  type DifferingFile,
  type LinesFacts,
  type Proof,
  type TraceFacts,
} from '../analysis/verdict/proof.js'
import { environmentFiles, type EnvironmentFiles } from '../env/installed-files.js'
import type { SideEnvironment } from '../env/environment.js'
import type { ProfileObservation } from '../analysis/verdict/observations.js'
import { importTimeCosts } from '../measure/profiles.js'
import { judgeLines, traceImport, type TraceReport } from '../measure/trace-import.js'
import { SIDES, type Side } from '../model/target.js'

/** Traced imports a side: two that disagree mean the import does not do the same work each time. */
export const TRACES_PER_SIDE = 2

export interface ProofPlaces {
  /** Each side's worktree (the checkout) and environment folder (null: imported from the worktree). */
  roots: Record<Side, { tree: string; env: string | null }>
  envs: Record<Side, SideEnvironment>
  /** The files the commits differ in, repository-relative. */
  changes: readonly ChangedFile[]
  /** The children's empty cwd, where the proof's own files go too. */
  run: string
  timeoutMs: number
  minDeltaMs: number
  signal?: AbortSignal
}

const ABSENT = '0000000'
/** Larger Python files are not diffed (the measured code's, and a diff can be slow): every line counts as changed. */
const MAX_DIFFED_CHARS = 2_000_000
const presenceOf = (change: ChangedFile): DifferingFile['presence'] =>
  /^0+$/.test(change.modes[0] || ABSENT)
    ? 'head'
    : /^0+$/.test(change.modes[1] || ABSENT)
      ? 'base'
      : 'both'

/** A side's absolute path, side-neutral; paths outside its tree and environment stay as they are. */
function neutralizer(root: { tree: string; env: string | null }): (path: string) => string {
  const prefixes: [string, string][] = []
  for (const [dir, as] of [
    [root.env, '{env}'],
    [root.tree, '{tree}'],
  ] as const) {
    if (!dir) continue
    prefixes.push([dir, as])
    try {
      const real = realpathSync(dir)
      if (real !== dir) prefixes.push([real, as])
    } catch {
      /* not there: nothing can be under it */
    }
  }
  return (path) => {
    for (const [dir, as] of prefixes)
      if (path === dir || path.startsWith(dir + sep)) return as + path.slice(dir.length)
    return path
  }
}

const onDisk = (root: { tree: string; env: string | null }, path: string): string | null => {
  if (path.startsWith('{tree}/')) return join(root.tree, path.slice(7))
  if (path.startsWith('{env}/') && root.env) return join(root.env, path.slice(6))
  return null
}

function environmentDiff(files: Record<Side, EnvironmentFiles>): DifferingFile[] {
  const paths = new Set([...files.base.hashes.keys(), ...files.head.hashes.keys()])
  const out: DifferingFile[] = []
  for (const path of [...paths].sort()) {
    const [b, h] = [files.base.hashes.get(path), files.head.hashes.get(path)]
    if (b === h) continue
    const owner = files.head.owners.get(path) ?? files.base.owners.get(path) ?? null
    out.push({
      path: `{env}/${path}`,
      presence: b === undefined ? 'head' : h === undefined ? 'base' : 'both',
      owner: owner && {
        name: owner.name,
        versions: {
          base: files.base.distributions.get(owner.name)?.version ?? null,
          head: files.head.distributions.get(owner.name)?.version ?? null,
        },
        project: owner.project,
      },
    })
  }
  return out
}

function neutralTrace(report: TraceReport | string, neutral: (p: string) => string): TraceFacts {
  if (typeof report === 'string')
    return {
      ok: false,
      error: report,
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
  }
}

/** Base's removed and head's added lines of one file; every line of a side that alone has it. */
async function changedLines(paths: Record<Side, string | null>): Promise<Record<Side, number[]>> {
  const text = async (p: string | null) => (p && existsSync(p) ? await readFile(p, 'utf8') : null)
  const [base, head] = [await text(paths.base), await text(paths.head)]
  const all = (t: string | null) => (t === null ? [] : t.split('\n').map((_, i) => i + 1))
  // A diff is quadratic at worst: a file this large counts as changed throughout.
  const huge = (t: string | null) => (t?.length ?? 0) > MAX_DIFFED_CHARS
  if (base === null || head === null || huge(base) || huge(head))
    return { base: all(base), head: all(head) }
  const changed = { base: [] as number[], head: [] as number[] }
  for (const hunk of structuredPatch('base', 'head', base, head, '', '', { context: 0 }).hunks) {
    for (let n = 0; n < hunk.oldLines; n++) changed.base.push(hunk.oldStart + n)
    for (let n = 0; n < hunk.newLines; n++) changed.head.push(hunk.newStart + n)
  }
  return changed
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
  const differing: DifferingFile[] = places.changes.map((change) => {
    const opaque = change.modes.includes('160000')
      ? ('submodule' as const)
      : change.modes.includes('120000')
        ? ('symlink' as const)
        : null
    return {
      path: `{tree}/${change.path}`,
      presence: presenceOf(change),
      ...(opaque ? { opaque } : {}),
    }
  })
  if (roots.base.env && roots.head.env) {
    const files = {
      base: await environmentFiles(roots.base.env, roots.base.tree),
      head: await environmentFiles(roots.head.env, roots.head.tree),
    }
    differing.push(...environmentDiff(files))
  }
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

async function linesFacts(
  files: readonly DifferingFile[],
  traces: Record<Side, TraceFacts[]>,
  places: ProofPlaces,
): Promise<LinesFacts[]> {
  const asked = new Map<string, Record<Side, number[]>>()
  for (const file of files) {
    const paths = {
      base: onDisk(places.roots.base, file.path),
      head: onDisk(places.roots.head, file.path),
    }
    asked.set(file.path, await changedLines(paths))
  }
  const judged = Object.fromEntries(
    await Promise.all(
      SIDES.map(async (side) => {
        const hits = (path: string) => [
          ...new Set(traces[side].flatMap((t) => t.lines[path] ?? [])),
        ]
        const request = files.flatMap((file) => {
          const disk = onDisk(places.roots[side], file.path)
          return disk && existsSync(disk)
            ? [{ path: disk, hits: hits(file.path), asked: asked.get(file.path)![side] }]
            : []
        })
        const verdicts = await judgeLines(
          places.envs[side].python,
          places.envs[side].env,
          places.run,
          request,
          join(places.run, `importgate-proof-lines-${side}.json`),
        )
        return [side, verdicts] as const
      }),
    ),
  ) as Record<Side, Awaited<ReturnType<typeof judgeLines>>>
  return files.map((file) => {
    const of = (side: Side) => {
      const disk = onDisk(places.roots[side], file.path)
      return disk ? judged[side].get(disk) : undefined
    }
    const [b, h] = [of('base'), of('head')]
    const missing =
      (b === undefined && file.presence !== 'head') || (h === undefined && file.presence !== 'base')
    return {
      path: file.path,
      ran: { base: b?.runs ?? [], head: h?.runs ?? [] },
      codeBytes: { base: b?.codeBytes ?? null, head: h?.codeBytes ?? null },
      error: b?.error ?? h?.error ?? (missing ? 'its lines were not judged' : null),
    }
  })
}
