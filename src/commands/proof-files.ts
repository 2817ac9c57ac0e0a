// What the proof reads of the change. First the files that differ between the
// two sides, side-neutral: the commits' diff (a submodule or a symbolic link is
// opaque to the proof) and every file of the two environments, each with the
// distribution that installed it; then which changed lines of each ran at import.
import { existsSync, realpathSync } from 'node:fs'
import { join, sep } from 'node:path'
import type { ChangedFile } from '../analysis/verdict/affects.js'
import type { DifferingFile, LinesFacts, TraceFacts } from '../analysis/verdict/proof.js'
import { environmentFiles, type EnvironmentFiles } from '../env/installed-files.js'
import { SIDES, type Side } from '../model/target.js'
import { readFile } from 'node:fs/promises'
import { structuredPatch } from 'diff'
import type { SideEnvironment } from '../env/environment.js'
import { judgeLines } from '../measure/trace-import.js'

/** A side's worktree, and its environment folder (null: imported from the worktree). */
export interface SideRoot {
  tree: string
  env: string | null
}

const ABSENT = '0000000'
const presenceOf = (change: ChangedFile): DifferingFile['presence'] =>
  /^0+$/.test(change.modes[0] || ABSENT)
    ? 'head'
    : /^0+$/.test(change.modes[1] || ABSENT)
      ? 'base'
      : 'both'

/** A side's absolute path, side-neutral; paths outside its tree and environment stay as they are. */
export function neutralizer(root: SideRoot): (path: string) => string {
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

/** Where a side-neutral path is on a side's disk; null outside its tree and environment. */
export const onDisk = (root: SideRoot, path: string): string | null => {
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

/** Every file that differs between the sides: the commits' changed files, then the environments'. */
export async function differingFiles(
  changes: readonly ChangedFile[],
  roots: Record<Side, SideRoot>,
): Promise<DifferingFile[]> {
  const differing: DifferingFile[] = changes.map((change) => {
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
  return differing
}

// Which changed lines of each differing Python file ran at import: the two
// sides' contents diffed line by line (what was installed, so generated files
// count), and each changed line judged by proof_lines.py against the lines the
// traced imports ran.
/** Larger Python files are not diffed (the measured code's, and a diff can be slow): every line counts as changed. */
const MAX_DIFFED_CHARS = 2_000_000

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

/** Where the files are, and who judges them. */
export interface LinesPlaces {
  roots: Record<Side, SideRoot>
  envs: Record<Side, SideEnvironment>
  /** The children's empty cwd: the judge's request files go here. */
  run: string
}

export async function linesFacts(
  files: readonly DifferingFile[],
  traces: Record<Side, TraceFacts[]>,
  places: LinesPlaces,
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
